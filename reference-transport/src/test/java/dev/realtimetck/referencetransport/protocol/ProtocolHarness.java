package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportEventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** A protocol wired to recording sinks and a hand-driven nano clock. */
final class ProtocolHarness {

    /** One delivered event: {@code name} is the transport event name, {@code "*"}, or {@code "server:<type>"}. */
    record Delivered(String name, Object payload) {
    }

    final List<String> frames = new ArrayList<>();
    final List<Delivered> events = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Map<String, Consumer<Object>> reactions = new HashMap<>();
    boolean anyListeners = true;
    boolean serverListeners = true;
    RuntimeException failNextWrite;
    int anyCopiesMade;
    final RealtimeProtocol protocol;

    ProtocolHarness() {
        this(Duration.ofSeconds(15));
    }

    ProtocolHarness(Duration timeout) {
        FrameSink sink = frame -> {
            if (failNextWrite != null) {
                RuntimeException failure = failNextWrite;
                failNextWrite = null;
                throw failure;
            }
            frames.add(frame);
        };
        EventSink eventSink = new EventSink() {
            @Override
            public <E> void emit(TransportEventType<E> type, E event) {
                deliver(type.name(), event);
            }

            @Override
            public void emitServerEvent(RealtimeServerEvent event) {
                deliver("server:" + event.type(), event);
            }

            @Override
            public void emitAny(Supplier<RealtimeServerEvent> rawCopy) {
                anyCopiesMade++;
                deliver("*", rawCopy.get());
            }

            @Override
            public boolean hasAnyListeners() {
                return anyListeners;
            }

            @Override
            public boolean hasServerEventListeners(String serverEventType) {
                return serverListeners;
            }
        };
        protocol = new RealtimeProtocol(sink, eventSink,
                new ProtocolOptions(timeout, nanos::get, "evt_"));
    }

    private void deliver(String name, Object payload) {
        events.add(new Delivered(name, payload));
        Consumer<Object> reaction = reactions.get(name);
        if (reaction != null) {
            reaction.accept(payload);
        }
    }

    void receive(String json) {
        protocol.onTextFrame(json);
    }

    void advanceMillis(double ms) {
        nanos.addAndGet((long) (ms * 1_000_000));
    }

    List<String> names() {
        return events.stream().map(Delivered::name).toList();
    }

    /** Names without the '*' and per-name server copies. */
    List<String> transportNames() {
        return events.stream().map(Delivered::name).filter(n -> !n.equals("*") && !n.startsWith("server:")).toList();
    }

    @SuppressWarnings("unchecked")
    <T> List<T> payloads(String name) {
        return (List<T>) events.stream().filter(d -> d.name().equals(name)).map(Delivered::payload).toList();
    }

    <T> T only(String name) {
        List<T> list = payloads(name);
        assertThat(list).as("events named " + name).hasSize(1);
        return list.get(0);
    }

    List<String> takeFrames() {
        List<String> copy = List.copyOf(frames);
        frames.clear();
        return copy;
    }

    void clear() {
        frames.clear();
        events.clear();
    }

    // ---- JSON comparison: trees, key order irrelevant, numbers compared by value, absent differs from null

    static JsonNode tree(String json) {
        return Json.MAPPER.readTree(json);
    }

    static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y);
        }
        return a.equals(b) ? 0 : 1;
    };

    static void assertJson(String actual, String expected) {
        JsonNode a = tree(actual);
        JsonNode e = tree(expected);
        assertThat(a.equals(NUMERIC, e)).as("frame %s%n  expected %s", actual, e).isTrue();
    }

    static void assertFrames(List<String> actual, String... expected) {
        assertThat(actual).as("frames").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertJson(actual.get(i), expected[i]);
        }
    }

    static String type(String frame) {
        return tree(frame).path("type").asString();
    }
}
