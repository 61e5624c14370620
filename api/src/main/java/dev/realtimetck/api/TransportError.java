package dev.realtimetck.api;

import java.util.Objects;

/**
 * The payload of {@code error}. Renders TypeScript {@code TransportError} ({@code {type:'error', error:unknown}}):
 * either a server {@code error} event ({@link ServerError}) or a local failure ({@link Failure}: a socket error,
 * a failed write, a listener that threw).
 */
public sealed interface TransportError permits TransportError.ServerError, TransportError.Failure {

    /**
     * A server {@code error} event.
     *
     * @param event the whole server event, {@code type} included
     */
    record ServerError(RealtimeServerEvent event) implements TransportError {
        /** Validates. */
        public ServerError {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A local failure.
     *
     * @param cause what failed
     */
    record Failure(Throwable cause) implements TransportError {
        /** Validates. */
        public Failure {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
