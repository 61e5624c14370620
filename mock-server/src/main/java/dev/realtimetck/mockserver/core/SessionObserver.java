package dev.realtimetck.mockserver.core;

import java.time.Duration;

/**
 * Watches every session of a server, for metrics: each method is called once per event, from the thread where it
 * happened (a WebSocket I/O thread or the session's executor), so implementations must be thread-safe and quick.
 */
public interface SessionObserver {

    /** A session completed its handshake. */
    default void opened(MockSession session) {
    }

    /** A frame entered the session's frame log (either direction, including close and drop entries). */
    default void frame(MockSession session, Frame frame) {
    }

    /** A problem was recorded for the session. */
    default void problem(MockSession session, String problem) {
    }

    /** How late a paced audio chunk was sent, compared to its schedule (see {@link SessionContext#recordAudioLateness}). */
    default void audioLateness(MockSession session, Duration lateness) {
    }

    /** The session's connection is gone and its behaviour's {@code onClose} has run. */
    default void closed(MockSession session) {
    }

    /** An observer that does nothing. */
    static SessionObserver none() {
        return new SessionObserver() {
        };
    }
}
