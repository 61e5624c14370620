package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.Role;
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
 * Rules A32-A34: the frames that turn one history into another. Items are matched by id and compared with deep
 * equality ({@code equals} of the item records), not by their serialised text (X13).
 *
 * <p>As A34 requires, only messages are (re-)created; a changed {@code function_call} is deleted and, like an
 * added one, not re-created (a warning is logged); MCP items are never created.
 */
final class HistoryDiff {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryDiff.class);

    private HistoryDiff() {
    }

    /**
     * The frames, deletes first.
     *
     * @throws IllegalArgumentException if an added or changed assistant message holds output audio (A33)
     */
    static List<String> frames(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Map<String, RealtimeItem> before = byId(oldHistory);
        Map<String, RealtimeItem> after = byId(newHistory);
        List<RealtimeItem> additions = new ArrayList<>();
        List<RealtimeItem> updates = new ArrayList<>();
        for (RealtimeItem item : after.values()) {
            RealtimeItem previous = before.get(item.itemId());
            if (previous == null) {
                additions.add(item);
            } else if (!previous.equals(item)) {
                updates.add(item);
            }
        }
        for (RealtimeItem item : additions) {
            rejectAssistantAudio(item);
        }
        for (RealtimeItem item : updates) {
            rejectAssistantAudio(item);
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
        List<String> frames = new ArrayList<>();
        for (String id : deletes) {
            frames.add(ClientEvents.delete(id));
        }
        List<RealtimeItem> creates = new ArrayList<>(additions);
        creates.addAll(updates);
        for (RealtimeItem item : creates) {
            if (item instanceof RealtimeItem.Message message) {
                frames.add(create(message));
            } else if (item instanceof RealtimeItem.FunctionCall) {
                LOG.warn("resetHistory: function_call item {} cannot be created through the Realtime API; skipped",
                        item.itemId());
            } else {
                LOG.debug("resetHistory: {} item {} is not created", item.type(), item.itemId());
            }
        }
        return frames;
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
            throw new IllegalArgumentException("newHistory: assistant message " + m.itemId()
                    + " holds output_audio content, which cannot be replayed through OpenAI Realtime; convert its"
                    + " transcript to output_text content or remove the item");
        }
    }

    private static String create(RealtimeItem.Message message) {
        ObjectNode event = Json.event("conversation.item.create");
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
        return Json.write(event);
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
        } else if (part instanceof ContentPart.OutputAudio a) {
            Json.putIfPresent(node, "audio", a.audio());
            Json.putIfPresent(node, "transcript", a.transcript());
        } else if (part instanceof ContentPart.InputImage i) {
            node.put("image_url", i.imageUrl());
            Json.putIfPresent(node, "detail", i.detail());
        }
        return node;
    }
}
