package dev.realtimetck.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client event to send as it is. Renders TypeScript {@code RealtimeClientMessage}
 * ({@code {type: string; [key: string]: any}}).
 *
 * @param type the event {@code type}, non-empty
 * @param fields every other top-level key, deep-copied immutably (JSON {@code null} values kept)
 */
public record RealtimeClientMessage(String type, Map<String, Object> fields) {

    /** Validates and copies. */
    public RealtimeClientMessage {
        Checks.requireText(type, "type");
        fields = JsonValues.copyOrEmpty(fields);
        if (fields.containsKey("type")) {
            throw new IllegalArgumentException("fields must not contain 'type'; pass it as the type argument");
        }
    }

    /** A message with only a {@code type}. */
    public static RealtimeClientMessage of(String type) {
        return new RealtimeClientMessage(type, Map.of());
    }

    /**
     * A message from a whole JSON object that holds a string {@code type}.
     *
     * @throws IllegalArgumentException naming {@code event} if it has no string {@code type}
     */
    public static RealtimeClientMessage of(Map<String, ?> event) {
        Objects.requireNonNull(event, "event");
        if (!(event.get("type") instanceof String type)) {
            throw new IllegalArgumentException("event: must have a string 'type'");
        }
        Map<String, Object> rest = new LinkedHashMap<>(event);
        rest.remove("type");
        return new RealtimeClientMessage(type, rest);
    }

    /** The whole event as one JSON object, {@code type} first. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.putAll(fields);
        return JsonValues.copyOf(map);
    }
}
