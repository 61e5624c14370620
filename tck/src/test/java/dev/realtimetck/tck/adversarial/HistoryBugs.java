package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.HISTORY;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose resetHistory is wrong (A32-A37, C17). */
final class HistoryBugs {

    private HistoryBugs() {
    }

    static boolean isDelete(ObjectNode frame) {
        return FrameBug.isType(frame, "conversation.item.delete");
    }

    /** A resetHistory bug that sees the frames of one call together (between two marks). */
    abstract static class HistoryCall extends BuggyTransport implements FrameHooks {
        private final List<String> batch = new ArrayList<>();
        private boolean inCall;

        HistoryCall(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        /** The frames of one resetHistory call, in order; returns what reaches the wire. */
        abstract List<String> rewrite(List<String> frames);

        @Override
        public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
            if (delegate.status() != ConnectionStatus.CONNECTED) {
                super.resetHistory(oldHistory, newHistory);
                return;
            }
            mark("begin", Map.of());
            try {
                super.resetHistory(oldHistory, newHistory);
            } finally {
                if (delegate.status() == ConnectionStatus.CONNECTED) {
                    mark("end", Map.of());
                }
            }
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (inCall) {
                batch.add(text);
            } else {
                out.send(text);
            }
        }

        @Override
        public void mark(String name, ObjectNode payload, FrameSeam.Out out) {
            if (name.equals("begin")) {
                inCall = true;
                batch.clear();
            } else {
                inCall = false;
                rewrite(new ArrayList<>(batch)).forEach(out::send);
                batch.clear();
            }
        }
    }

    /** A34 (MUST), history: deletes after creates. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "resetHistory writes the creates first and the deletes afterwards")
    static final class DeletesAfterCreates extends HistoryCall {
        DeletesAfterCreates(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        List<String> rewrite(List<String> frames) {
            List<String> creates = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            frames.forEach(text -> (isDelete(Json.object(text)) ? deletes : creates).add(text));
            creates.addAll(deletes);
            return creates;
        }
    }

    /** A34 (MUST), history: an updated item is created without deleting it first. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "an updated item is only re-created, without the conversation.item.delete of its old version")
    static final class UpdateWithoutDelete extends HistoryCall {
        UpdateWithoutDelete(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        List<String> rewrite(List<String> frames) {
            Set<String> created = new HashSet<>();
            for (String text : frames) {
                ObjectNode frame = Json.object(text);
                if (FrameBug.isHistoryCreate(frame)) {
                    created.add(Json.text(frame.get("item"), "id"));
                }
            }
            List<String> out = new ArrayList<>();
            for (String text : frames) {
                ObjectNode frame = Json.object(text);
                if (!(isDelete(frame) && created.contains(Json.text(frame, "item_id")))) {
                    out.add(text);
                }
            }
            return out;
        }
    }

    /** A36 (MUST), history: event ids restart with every call. */
    @Bug(rules = "A36", category = HISTORY,
            mistake = "the history event_id counter is a local variable of resetHistory, so ids repeat across calls")
    static final class HistoryIdsPerCall extends HistoryCall {
        HistoryIdsPerCall(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        List<String> rewrite(List<String> frames) {
            List<String> out = new ArrayList<>();
            int n = 0;
            for (String text : frames) {
                ObjectNode frame = Json.object(text);
                if (frame != null && frame.has("event_id")) {
                    frame.put("event_id", "history_" + (++n));
                    out.add(Json.write(frame));
                } else {
                    out.add(text);
                }
            }
            return out;
        }
    }

