package dev.realtimetck.mockserver.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a verification looks for in a session's events, in the spirit of WireMock's request patterns: an event
 * type and any number of fields, each a JSON Pointer with the value expected there. Immutable; every
 * {@code with...} method returns a new pattern.
 *
 * <pre>{@code
 * EventPattern createAudio = EventPattern.type("response.create").withField("/response/output_modalities/0", "audio");
 * session.verifyClientEvents(1, createAudio);
 * }</pre>
 *
 * <p>Field values are compared as JSON: a {@code String} with a JSON string, a {@code Number} by value
 * ({@code 1} equals {@code 1.0}), a {@code Boolean} with a JSON boolean, {@code null} with JSON null.
 */
public final class EventPattern {

    private final String type;
    private final Map<String, Object> fields;

    private EventPattern(String type, Map<String, Object> fields) {
        this.type = type;
        this.fields = fields;
    }

    /** Every event. */
    public static EventPattern any() {
        return new EventPattern(null, Map.of());
    }

    /**
     * Events whose {@code type} is {@code type}.
     *
     * @throws IllegalArgumentException if {@code type} is blank
     */
    public static EventPattern type(String type) {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type: must not be blank");
        }
        return new EventPattern(type, Map.of());
    }

    /**
     * This pattern, also requiring {@code value} at the JSON Pointer {@code pointer}.
     *
     * @param pointer a JSON Pointer such as {@code /item/role} (must start with {@code /})
     * @param value a String, Number, Boolean or null
     * @throws IllegalArgumentException naming the argument that is not valid
     */
    public EventPattern withField(String pointer, Object value) {
        Objects.requireNonNull(pointer, "pointer");
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer: must start with '/', was '" + pointer + "'");
        }
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("value: must be a String, Number, Boolean or null, was "
                    + value.getClass().getName());
        }
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(pointer, value);
        return new EventPattern(type, java.util.Collections.unmodifiableMap(copy));
    }

    /** Whether {@code event} has the type and every field of this pattern. */
    public boolean matches(JsonNode event) {
        return differences(event).isEmpty();
    }

    /** Whether the event has this pattern's type (or the pattern names none): a candidate near miss. */
    boolean sameType(JsonNode event) {
        return type == null || type.equals(event.path("type").asString(null));
    }

    /** One line per way {@code event} differs from this pattern ({@code /pointer: expected X, actual Y}). */
    public List<String> differences(JsonNode event) {
        Objects.requireNonNull(event, "event");
        List<String> out = new ArrayList<>();
        if (type != null && !type.equals(event.path("type").asString(null))) {
            out.add("/type: expected \"" + type + "\", actual " + show(event.path("type")));
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            JsonNode actual = event.at(field.getKey());
            if (!equal(field.getValue(), actual)) {
                out.add(field.getKey() + ": expected " + expected(field.getValue()) + ", actual " + show(actual));
            }
        }
        return out;
    }

    private static boolean equal(Object expected, JsonNode actual) {
        if (actual.isMissingNode()) {
            return false;
        }
        if (expected == null) {
            return actual.isNull();
        }
        if (expected instanceof String) {
            return actual.isString() && actual.asString().equals(expected);
        }
        if (expected instanceof Boolean) {
            return actual.isBoolean() && actual.asBoolean() == (Boolean) expected;
        }
        return actual.isNumber() && actual.decimalValue().compareTo(new java.math.BigDecimal(expected.toString())) == 0;
    }

    private static String expected(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof String ? JsonNodeFactory.instance.stringNode((String) value).toString() : value.toString();
    }

    private static String show(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    /** This pattern as JSON ({@code {"type":..,"fields":{pointer:value}}}), for reports. */
    @Override
    public String toString() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (type != null) {
            out.put("type", type);
        }
        if (!fields.isEmpty()) {
            ObjectNode f = out.putObject("fields");
            fields.forEach((k, v) -> {
                if (v == null) {
                    f.putNull(k);
                } else if (v instanceof String) {
                    f.put(k, (String) v);
                } else if (v instanceof Boolean) {
                    f.put(k, (Boolean) v);
                } else {
                    f.put(k, new java.math.BigDecimal(v.toString()));
                }
            });
        }
        return out.toString();
    }
}
