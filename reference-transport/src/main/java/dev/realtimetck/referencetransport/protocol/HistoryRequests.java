package dev.realtimetck.referencetransport.protocol;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules A36 and A37 (0.20): the {@code event_id} of every {@code resetHistory} frame, and the history requests the
 * server has not answered yet, in send order.
 *
 * <p>Ids are {@code agents_delete_<n>} / {@code agents_create_<n>} from one counter per protocol instance that
 * grows for every frame attempted and is never reset (C14). A request is remembered once its frame was written;
 * it is settled by {@code conversation.item.added} (the oldest create of that item), {@code conversation.item.deleted}
 * (the oldest delete of that item) or an {@code error} whose {@code error.event_id} names it, and forgotten on
 * {@link #clear()} (disconnect).
 *
 * <p>Departure from X26 (what a port should do): the server handles a session's client events in order, so when a
 * request is settled every request sent before it that is still pending was rejected without an
 * {@code error.event_id} or dropped; it is retired too, instead of staying pending until disconnect.
 */
final class HistoryRequests {

    enum Kind {
        DELETE("delete"), CREATE("create");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    record Pending(String itemId, Kind kind) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long counter;

    /** The id of the next frame; counts even if the write then fails. */
    String nextEventId(Kind kind) {
        return "agents_" + kind.wire + "_" + (++counter);
    }

    /** The frame with this id was written. */
    void sent(String eventId, String itemId, Kind kind) {
        pending.put(eventId, new Pending(itemId, kind));
    }

    /**
     * A37 projection: replaying the pending requests in send order, whether each item they touch will exist
     * (true for a create, false for a delete; the last request per item wins). Items no request touches are absent
     * from the map.
     */
    Map<String, Boolean> projectedPresence() {
        Map<String, Boolean> presence = new LinkedHashMap<>();
        for (Pending request : pending.values()) {
            presence.put(request.itemId(), request.kind() == Kind.CREATE);
        }
        return presence;
    }

    /** {@code conversation.item.added} / {@code conversation.item.deleted}: settles the oldest matching request. */
    void settle(String itemId, Kind kind) {
        if (itemId == null) {
            return;
        }
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            if (entry.getValue().itemId().equals(itemId) && entry.getValue().kind() == kind) {
                retireThrough(entry.getKey());
                return;
            }
        }
    }

    /** An {@code error} whose {@code error.event_id} is {@code eventId}: settles that request if it is pending. */
    void rejected(String eventId) {
        if (eventId != null && pending.containsKey(eventId)) {
            retireThrough(eventId);
        }
    }

    /** Disconnect: pending requests belong to the connection that sent them (A24, C12, C14). */
    void clear() {
        pending.clear();
    }

    int pendingCount() {
        return pending.size();
    }

    /** Removes {@code eventId} and, per the X26 port obligation, every request sent before it. */
    private void retireThrough(String eventId) {
        Iterator<String> ids = pending.keySet().iterator();
        while (ids.hasNext()) {
            String id = ids.next();
            ids.remove();
            if (id.equals(eventId)) {
                return;
            }
        }
    }
}
