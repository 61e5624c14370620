package dev.realtimetck.mockserver.schema;

import java.util.Objects;

/**
 * One way in which a Realtime protocol event does not match the project's JSON Schemas.
 *
 * @param eventType the event's {@code type}, or {@code null} when it has none (or it is not a string)
 * @param pointer   JSON Pointer (RFC 6901) of the offending value inside the event, e.g.
 *                  {@code /session/audio/input/format/rate}; {@code ""} for the event itself
 * @param param     the same location in the real API's {@code error.param} style, dotted with array
 *                  indexes in brackets, e.g. {@code session.audio.input.format.rate} or {@code session.tools[0].name}
 * @param message   one readable sentence that names the location
 */
public record SchemaViolation(String eventType, String pointer, String param, String message) {
    public SchemaViolation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(message, "message");
    }
}
