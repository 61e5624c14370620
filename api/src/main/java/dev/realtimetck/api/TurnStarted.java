package dev.realtimetck.api;

/**
 * The payload of {@code turn_started}. Renders TypeScript {@code TransportLayerResponseStarted}
 * ({@code {type:'response_started', providerData}}).
 *
 * @param providerData the server's {@code response.created} event
 */
public record TurnStarted(RealtimeServerEvent providerData) {
    /** Validates. */
    public TurnStarted {
        java.util.Objects.requireNonNull(providerData, "providerData");
    }
}
