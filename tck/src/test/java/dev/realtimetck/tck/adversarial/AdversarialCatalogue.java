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
            ClientFrameBugs.McpReasonNull.class,
            SessionConfigBugs.InitialUpdateWithoutModel.class,
            SessionConfigBugs.InitialConfigModelWins.class,
            SessionConfigBugs.InitialUpdateFromBackground.class,
            SessionConfigBugs.InitialUpdateBeforeListeners.class,
            SessionConfigBugs.NoTracingFollowUp.class,
            SessionConfigBugs.TracingNullSentAsAuto.class,
            SessionConfigBugs.TracingUpdateCarriesMore.class,
            SessionConfigBugs.TracingInEveryUpdate.class,
            SessionConfigBugs.SessionUpdateEventId.class,
            SessionConfigBugs.DefaultsLeftOut.class,
            SessionConfigBugs.SessionNullsDropped.class,
            SessionConfigBugs.ServerVadDefault.class,
            SessionConfigBugs.ParallelToolCallsFalseDropped.class,
            SessionConfigBugs.UpdateWithoutModel.class,
            SessionConfigBugs.ProviderDataIgnored.class,
            SessionConfigBugs.TopLevelVoiceIgnored.class,
            SessionConfigBugs.TopLevelVoiceWins.class,
            SessionConfigBugs.G711WithRate.class,
            SessionConfigBugs.PcmRateForced.class,
            SessionConfigBugs.TurnDetectionCamelCase.class,
            SessionConfigBugs.TurnDetectionFalsyDropped.class,
            SessionConfigBugs.TurnDetectionUnknownKeysDropped.class,
            SessionConfigBugs.McpApprovalDefaultNever.class,
            SessionConfigBugs.EmptyToolsSent.class,
            SessionConfigBugs.FunctionToolStrictSent.class,
            InterruptBugs.AudioEndInSeconds.class,
            InterruptBugs.AudioEndInSamples.class,
            InterruptBugs.AudioEndInBytes.class,
            InterruptBugs.OneBytePerSample.class,
            InterruptBugs.OutputFormatIgnored.class,
            InterruptBugs.LatestSessionFormat.class,
            InterruptBugs.FirstPartStaysTracked.class,
            InterruptBugs.ContentIndexZero.class,
            InterruptBugs.AudioEndUnclamped.class,
            InterruptBugs.AudioEndWholePart.class,
            InterruptBugs.AudioEndUnrounded.class,
            InterruptBugs.TruncateAlways.class,
            InterruptBugs.TruncateBeforeCancel.class,
            InterruptBugs.AudioDoneEndsTracking.class,
            InterruptBugs.NoAudioInterrupted.class,
            InterruptBugs.AudioInterruptedTwice.class,
            InterruptBugs.CancelAfterResponseDone.class,
            InterruptBugs.SpeechStartedAlwaysCancels.class,
            HistoryBugs.DeletesAfterCreates.class,
            HistoryBugs.UpdateWithoutDelete.class,
            HistoryBugs.HistoryIdsPerCall.class,
            HistoryBugs.NoAnchors.class,
            HistoryBugs.RootAnchorAsNull.class,
            HistoryBugs.SystemMessageStatusSent.class,
            HistoryBugs.HistoryWithoutEventIds.class,
            HistoryBugs.PendingRequestsForgotten.class,
            HistoryBugs.IdentityComparison.class,
            HistoryBugs.AssistantAudioSkipped.class,
            HistoryBugs.McpChangesSkipped.class,
            HistoryBugs.HistoryIgnoredWhenDisconnected.class,
            EventBugs.MalformedFrameReported.class,
            EventBugs.AnyCopyWithoutNulls.class,
            EventBugs.ErrorNotOnAny.class,
            EventBugs.ErrorAlsoByName.class,
            EventBugs.UnknownTypesByName.class,
            EventBugs.BetaNamesNormalised.class,
            EventBugs.AudioDeltaNotByName.class,
            EventBugs.ErrorPayloadInnerOnly.class,
            EventBugs.ServerTotalTokens.class,
            EventBugs.UsageOnlyWhenSent.class,
            EventBugs.TurnDoneWithoutOutput.class,
            EventBugs.AudioStillBase64.class,
            EventBugs.AudioDoneMissing.class,
            EventBugs.TranscriptIdsSwapped.class,
            EventBugs.TextDeltaAsTranscript.class,
            EventBugs.InputTranscriptionAsTranscript.class,
            EventBugs.ItemDeletedMissing.class,
            EventBugs.TranscriptionRetrieveMissing.class,
            EventBugs.McpRetrieveMissing.class,
            EventBugs.SystemMessageStatus.class,
            EventBugs.AddedDefaultsToCompleted.class,
            EventBugs.AssistantAudioPartDropped.class,
            EventBugs.FunctionCallWhileInProgress.class,
            EventBugs.FunctionCallFromConversationItem.class,
            EventBugs.FunctionCallIdsSwapped.class,
            EventBugs.McpCompletedMissing.class,
            EventBugs.McpApprovedDefaultsFalse.class,
            EventBugs.McpToolsListedOnAdded.class,
            LifecycleBugs.ConnectedTooEarly.class,
            LifecycleBugs.NoConnectingEvent.class,
            LifecycleBugs.DisconnectedTwice.class,
            LifecycleBugs.CloseWithoutDisconnectEvent.class,
            LifecycleBugs.SecondCloseThrows.class,
            LifecycleBugs.SecondConnectSucceeds.class,
            LifecycleBugs.KeySupplierCalledTwice.class,
            LifecycleBugs.KeyInQueryOnly.class,
            LifecycleBugs.KeyAlsoInQuery.class,
            LifecycleBugs.BetaHeaderSent.class,
            LifecycleBugs.NoSdkHeaders.class,
            LifecycleBugs.ModelAlwaysAppended.class,
            LifecycleBugs.ModelNotSticky.class,
            LifecycleBugs.FailedConnectKeepsModel.class,
            LifecycleBugs.CloseBeforeOpenReported.class,
            LifecycleBugs.SocketErrorSilent.class,
            LifecycleBugs.ServerCloseReportedAsError.class,
            LifecycleBugs.NoSessionUpdateOnReconnect.class,
            LifecycleBugs.SingleUse.class,
            LifecycleBugs.ConnectedListenerFailureSwallowed.class,
            LifecycleBugs.MessagesQueuedBeforeConnect.class,
            SequencingBugs.EverythingWaitsForCreate.class,
            SequencingBugs.GeneratedEventIdMissing.class,
            SequencingBugs.CreateDispatchedLater.class,
            SequencingBugs.NotDeferredWhileActive.class,
            SequencingBugs.ReleasedAtCreated.class,
            SequencingBugs.AutoRequestsNotCoalesced.class,
            SequencingBugs.ManualCoalescedWhenQueued.class,
            SequencingBugs.ErrorDoesNotRelease.class,
            SequencingBugs.ErrorReleasesOnlyWithListener.class,
            SequencingBugs.RequestIgnoredWhenDisconnected.class,
            DeliveryBugs.AudioOffDispatchThread.class,
            DeliveryBugs.TextDeltasOnCommonPool.class,
            DeliveryBugs.ConnectNeverCompletes.class,
            DeliveryBugs.CloseDuringConnectHangs.class,
            DeliveryBugs.CloseWaitsForServerClose.class,
            DeliveryBugs.SendFromListenerDeadlocks.class,
            DeliveryBugs.AnyAfterTypedEvents.class,
            DeliveryBugs.UsageAfterTurnDone.class,
            SequencingBugs.QueueSurvivesReconnect.class,
            EventBugs.TurnStartedOnlyWhenRequested.class,
            EventBugs.OutputItemPlacedAfterLastItem.class);

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
