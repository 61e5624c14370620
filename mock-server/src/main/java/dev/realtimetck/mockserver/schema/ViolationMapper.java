package dev.realtimetck.mockserver.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns validator {@link Error}s into {@link SchemaViolation}s with a JSON Pointer, an API-style dotted
 * param and one readable sentence.
 *
 * <p>Errors of the alternatives of one {@code anyOf} at the same location are merged into one violation
 * ("must be X or Y"), so a value that matches none of its alternatives is reported once.
 */
final class ViolationMapper {

    private static final String ANY_OF = "/anyOf/";

    private ViolationMapper() {
    }

    static List<SchemaViolation> toViolations(String eventType, List<Error> errors) {
        Map<String, List<Error>> groups = new LinkedHashMap<>();
        for (int i = 0; i < errors.size(); i++) {
            Error error = errors.get(i);
            String evaluation = String.valueOf(error.getEvaluationPath());
            int anyOf = evaluation.lastIndexOf(ANY_OF);
            String key = anyOf < 0
                    ? "#" + i
                    : error.getInstanceLocation() + "|" + evaluation.substring(0, anyOf);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
        }
        List<SchemaViolation> violations = new ArrayList<>(groups.size());
        for (List<Error> group : groups.values()) {
            violations.add(group.size() == 1
                    ? toViolation(eventType, group.get(0))
                    : alternatives(eventType, group));
        }
        return List.copyOf(violations);
    }

    static SchemaViolation toViolation(String eventType, Error error) {
        List<Object> path = elements(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        boolean namesChild = error.getProperty() != null
                && (keyword.equals("required") || keyword.equals("additionalProperties")
                || keyword.equals("unevaluatedProperties"));
        if (namesChild) {
            path.add(error.getProperty());
        }
        String param = param(path);
        String message = switch (keyword) {
            case "required" -> "Missing required parameter: '" + param + "'.";
            case "additionalProperties", "unevaluatedProperties" -> "Unknown parameter: '" + param + "'.";
            default -> "Invalid value for '" + displayed(param) + "': " + describe(error) + ".";
        };
        return new SchemaViolation(eventType, pointer(path), param, message);
    }

    private static SchemaViolation alternatives(String eventType, List<Error> group) {
        List<Object> path = elements(group.get(0).getInstanceLocation());
        Set<String> descriptions = new LinkedHashSet<>();
        for (Error error : group) {
            descriptions.add(describe(error));
        }
        String param = param(path);
        String message = "Invalid value for '" + displayed(param) + "': matches none of the allowed forms ("
                + String.join("; or ", descriptions) + ").";
        return new SchemaViolation(eventType, pointer(path), param, message);
    }

    private static String displayed(String param) {
        return param.isEmpty() ? "(the event)" : param;
    }

    /** The validator's own wording without its location prefix or final period. */
    private static String describe(Error error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return "does not match the schema keyword '" + error.getKeyword() + "'";
        }
        String text = message;
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            text = text.substring(colon + 2);
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static List<Object> elements(NodePath location) {
        List<Object> path = new ArrayList<>();
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                path.add(location.getElement(i));
            }
        }
        return path;
    }

    /** RFC 6901 JSON Pointer of a path; {@code ""} for the root. */
    static String pointer(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object element : path) {
            sb.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The real API's {@code param} style: dotted names, array indexes in brackets. */
    static String param(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(element);
            }
        }
        return sb.toString();
    }
}
