package dev.realtimetck.mockserver.core;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The narrow view of a running mock server that its features get (the admin API, the scenario routes): the
 * sessions, reset, and the behaviour factory for sessions opened from now on. {@code MockRealtimeServer}
 * implements it.
 */
public interface SessionRegistry {

    /** The WebSocket URL, {@code ws://host:port/v1/realtime}. */
    URI realtimeUrl();

    /** The validation mode. */
    ValidationMode validationMode();

    /** Every session since start or the last {@link #reset()}, oldest first, open or closed. */
    List<MockSession> sessions();

    /** The session with this id, if it is known. */
    Optional<MockSession> session(String id);

    /** Closes every open session (close code 1001), forgets all sessions and runs the reset listeners. */
    void reset();

    /** The factory that creates the behaviour of each new session. */
    SessionBehaviorFactory behaviorFactory();

    /** Replaces the behaviour factory; sessions opened from now on use it, open sessions keep theirs. */
    void behaviorFactory(SessionBehaviorFactory factory);
}
