package dev.realtimetck.tck.broken;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Broken {@code resetHistory} (rules A32-A37 of 0.20). The decorator replays the history itself through
 * {@code sendEvent}: deletes, then creates with {@code previous_item_id} anchors and {@code event_id}s, tracking its
 * unanswered requests from the raw server events. Without a flaw it would behave as the rules say; each
 * {@link Flaw} breaks one rule.
 */
public final class BrokenHistory extends ForwardingTransport {

    /** What this transport gets wrong. */
    public enum Flaw {
        /** 0.17: creates of added messages first, then of changed ones (RT-CLIENT-020). */
        ADDITIONS_FIRST,
        /** 0.17: creates carry no previous_item_id, so every one appends (RT-CLIENT-034). */
        NO_ANCHORS,
        /** 0.17: history frames carry no event_id (RT-CLIENT-035). */
        NO_EVENT_IDS,
        /** 0.17: added or changed MCP items are skipped silently instead of rejected (RT-CLIENT-036). */
        MCP_SKIPPED,
        /** Unanswered history requests are not taken into account when anchoring (RT-CLIENT-037). */
        NO_PENDING
    }

    private record Pending(String itemId, boolean create) {
    }

    private record Create(boolean addition, Map<String, Object> event, String itemId) {
    }

    private final Flaw flaw;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private int sequence;

    public BrokenHistory(RealtimeTransportLayer delegate, Flaw flaw) {
        super(delegate);
        this.flaw = flaw;
        delegate.onAny(this::settle);
    }

    @Override
    public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        synchronized (this) {
            pending.clear(); // unanswered requests belong to the previous connection
        }
        return delegate.connect(options);
    }

    @Override
    public void close() {
        delegate.close();
        synchronized (this) {
            pending.clear();
        }
    }

    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Map<String, RealtimeItem> before = byId(oldHistory);
        Map<String, RealtimeItem> after = byId(newHistory);
        Set<String> additions = new LinkedHashSet<>();
        Set<String> updates = new LinkedHashSet<>();
        for (RealtimeItem item : after.values()) {
            RealtimeItem previous = before.get(item.itemId());
            if (previous == null) {
                additions.add(item.itemId());
            } else if (!previous.equals(item)) {
                updates.add(item.itemId());
            }
        }
        Set<String> changed = new LinkedHashSet<>();
        after.keySet().stream().filter(id -> additions.contains(id) || updates.contains(id)).forEach(changed::add);
        for (String id : changed) {
            if (after.get(id) instanceof RealtimeItem.Message m && m.role() == Role.ASSISTANT
                    && m.content().stream().anyMatch(ContentPart.OutputAudio.class::isInstance)) {
                throw new IllegalArgumentException("assistant output audio cannot be replayed: " + id);
            }
            if (flaw != Flaw.MCP_SKIPPED && (isMcp(after.get(id)) || isMcp(before.get(id)))) {
                throw new IllegalArgumentException("MCP items cannot be added or changed: " + id);
            }
        }
        Set<String> deletes = new LinkedHashSet<>();
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(deletes::add);
        deletes.addAll(updates);
        Map<String, Boolean> presence = new LinkedHashMap<>();
        synchronized (this) {
            if (flaw != Flaw.NO_PENDING) {
                pending.values().forEach(p -> presence.put(p.itemId(), p.create()));
            }
        }
        List<RealtimeItem> walk = List.copyOf(after.values());
        int lastSurvivor = -1;
        for (int i = 0; i < walk.size(); i++) {
            String id = walk.get(i).itemId();
            if (!changed.contains(id) && !Boolean.FALSE.equals(presence.get(id))) {
                lastSurvivor = i;
            }
        }
        List<Create> creates = new ArrayList<>();
        String anchor = "root";
        for (int i = 0; i < walk.size(); i++) {
            RealtimeItem item = walk.get(i);
            if (!changed.contains(item.itemId())) {
                if (!Boolean.FALSE.equals(presence.get(item.itemId()))) {
                    anchor = item.itemId();
                }
            } else if (item instanceof RealtimeItem.Message message) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", "conversation.item.create");
                if (i < lastSurvivor && flaw != Flaw.NO_ANCHORS) {
                    event.put("previous_item_id", anchor);
                }
                event.put("item", item(message));
                creates.add(new Create(additions.contains(message.itemId()), event, message.itemId()));
                anchor = message.itemId();
            }
        }
        if (flaw == Flaw.ADDITIONS_FIRST) {
            List<Create> ordered = new ArrayList<>(creates.stream().filter(Create::addition).toList());
            ordered.addAll(creates.stream().filter(c -> !c.addition()).toList());
            creates = ordered;
        }
        for (String id : deletes) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "conversation.item.delete");
            event.put("item_id", id);
            send(event, id, false);
        }
        for (Create create : creates) {
            send(create.event(), create.itemId(), true);
        }
    }

    private void send(Map<String, Object> event, String itemId, boolean create) {
        String eventId;
        synchronized (this) {
            eventId = "agents_" + (create ? "create" : "delete") + "_" + (++sequence);
            pending.put(eventId, new Pending(itemId, create));
        }
        if (flaw != Flaw.NO_EVENT_IDS) {
            event.put("event_id", eventId);
        }
        try {
            delegate.sendEvent(RealtimeClientMessage.of(event));
        } catch (RuntimeException e) {
            synchronized (this) {
                pending.remove(eventId);
            }
            throw e;
        }
    }

    private synchronized void settle(RealtimeServerEvent event) {
        switch (event.type()) {
            case "conversation.item.added" -> {
                if (event.get("item") instanceof Map<?, ?> item) {
                    settleOldest(String.valueOf(item.get("id")), true);
                }
            }
            case "conversation.item.deleted" -> settleOldest(String.valueOf(event.get("item_id")), false);
            case "error" -> {
                if (event.get("error") instanceof Map<?, ?> error && error.get("event_id") instanceof String id) {
                    pending.remove(id);
                }
            }
            default -> { }
        }
    }

    private void settleOldest(String itemId, boolean create) {
        Iterator<Pending> requests = pending.values().iterator();
        while (requests.hasNext()) {
            Pending request = requests.next();
            if (request.itemId().equals(itemId) && request.create() == create) {
                requests.remove();
                return;
            }
        }
    }

    private static boolean isMcp(RealtimeItem item) {
        return item instanceof RealtimeItem.McpCall || item instanceof RealtimeItem.McpApprovalRequest;
    }

    private static Map<String, RealtimeItem> byId(List<RealtimeItem> items) {
        Map<String, RealtimeItem> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(item.itemId(), item));
        return map;
    }

    private static Map<String, Object> item(RealtimeItem.Message message) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "message");
        item.put("role", message.role().wireValue());
        List<Map<String, Object>> content = new ArrayList<>();
        for (ContentPart part : message.content()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", part.type());
            if (part instanceof ContentPart.InputText t) {
                p.put("text", t.text());
            } else if (part instanceof ContentPart.OutputText t) {
                p.put("text", t.text());
            } else if (part instanceof ContentPart.InputAudio a) {
                putIfPresent(p, "audio", a.audio());
                putIfPresent(p, "transcript", a.transcript());
            } else if (part instanceof ContentPart.InputImage i) {
                p.put("image_url", i.imageUrl());
                putIfPresent(p, "detail", i.detail());
            }
            content.add(p);
        }
        item.put("content", content);
        item.put("id", message.itemId());
        if (message.role() != Role.SYSTEM && message.status() != null) {
            item.put("status", message.status().wireValue());
        }
        return item;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
