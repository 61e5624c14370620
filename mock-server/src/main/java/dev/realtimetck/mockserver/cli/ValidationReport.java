package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.schema.SchemaViolation;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The machine-readable result of {@code validate --json}. */
final class ValidationReport {

    private final ArrayNode violations = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode errors = JsonNodeFactory.instance.arrayNode();
    private String file;
    private int line;

    /** The position the next entries refer to; line 0 is the whole file. */
    void at(String file, int line) {
        this.file = file;
        this.line = line;
    }

    void violations(String side, List<SchemaViolation> found) {
        for (SchemaViolation v : found) {
            ObjectNode entry = violations.addObject();
            entry.put("file", file);
            entry.put("line", line);
            entry.put("side", side);
            if (v.eventType() == null) {
                entry.putNull("type");
            } else {
                entry.put("type", v.eventType());
            }
            entry.put("pointer", v.pointer());
            entry.put("message", v.message());
        }
    }

    void error(String message) {
        ObjectNode entry = errors.addObject();
        entry.put("file", file);
        entry.put("line", line);
        entry.put("message", message);
    }

    String toJson(int events, int invalid, int unreadable) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("events", events);
        out.put("invalid", invalid);
        out.put("unreadable", unreadable);
        out.set("violations", violations);
        out.set("errors", errors);
        return out.toString();
    }
}
