package dev.realtimetck.mockserver.core;

import tools.jackson.databind.node.ObjectNode;

/**
 * What drives one WebSocket session on the mock server: the protocol simulator, a scenario, or a replayed
 * recording. The server owns the socket, authentication, JSON parsing, schema validation and the frame log;
 * a behaviour only sees well-formed, validated client events and answers through its {@link SessionContext}.
 *
 * <p>Threading: every callback of one session, and every task it schedules through
 * {@link SessionContext#schedule}, runs on that session's own serial executor, one at a time, in order.
 * Callbacks of different sessions may run concurrently. A callback that throws is reported on the session's
 * problem list and in the log; it never closes other sessions.
 */
public interface SessionBehavior {

    /** Called once, after the WebSocket handshake completed, before any client event is delivered. */
    void onOpen(SessionContext session);

    /**
     * Called for each client event that parsed as a JSON object with a string {@code type} and passed
     * validation (or failed it in {@code warn} mode).
     *
     * @param session the session
     * @param event the client event; the behaviour may keep it, the server does not modify it afterwards
     */
    void onClientEvent(SessionContext session, ObjectNode event);

    /** A short description for the per-session log lines, such as {@code simulator} or {@code scenario 'turn'}. */
    default String description() {
        return getClass().getSimpleName();
    }

    /** Called once when the session ended, for whatever reason. No further sends are possible. */
    default void onClose(SessionContext session) {
    }
}
