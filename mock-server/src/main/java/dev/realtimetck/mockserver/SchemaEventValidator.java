package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.EventValidator;
import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.schema.SchemaViolation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Validates events with the project's JSON Schemas ({@link ProtocolSchemas}). */
final class SchemaEventValidator implements EventValidator {

    private final ProtocolSchemas schemas;
    private final boolean lenient;

    /**
     * @param lenient accept unknown fields inside client events ({@code --lenient}); the GA API rejects them
     */
    SchemaEventValidator(ProtocolSchemas schemas, boolean lenient) {
        this.schemas = schemas;
        this.lenient = lenient;
    }

    @Override
    public List<Violation> validateClientEvent(JsonNode event) {
        return convert(lenient ? schemas.validateClientEventLeniently(event) : schemas.validateClientEvent(event));
    }

    @Override
    public List<Violation> validateServerEvent(JsonNode event) {
        return convert(schemas.validateServerEvent(event));
    }

    private static List<Violation> convert(List<SchemaViolation> violations) {
        return violations.stream()
                .map(v -> new Violation(v.param().isEmpty() ? null : v.param(), v.message()))
                .toList();
    }
}
