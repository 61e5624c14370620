package dev.realtimetck.mockserver.core;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks events against the protocol's schemas: the seam between the session core and the {@code schema}
 * package (the server's wiring plugs the schema-backed validator in).
 */
public interface EventValidator {

    /**
     * One schema violation.
     *
     * @param param the offending parameter in dotted form, or null for the event as a whole
     * @param message one readable sentence
     */
    record Violation(String param, String message) {
    }

    /** The violations of a client event; empty when it is valid. */
    List<Violation> validateClientEvent(JsonNode event);

    /** The violations of a server event; empty when it is valid. */
    List<Violation> validateServerEvent(JsonNode event);

    /** A validator that accepts everything. */
    static EventValidator none() {
        return new EventValidator() {
            @Override
            public List<Violation> validateClientEvent(JsonNode event) {
                return List.of();
            }

            @Override
            public List<Violation> validateServerEvent(JsonNode event) {
                return List.of();
            }
        };
    }
}