    /** A34 (MUST), history: no previous_item_id anchors. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "history creates carry no previous_item_id (the 0.17 rule), so inserted and updated messages land at the end")
    static final class NoAnchors extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isHistoryCreate(frame) && frame.has("previous_item_id");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.remove("previous_item_id");
        }
    }

    /** A34 (MUST), history: the start anchor is null. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "a create at the start of the conversation carries \"previous_item_id\":null instead of \"root\"")
    static final class RootAnchorAsNull extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isHistoryCreate(frame) && "root".equals(Json.text(frame, "previous_item_id"));
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.putNull("previous_item_id");
        }
    }

    /** A34 (MUST), history: system messages get a status. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "history creates always carry a status, \"completed\" for system messages too")
    static final class SystemMessageStatusSent extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isHistoryCreate(frame) && "system".equals(Json.text(frame.get("item"), "role"))
                    && !frame.get("item").has("status");
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("item")).put("status", "completed");
        }
    }

    /** A36 (MUST), history: no event ids. */
    @Bug(rules = "A36", category = HISTORY,
            mistake = "resetHistory writes deletes and creates without event_id (the 0.17 frames)")
    static final class HistoryWithoutEventIds extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return (isDelete(frame) || isHistoryCreate(frame)) && frame.has("event_id");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.remove("event_id");
        }
    }

    /** A37 (SHOULD), history: pending requests are not remembered. */
    @Bug(rules = "A37", category = HISTORY,
            mistake = "history requests are not remembered until acknowledged, so anchors ignore a delete or create the server has not confirmed yet")
    static final class PendingRequestsForgotten extends BuggyTransport implements FrameHooks {
        private int next;

        PendingRequestsForgotten(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            hideSyntheticFrames();
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            out.send(text);
            String id = Json.text(frame, "event_id");
            if (id != null && (isDelete(frame) || FrameBug.isHistoryCreate(frame))) {
                // settle it at once: the transport's own record of the request is dropped
                ObjectNode error = Json.MAPPER.createObjectNode();
                error.put("type", "error");
                error.put("event_id", SYNTHETIC + (++next));
                ObjectNode detail = error.putObject("error");
                detail.put("type", "invalid_request_error");
                detail.put("message", "forgotten");
                detail.put("event_id", id);
                injectSynthetic(seam, error);
            }
        }
    }

    /** A32 (MUST), history: every item counts as updated. */
    @Bug(rules = "A32", category = HISTORY,
            mistake = "the diff compares items by identity (==) instead of by value, so every item present in both histories counts as updated and is deleted and re-created")
    static final class IdentityComparison extends BuggyTransport {
        IdentityComparison(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
            List<RealtimeItem> old = new ArrayList<>();
            for (RealtimeItem item : oldHistory) {
                old.add(newHistory.stream().anyMatch(n -> n.itemId().equals(item.itemId())) ? altered(item) : item);
            }
            super.resetHistory(old, newHistory);
        }

        /** A copy the transport's value comparison sees as different, as the identity comparison would. */
        private static RealtimeItem altered(RealtimeItem item) {
            if (item instanceof RealtimeItem.Message m) {
                List<ContentPart> content = new ArrayList<>(m.content());
                content.add(new ContentPart.InputText("\u0000identity"));
                return new RealtimeItem.Message(m.itemId(), m.previousItemId(), m.role(), content, m.status());
            }
            if (item instanceof RealtimeItem.FunctionCall f) {
                return new RealtimeItem.FunctionCall(f.itemId(), f.previousItemId(), f.callId(), f.name(),
                        f.arguments() + " ", f.status(), f.output());
            }
            if (item instanceof RealtimeItem.McpCall c) {
                return new RealtimeItem.McpCall(c.itemId(), c.previousItemId(), c.type(), c.status(), c.name(),
                        c.arguments() + " ", c.output());
            }
            return item;
        }
    }

    /** Filters the items a history bug leaves out of the diff. */
    abstract static class SkippingHistory extends BuggyTransport {
        SkippingHistory(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        abstract boolean skipped(RealtimeItem item, RealtimeItem old);

        @Override
        public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
            Map<String, RealtimeItem> old = new HashMap<>();
            oldHistory.forEach(item -> old.put(item.itemId(), item));
            List<RealtimeItem> kept = new ArrayList<>();
            for (RealtimeItem item : newHistory) {
                RealtimeItem before = old.get(item.itemId());
                boolean changed = before == null || !Objects.equals(before, item);
                if (changed && skipped(item, before)) {
                    if (before != null) {
                        kept.add(before); // left as it was
                    }
                } else {
                    kept.add(item);
                }
            }
            super.resetHistory(oldHistory, kept);
        }
    }

    /** A33 (MUST), history: assistant audio is skipped, not rejected. */
    @Bug(rules = "A33", category = HISTORY,
            mistake = "an added or updated assistant message with output_audio is skipped silently instead of raising an error before anything is written")
    static final class AssistantAudioSkipped extends SkippingHistory {
        AssistantAudioSkipped(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        boolean skipped(RealtimeItem item, RealtimeItem old) {
            return item instanceof RealtimeItem.Message m && m.role() == Role.ASSISTANT
                    && m.content().stream().anyMatch(part -> part instanceof ContentPart.OutputAudio);
        }
    }

    /** A34 (MUST), history: MCP changes are skipped, not rejected. */
    @Bug(rules = "A34", category = HISTORY,
            mistake = "added or updated MCP items are skipped silently (the 0.17 rule) instead of raising an error before anything is written")
    static final class McpChangesSkipped extends SkippingHistory {
        McpChangesSkipped(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        boolean skipped(RealtimeItem item, RealtimeItem old) {
            return isMcp(item) || isMcp(old);
        }

        private static boolean isMcp(RealtimeItem item) {
            return item instanceof RealtimeItem.McpCall || item instanceof RealtimeItem.McpApprovalRequest;
        }
    }

    /** C17 (MUST), history: nothing happens before connect. */
    @Bug(rules = "C17", category = HISTORY,
            mistake = "resetHistory returns at once when not connected, so it neither validates nor throws")
    static final class HistoryIgnoredWhenDisconnected extends BuggyTransport {
        HistoryIgnoredWhenDisconnected(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
            if (delegate.status() == ConnectionStatus.CONNECTED) {
                super.resetHistory(oldHistory, newHistory);
            }
        }
    }
}
