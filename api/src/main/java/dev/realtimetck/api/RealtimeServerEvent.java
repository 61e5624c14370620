package dev.realtimetck.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A server event as received, every field preserved. Payload of the TypeScript {@code '*'} stream and of the
 * events a transport re-emits under a server event's own name.
 *
 * @param type the server event {@code type}, non-empty
 * @param fields every other top-level key, deep-copied immutably
 */
public record RealtimeServerEvent(String type, Map<String, Object> fields) {

    /** Validates and copies. */
    public RealtimeServerEvent {
        Checks.requireText(type, "type");
        fields = JsonValues.copyOrEmpty(fields);
        if (fields.containsKey("type")) {
            throw new IllegalArgumentException("fields must not contain 'type'; pass it as the type argument");
        }
    }

    /**
     * An event from a whole JSON object that holds a string {@code type}.
     *
     * @throws IllegalArgumentException naming {@code event} if it has no string {@code type}
     */
    public static RealtimeServerEvent of(Map<String, ?> event) {
        Objects.requireNonNull(event, "event");
        if (!(event.get("type") instanceof String type)) {
            throw new IllegalArgumentException("event: must have a string 'type'");
        }
        Map<String, Object> rest = new LinkedHashMap<>(event);
        rest.remove("type");
        return new RealtimeServerEvent(type, rest);
    }

    /** The value of a top-level field, or null when absent. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** The whole event as one JSON object, {@code type} first. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.putAll(fields);
        return JsonValues.copyOf(map);
    }
}
