package dev.realtimetck.mockserver.core;

import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the {@link SessionBehavior} of each new WebSocket session. The server asks its current factory once
 * per session, right after the handshake; swapping the factory with
 * {@link SessionRegistry#behaviorFactory(SessionBehaviorFactory)} ({@code MockRealtimeServer} implements it)
 * affects only sessions opened afterwards.
 */
@FunctionalInterface
public interface SessionBehaviorFactory {

    /**
     * The behaviour for a new session.
     *
     * @param session the session being opened (id, model and call id are already known; nothing has been sent)
     * @return the behaviour, never null
     */
    SessionBehavior create(SessionContext session);

    /** A factory whose sessions never send anything on their own (tests push events through the Java API). */
    static SessionBehaviorFactory silent() {
        return session -> new SessionBehavior() {
            @Override
            public void onOpen(SessionContext s) {
            }

            @Override
            public void onClientEvent(SessionContext s, ObjectNode event) {
            }
        };
    }
}
