package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.UnsupportedHistoryChangeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules A32-A34 (0.20): the requests that turn one history into another. Items are matched by id and compared with
 * deep equality ({@code equals} of the item records), not by their serialised text (X13).
 *
 * <p>Before anything is planned, an added or changed assistant message with output audio (A33) and an added or
 * changed MCP item, or an item replacing an MCP item under the same id (A34 step 1), make the diff throw
 * {@link UnsupportedHistoryChangeException}. Deletes come first (removals in old-history order, then updates in
 * new-history order); then the new history is walked in order and every added or changed message is created with a
 * {@code previous_item_id} anchor ({@code "root"} for the front) as long as a surviving item follows it; creates after
 * the last surviving item append. A changed {@code function_call} is deleted and, like an added one, not re-created
 * (a warning is logged); it anchors nothing.
 */
final class HistoryDiff {

    /** The Realtime API's name for the front of the conversation. */
    static final String ROOT = "root";

    private static final Logger LOG = LoggerFactory.getLogger(HistoryDiff.class);

    /** One planned request: the frame without its {@code event_id}. */
    record Request(HistoryRequests.Kind kind, String itemId, ObjectNode event) {
    }

    private HistoryDiff() {
    }

    /**
     * The requests, deletes first.
     *
     * @param projectedPresence A37: for items touched by pending history requests, whether they will exist
     * @throws UnsupportedHistoryChangeException for the A33 and A34-MCP violations, before anything is planned
     */
    static List<Request> plan(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory,
            Map<String, Boolean> projectedPresence) {
        Map<String, RealtimeItem> before = byId(oldHistory);
        Map<String, RealtimeItem> after = byId(newHistory);
        List<RealtimeItem> changed = new ArrayList<>();   // additions and updates, new-history order
        List<RealtimeItem> updates = new ArrayList<>();
        for (RealtimeItem item : after.values()) {
            RealtimeItem previous = before.get(item.itemId());
            if (previous == null) {
                changed.add(item);
            } else if (!previous.equals(item)) {
                changed.add(item);
                updates.add(item);
            }
        }
        changed.forEach(HistoryDiff::rejectAssistantAudio);
        for (RealtimeItem item : changed) {
            rejectMcp(item, before.get(item.itemId()));
        }
        Set<String> deletes = new LinkedHashSet<>();
        for (RealtimeItem item : before.values()) {
            if (!after.containsKey(item.itemId())) {
                deletes.add(item.itemId());
            }
        }
        for (RealtimeItem item : updates) {
            deletes.add(item.itemId());
        }
        List<Request> requests = new ArrayList<>();
        for (String id : deletes) {
            ObjectNode event = Json.event("conversation.item.delete");
            event.put("item_id", id);
            requests.add(new Request(HistoryRequests.Kind.DELETE, id, event));
        }
        Set<String> changedIds = new LinkedHashSet<>();
        changed.forEach(item -> changedIds.add(item.itemId()));
        List<RealtimeItem> walk = List.copyOf(after.values());
        int lastSurvivor = -1;
        for (int i = 0; i < walk.size(); i++) {
            if (survives(walk.get(i), changedIds, projectedPresence)) {
                lastSurvivor = i;
            }
        }
        String anchor = ROOT;
        for (int i = 0; i < walk.size(); i++) {
            RealtimeItem item = walk.get(i);
            if (!changedIds.contains(item.itemId())) {
                if (survives(item, changedIds, projectedPresence)) {
                    anchor = item.itemId();
                }
            } else if (item instanceof RealtimeItem.Message message) {
                requests.add(new Request(HistoryRequests.Kind.CREATE, message.itemId(),
                        create(message, i < lastSurvivor ? anchor : null)));
                anchor = message.itemId();
            } else {
                LOG.warn("resetHistory: {} item {} cannot be created through the Realtime API; skipped",
                        item.type(), item.itemId());
            }
        }
        return requests;
    }

    private static boolean survives(RealtimeItem item, Set<String> changedIds, Map<String, Boolean> presence) {
        return !changedIds.contains(item.itemId()) && !Boolean.FALSE.equals(presence.get(item.itemId()));
    }

    private static Map<String, RealtimeItem> byId(List<RealtimeItem> items) {
        Map<String, RealtimeItem> map = new LinkedHashMap<>();
        for (RealtimeItem item : Objects.requireNonNull(items, "history")) {
            map.putIfAbsent(Objects.requireNonNull(item, "history item").itemId(), item);
        }
        return map;
    }

    private static void rejectAssistantAudio(RealtimeItem item) {
        if (item instanceof RealtimeItem.Message m && m.role() == Role.ASSISTANT
                && m.content().stream().anyMatch(ContentPart.OutputAudio.class::isInstance)) {
            throw new UnsupportedHistoryChangeException(m.itemId(), "newHistory: assistant message " + m.itemId()
                    + " holds output_audio content, which cannot be replayed through OpenAI Realtime; convert its"
                    + " transcript to output_text content or remove the item");
        }
    }

    private static boolean isMcp(RealtimeItem item) {
        return item instanceof RealtimeItem.McpCall || item instanceof RealtimeItem.McpApprovalRequest;
    }

    private static void rejectMcp(RealtimeItem item, RealtimeItem replaced) {
        if (replaced != null && isMcp(replaced)) {
            throw new UnsupportedHistoryChangeException(item.itemId(), "newHistory: item " + item.itemId()
                    + " would replace the " + replaced.type() + " item of that id with a changed " + item.type()
                    + " item; MCP items cannot be added or changed through resetHistory. Keep them unchanged or"
                    + " remove them");
        }
        if (isMcp(item)) {
            throw new UnsupportedHistoryChangeException(item.itemId(), "newHistory: the " + item.type() + " item "
                    + item.itemId() + " would be added or changed; MCP items cannot be added or changed through"
                    + " resetHistory. Keep them unchanged or remove them");
        }
    }

    private static ObjectNode create(RealtimeItem.Message message, String previousItemId) {
        ObjectNode event = Json.event("conversation.item.create");
        if (previousItemId != null) {
            event.put("previous_item_id", previousItemId);
        }
        ObjectNode item = event.putObject("item");
        item.put("type", "message");
        item.put("role", message.role().wireValue());
        ArrayNode content = item.putArray("content");
        for (ContentPart part : message.content()) {
            content.add(part(part));
        }
        item.put("id", message.itemId());
        if (message.role() != Role.SYSTEM && message.status() != null) {
            item.put("status", message.status().wireValue());
        }
        return event;
    }

    static ObjectNode part(ContentPart part) {
        ObjectNode node = Json.event(part.type());
        if (part instanceof ContentPart.InputText t) {
            node.put("text", t.text());
        } else if (part instanceof ContentPart.OutputText t) {
            node.put("text", t.text());
        } else if (part instanceof ContentPart.InputAudio a) {
            Json.putIfPresent(node, "audio", a.audio());
            Json.putIfPresent(node, "transcript", a.transcript());
        } else if (part instanceof ContentPart.InputImage i) {
            node.put("image_url", i.imageUrl());
            Json.putIfPresent(node, "detail", i.detail());
        }
        return node;
    }
}
