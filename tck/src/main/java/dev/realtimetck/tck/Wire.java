package dev.realtimetck.tck;

import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.core.MockSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server side of one TCK connection: what the transport put on the wire, and a way to push server events.
 * Every failed check throws a {@link TckViolation} that carries the offending frames.
 */
public final class Wire {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final MockSession session;
    private final TckTiming timing;

    Wire(MockSession session, TckTiming timing) {
        this.session = Objects.requireNonNull(session, "session");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** The mock session, for anything this class does not cover (close, drop, raw frames). */
    public MockSession session() {
        return session;
    }

    /** Parses JSON written by a test (a TCK bug if it does not parse). */
    public static ObjectNode json(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JacksonException | ClassCastException e) {
            throw new IllegalArgumentException("json: not a JSON object: " + json, e);
        }
    }

    /** Sends one server event (an {@code event_id} is added when missing). */
    public void push(String json) {
        session.send(json(json));
    }

    /**
     * Waits for the earliest not yet awaited client event of this type.
     *
     * @throws TckViolation when none arrives within the signal timeout
     */
    public ObjectNode await(String type) {
        return await(e -> type.equals(e.path("type").asString(null)), "a client event of type " + type);
    }

    /**
     * Waits for the earliest not yet awaited client event matching the predicate.
     *
     * @param what the expectation in words, for the failure message
     * @throws TckViolation when none arrives within the signal timeout
     */
    public ObjectNode await(Predicate<ObjectNode> predicate, String what) {
        try {
            return session.awaitClientEvent(predicate, timing.signalTimeout());
        } catch (AssertionError e) {
            throw new TckViolation(what + " within " + timing.signalTimeout().toMillis() + " ms",
                    "none arrived; client events so far: " + types(), lastClientFrames(3));
        }
    }

    /**
     * Checks that no client event of this type (other than already awaited ones) arrives within the no-signal
     * window.
     */
    public void assertNone(String type, String why) {
        assertNone(e -> type.equals(e.path("type").asString(null)), "no client event of type " + type + " " + why);
    }

    /** Checks that no matching client event (other than already awaited ones) arrives within the no-signal window. */
    public void assertNone(Predicate<ObjectNode> predicate, String what) {
        assertNone(predicate, what, timing.noSignalWindow());
    }

    /** Checks that no matching client event (other than already awaited ones) arrives within {@code window}. */
    public void assertNone(Predicate<ObjectNode> predicate, String what, Duration window) {
        try {
            session.assertNoClientEvent(predicate, window);
        } catch (AssertionError e) {
            List<Frame> offending = new ArrayList<>();
            for (ObjectNode event : session.clientEvents()) {
                if (predicate.test(event)) {
                    offending.add(frameOf(event));
                }
            }
            throw new TckViolation(what, "the transport sent " + offending.size() + " such frame(s)", offending);
        }
    }

    /** Every client event so far (awaited or not), in order. */
    public List<ObjectNode> clientEvents() {
        return session.clientEvents();
    }

    /** The client events of one type so far, in order. */
    public List<ObjectNode> clientEvents(String type) {
        return session.clientEvents().stream().filter(e -> type.equals(e.path("type").asString(null))).toList();
    }

    /** The client event types so far, in order. */
    public List<String> types() {
        return session.clientEvents().stream().map(e -> e.path("type").asString("<no type>")).toList();
    }

    /** The wire log frame that carried this client event (or a synthetic frame when the log lost it). */
    public Frame frameOf(JsonNode event) {
        for (Frame frame : session.frames()) {
            if (frame.direction() == Frame.Direction.CLIENT && frame.kind() == Frame.Kind.TEXT) {
                try {
                    if (event.equals(MAPPER.readTree(frame.text()))) {
                        return frame;
                    }
                } catch (JacksonException e) {
                    // not JSON: cannot be the event
                }
            }
        }
        return new Frame(Frame.Direction.CLIENT, 0, Duration.ZERO, Frame.Kind.TEXT, event.toString(), null, null, null);
    }

    /** The frames of these client events. */
    public List<Frame> framesOf(List<? extends JsonNode> events) {
        return events.stream().map(this::frameOf).toList();
    }

    /** The last {@code n} client frames. */
    public List<Frame> lastClientFrames(int n) {
        List<Frame> client = session.frames().stream().filter(f -> f.direction() == Frame.Direction.CLIENT).toList();
        return client.subList(Math.max(0, client.size() - n), client.size());
    }

    /**
     * Checks that a client event equals the expected JSON (as trees: key order is irrelevant).
     *
     * @throws TckViolation showing both and the frame
     */
    public void assertJson(ObjectNode actual, String expectedJson, String what) {
        ObjectNode expected = json(expectedJson);
        if (!sameJson(expected, actual)) {
            throw new TckViolation(what + ": " + expected, actual.toString(), List.of(frameOf(actual)));
        }
    }

    /**
     * Whether two JSON trees are equal as JSON: key order is irrelevant and numbers compare by value, so {@code 1},
     * {@code 1.0} and a long 1 are the same number (a transport's JSON writer may choose any of them).
     */
    public static boolean sameJson(JsonNode expected, JsonNode actual) {
        return expected != null && actual != null && expected.equals(NUMBERS_BY_VALUE, actual);
    }

    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** Fails with a violation naming the event's frame. */
    public TckViolation violation(String expected, String actual, JsonNode... events) {
        List<Frame> frames = new ArrayList<>();
        for (JsonNode e : events) {
            frames.add(frameOf(e));
        }
        return new TckViolation(expected, actual, frames);
    }
}
