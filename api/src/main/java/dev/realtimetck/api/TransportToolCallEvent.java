package dev.realtimetck.api;

import java.util.Objects;

/**
 * The payload of {@code function_call}. Renders TypeScript {@code TransportToolCallEvent}.
 *
 * @param id the item id, non-empty
 * @param callId the call id to answer with {@link RealtimeTransportLayer#sendFunctionCallOutput}, not null
 * @param name the function name, not null
 * @param arguments the JSON arguments as a string, not null
 * @param responseId the id of the response that made the call, or null
 * @param previousItemId the id of the item before the call, or null
 */
public record TransportToolCallEvent(String id, String callId, String name, String arguments, String responseId,
        String previousItemId) {
    /** Validates. */
    public TransportToolCallEvent {
        Checks.requireText(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
