package dev.realtimetck.tck.adversarial;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.TckTransportSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The adversarial catalogue: realistic broken {@link RealtimeTransportLayer}s, each the reference transport with one
 * behaviour of docs/transport-behaviour.md wrong. Ids are stable: entries are only ever appended to {@link #ORDER}.
 * Each entry's rules, category and mistake come from the {@link Bug} annotation of its class.
 */
public final class AdversarialCatalogue {

    /** One broken transport. */
    public record Entry(String id, List<String> rules, Bug.Category category, String mistake,
            boolean breaksConnectOrClose, Class<?> type) {

        /** Builds the reference transport as ExampleTransportTckTest#referenceTransport does and applies the bug. */
        public RealtimeTransportLayer create(TckTransportSettings settings) {
            return AdversarialCatalogue.create(type, settings);
        }
    }

    /** The bug classes in id order: ADV-001 is the first. Append only. */
    static final List<Class<?>> ORDER = List.of(
            ClientFrameBugs.EventIdOnEveryEvent.class,
            ClientFrameBugs.SendEventDropsNulls.class,
            ClientFrameBugs.SendEventIgnoredWhenDisconnected.class,
            ClientFrameBugs.CallerEventIdReplaced.class,
            ClientFrameBugs.CancelDroppedWhenIdle.class,
            ClientFrameBugs.RequestPayloadIgnored.class,
            ClientFrameBugs.UserTextTypedText.class,
            ClientFrameBugs.ClientItemIdAssigned.class,
            ClientFrameBugs.ImageKeyNotRenamed.class,
            ClientFrameBugs.TextPartsFirst.class,
            ClientFrameBugs.OtherEventDataIgnored.class,
            ClientFrameBugs.OtherEventDataInsideItem.class,
            ClientFrameBugs.TriggerResponseIgnored.class,
            ClientFrameBugs.ResponseRequestedBeforeItem.class,
            ClientFrameBugs.ImageDetailAdded.class,
            ClientFrameBugs.AddImageNeverTriggers.class,
            ClientFrameBugs.UrlSafeBase64.class,
            ClientFrameBugs.UnpaddedBase64.class,
            ClientFrameBugs.CommitIgnored.class,
            ClientFrameBugs.CommitBeforeAppend.class,
            ClientFrameBugs.WholeBackingArray.class,
            ClientFrameBugs.BigEndianSamples.class,
            ClientFrameBugs.AudioSplitIntoFrames.class,
            ClientFrameBugs.UnawaitedSends.class,
            ClientFrameBugs.LargeAudioRejected.class,
            ClientFrameBugs.SendAudioThrowsWhenDisconnected.class,
            ClientFrameBugs.CloseClearsInputBuffer.class,
            ClientFrameBugs.MuteIgnored.class,
            ClientFrameBugs.MutedReportsUnmuted.class,
            ClientFrameBugs.OutputAfterResponseRequest.class,
            ClientFrameBugs.CallIdFromItemId.class,
            ClientFrameBugs.NoLocalItemUpdate.class,
            ClientFrameBugs.StartResponseIgnored.class,
            ClientFrameBugs.McpResponseUnanchored.class,
            ClientFrameBugs.McpResponseRequestsResponse.class,
            ClientFrameBugs.McpReasonNull.class);

    private static final List<Entry> ENTRIES = entries();

    private AdversarialCatalogue() {
    }

    /** Every entry, in id order. */
    public static List<Entry> entries() {
        if (ENTRIES != null) {
            return ENTRIES;
        }
        List<Entry> list = new ArrayList<>();
        for (int i = 0; i < ORDER.size(); i++) {
            Class<?> type = ORDER.get(i);
            Bug bug = type.getAnnotation(Bug.class);
            if (bug == null) {
                throw new IllegalStateException(type.getName() + " has no @Bug");
            }
            list.add(new Entry(String.format("ADV-%03d", i + 1), List.of(bug.rules()), bug.category(), bug.mistake(),
                    bug.breaksConnectOrClose(), type));
        }
        return Collections.unmodifiableList(list);
    }

    static RealtimeTransportLayer create(Class<?> type, TckTransportSettings settings) {
        FrameSeam seam = new FrameSeam();
        RealtimeTransportLayer reference = Harness.reference(settings, seam);
        try {
            if (BuggyTransport.class.isAssignableFrom(type)) {
                Constructor<?> constructor = type.getDeclaredConstructor(RealtimeTransportLayer.class, FrameSeam.class);
                BuggyTransport transport = (BuggyTransport) constructor.newInstance(reference, seam);
                if (transport instanceof FrameHooks hooks) {
                    seam.hooks(hooks);
                }
                return transport;
            }
            seam.hooks((FrameHooks) type.getDeclaredConstructor().newInstance());
            return new BuggyTransport(reference, seam);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
