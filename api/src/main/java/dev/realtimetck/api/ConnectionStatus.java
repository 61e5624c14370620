package dev.realtimetck.api;

/**
 * The connection status of a transport. Renders TypeScript {@code RealtimeTransportLayer.status}
 * ({@code 'connected' | 'disconnected' | 'connecting' | 'disconnecting'}) and the payload of the
 * {@code connection_change} event.
 */
public enum ConnectionStatus {
    /** The socket is open and the initial session configuration has been sent. */
    CONNECTED("connected"),
    /** No socket; the initial state and the state after any close or failure. */
    DISCONNECTED("disconnected"),
    /** A socket is being opened. */
    CONNECTING("connecting"),
    /**
     * Declared by the TypeScript interface; the reference WebSocket transport never reports it (it goes from
     * {@code CONNECTED} straight to {@code DISCONNECTED}). Other transports may.
     */
    DISCONNECTING("disconnecting");

    private final String wireValue;

    ConnectionStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The TypeScript string, for example {@code "connected"}. */
    public String wireValue() {
        return wireValue;
    }
}
