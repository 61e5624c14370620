package dev.realtimetck.mockserver.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/** Turns one validator {@link Error} into a {@link SchemaViolation} with pointer, param and message. */
final class ViolationMapper {

    private ViolationMapper() {
    }

    static SchemaViolation toViolation(String eventType, Error error) {
        List<Object> path = new ArrayList<>();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        String keyword = error.getKeyword();
        String property = error.getProperty();
        boolean namesChild = property != null
                && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "unevaluatedProperties".equals(keyword));
        if (namesChild) {
            path.add(property);
        }
        String pointer = pointer(path);
        String param = param(path);
        String where = param.isEmpty() ? "the event" : "'" + param + "'";
        String message = switch (keyword == null ? "" : keyword) {
            case "required" -> "Missing required parameter " + where + ".";
            case "additionalProperties", "unevaluatedProperties" -> "Unknown parameter " + where + ".";
            default -> "Invalid value at " + where + ": " + stripLocation(error.getMessage()) + ".";
        };
        return new SchemaViolation(eventType, pointer, param, message);
    }

    private static String stripLocation(String message) {
        if (message == null) {
            return "does not match the schema";
        }
        int colon = message.indexOf(": ");
        String text = message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static String pointer(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object element : path) {
            sb.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

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
