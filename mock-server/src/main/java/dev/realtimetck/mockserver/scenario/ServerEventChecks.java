package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.schema.SchemaViolation;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The server-event checks available to the scenario loader. */
final class ServerEventChecks {

    private ServerEventChecks() {
    }

    /**
     * The protocol's server-event schemas ({@link ProtocolSchemas}). A missing {@code event_id} is not a
     * violation, since the server adds one to every event it sends.
     */
    static ServerEventCheck protocolSchemas() {
        return event -> {
            JsonNode checked = event;
            if (event.isObject() && !event.has("event_id")) {
                ObjectNode copy = (ObjectNode) event.deepCopy();
                copy.put("event_id", "event_added_by_server");
                checked = copy;
            }
            List<SchemaViolation> violations = ProtocolSchemas.get().validateServerEvent(checked);
            return violations.stream()
                    .map(v -> (v.pointer() == null || v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message())
                    .toList();
        };
    }
}
