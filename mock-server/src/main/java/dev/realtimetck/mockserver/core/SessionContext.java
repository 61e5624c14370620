package dev.realtimetck.mockserver.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import tools.jackson.databind.node.ObjectNode;

/**
 * A live mock-server session, as a {@link SessionBehavior} sees it. All methods are safe to call from any
 * thread; sends are written in call order.
 */
public interface SessionContext {

    /** The server-assigned session id ({@code sess_...}); also the key of the admin API. */
    String id();

    /** The {@code model} query parameter of the handshake, if any. */
    Optional<String> model();

    /** The {@code call_id} query parameter of the handshake, if any. */
    Optional<String> callId();

    /**
     * Reports how late a paced audio chunk was sent compared to its schedule (for the server's metrics); behaviours
     * that pace audio call it, others never do.
     */
    default void recordAudioLateness(java.time.Duration lateness) {
    }

    /**
     * The first value of a query parameter of the handshake URL ({@code ?scenario=turn}), if given.
     */
    default Optional<String> queryParameter(String name) {
        return Optional.empty();
    }

    /**
     * A request header of the handshake (case-insensitive name), if given. Headers that carry credentials
     * ({@code Authorization}, {@code Cookie}, {@code Sec-WebSocket-Protocol}) are never kept.
     */
    default Optional<String> header(String name) {
        return Optional.empty();
    }

    /** Generates protocol ids ({@code event_...}, {@code item_...}, {@code resp_...}) unique per server. */
    IdGenerator ids();

    /**
     * Sends a server event as one text frame. The event is validated against the server-event schemas first;
     * with validation {@code strict} an invalid event is not sent and is reported as a problem of the session.
     * An {@code event_id} is added when missing.
     */
    void send(ObjectNode event);

    /** Sends a text frame exactly as given: no parsing, no validation (fault injection). */
    void sendRawText(String text);

    /** Sends a binary frame (fault injection). */
    void sendBinary(byte[] data);

    /** Closes the WebSocket with a close frame carrying {@code code} and {@code reason}. */
    void close(int code, String reason);

    /** Drops the TCP connection without a close frame (fault injection). */
    void drop();

    /** Whether the session is still open. */
    boolean isOpen();

    /**
     * Runs {@code task} on this session's serial executor after {@code delay} (zero: as soon as possible).
     * Tasks scheduled for a session that has closed are not run.
     */
    Future<?> schedule(Duration delay, Runnable task);

    /**
     * Records a problem with this session (a scenario mismatch, an invalid scripted event). Problems are
     * listed by the admin API and the Java API, and logged.
     */
    void reportProblem(String problem);
}
