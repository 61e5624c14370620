package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.SessionContext;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link SessionBehavior} that behaves like the OpenAI Realtime GA API, deterministically: it keeps the
 * session configuration, the conversation and the input audio buffer, detects speech in the input audio by its
 * energy, and streams responses with real audio in the session's output format. One instance can serve any
 * number of sessions; each session has its own state. See the module README, section "Simulator", for every
 * behaviour and trigger.
 */
public final class RealtimeSimulator implements SessionBehavior {

    @Override
    public String description() {
        return "simulator";
    }

    private final SimulatorOptions options;
    private final Map<String, SimulatedSession> sessions = new ConcurrentHashMap<>();

    /** A simulator with {@link SimulatorOptions#defaults()}. */
    public RealtimeSimulator() {
        this(SimulatorOptions.defaults());
    }

    /** A simulator with the given options. */
    public RealtimeSimulator(SimulatorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A factory giving every new session this one simulator (it keeps each session's state apart). */
    public static SessionBehaviorFactory factory(SimulatorOptions options) {
        RealtimeSimulator simulator = new RealtimeSimulator(options);
        return session -> simulator;
    }

    /** The options this simulator runs with. */
    public SimulatorOptions options() {
        return options;
    }

    @Override
    public void onOpen(SessionContext session) {
        SimulatedSession state = new SimulatedSession(session, options);
        sessions.put(session.id(), state);
        state.open();
    }

    @Override
    public void onClientEvent(SessionContext session, ObjectNode event) {
        SimulatedSession state = sessions.get(session.id());
        if (state == null) {
            throw new IllegalStateException("client event for session " + session.id() + " before onOpen");
        }
        state.handle(event);
    }

    @Override
    public void onClose(SessionContext session) {
        SimulatedSession state = sessions.remove(session.id());
        if (state != null) {
            state.close();
        }
    }
}
