package dev.realtimetck.mockserver.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a client event is the one a step or rule waits for. All given criteria must hold:
 * <ul>
 *   <li>{@code type}: the event's {@code type} equals it;</li>
 *   <li>{@code match}: a JSON subset; every property it names must be present with a matching value (objects
 *       recursively, arrays element by element with equal length, numbers by numeric value);</li>
 *   <li>{@code pointers}: for each JSON Pointer, the value there (a string, or the JSON text of any other
 *       value) must contain a match of the regular expression ({@link java.util.regex.Matcher#find()}).</li>
 * </ul>
 *
 * @param type the required event type, or null for any
 * @param match the required JSON subset, or null
 * @param pointers JSON Pointer to regular expression
 */
public record EventMatcher(String type, JsonNode match, Map<String, Pattern> pointers) {

    public EventMatcher {
        pointers = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(pointers, "pointers")));
        for (String pointer : pointers.keySet()) {
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("pointers: '" + pointer + "' is not a JSON Pointer (must start with /)");
            }
        }
        match = match == null ? null : match.deepCopy();
    }

    /** A matcher on the event type only. */
    public static EventMatcher ofType(String type) {
        return new EventMatcher(Objects.requireNonNull(type, "type"), null, Map.of());
    }

    /** Whether {@code event} satisfies every criterion. */
    public boolean matches(JsonNode event) {
        return differences(event).isEmpty();
    }

    /** One readable line per unmet criterion ({@code /item/type: expected "message", actual "function_call"}). */
    public List<String> differences(JsonNode event) {
        List<String> out = new ArrayList<>();
        if (type != null && !type.equals(event.path("type").asString(null))) {
            out.add("/type: expected " + quote(type) + ", actual " + show(event.path("type")));
        }
        if (match != null) {
            subset("", match, event, out);
        }
        pointers.forEach((pointer, regex) -> {
            JsonNode value = event.at(pointer);
            if (value.isMissingNode()) {
                out.add(pointer + ": expected a value matching /" + regex.pattern() + "/, actual (absent)");
            } else {
                String text = value.isString() ? value.asString() : value.toString();
                if (!regex.matcher(text).find()) {
                    out.add(pointer + ": expected a value matching /" + regex.pattern() + "/, actual " + show(value));
                }
            }
        });
        return out;
    }

    /** The expectation as JSON, for reports: the subset with the type and pointer patterns merged in. */
    public ObjectNode describe() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (type != null) {
            out.put("type", type);
        }
        if (match != null && match.isObject()) {
            match.properties().forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
        }
        if (!pointers.isEmpty()) {
            ObjectNode p = out.putObject("(pointers)");
            pointers.forEach((k, v) -> p.put(k, "/" + v.pattern() + "/"));
        }
        return out;
    }

    private static void subset(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(label(path) + ": expected an object, actual " + show(actual));
                return;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                String child = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode value = actual.get(e.getKey());
                if (value == null) {
                    out.add(child + ": expected " + show(e.getValue()) + ", actual (absent)");
                } else {
                    subset(child, e.getValue(), value, out);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(label(path) + ": expected an array of " + expected.size() + ", actual " + show(actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                subset(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(label(path) + ": expected " + expected + ", actual " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(label(path) + ": expected " + show(expected) + ", actual " + show(actual));
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static String quote(String s) {
        return JsonNodeFactory.instance.stringNode(s).toString();
    }

    private static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(absent)";
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
