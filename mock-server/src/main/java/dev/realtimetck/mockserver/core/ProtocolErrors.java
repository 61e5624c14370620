package dev.realtimetck.mockserver.core;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the protocol's {@code error} server event the way the real API shapes it:
 * {@code {"type":"error","error":{"type":..,"code":..,"message":..,"param":..,"event_id":..}}}.
 * {@code code}, {@code param} and {@code event_id} are JSON null when not applicable, as the real API sends them.
 */
public final class ProtocolErrors {

    /** The error type the real API uses for a client event it rejects. */
    public static final String INVALID_REQUEST = "invalid_request_error";

    private ProtocolErrors() {
    }

    /**
     * An {@code error} server event.
     *
     * @param type the error type, usually {@link #INVALID_REQUEST}
     * @param code a machine-readable code such as {@code input_audio_buffer_commit_empty}, or null
     * @param message one readable sentence
     * @param param the offending parameter in dotted form ({@code session.audio.input.format}), or null
     * @param clientEventId the {@code event_id} of the client event that caused it, or null
     */
    public static ObjectNode error(String type, String code, String message, String param, String clientEventId) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("event_id", clientEventId);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", "error");
        event.set("error", error);
        return event;
    }

    /** An {@code invalid_request_error} caused by {@code clientEvent} (its {@code event_id} is copied when present). */
    public static ObjectNode invalidRequest(String code, String message, String param, ObjectNode clientEvent) {
        String eventId = null;
        if (clientEvent != null && clientEvent.path("event_id").isString()) {
            eventId = clientEvent.get("event_id").asString();
        }
        return error(INVALID_REQUEST, code, message, param, eventId);
    }
}
