package dev.realtimetck.mockserver;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks events against the protocol's schemas; the seam between the session and the schema module. */
interface EventValidator {

    /**
     * One schema violation.
     *
     * @param param the offending parameter in dotted form, or null for the event as a whole
     * @param message one readable sentence
     */
    record Violation(String param, String message) {
    }

    List<Violation> validateClientEvent(JsonNode event);

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
