package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.protocoldata.ProtocolData;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based tests of the protocol's server-event path (what {@code RealtimeWebSocketTransport} runs for every
 * inbound frame): random JSON values, random text and bytes, and recorded server event sequences with random
 * mutations and dropped events. For every try: no exception escapes {@code onTextFrame}/{@code onBinaryFrame};
 * every transport event is an instance of its type's event class whose every component can be read (what a
 * listener does); every raw copy has a type; and afterwards the protocol still turns a new item and an error into
 * the right transport events.
 */
class ServerEventPropertyTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<List<String>> SEQUENCES = sequences();

    private static List<List<String>> sequences() {
        List<List<String>> all = new ArrayList<>();
        for (String corpus : ProtocolData.CORPORA) {
            all.add(ProtocolData.lines(ProtocolData.corpus(corpus)).stream().filter(l -> !l.isBlank()).toList());
        }
        List<String> examples = new ArrayList<>();
        for (String line : ProtocolData.lines(ProtocolData.SERVER_EXAMPLES)) {
            if (!line.isBlank()) {
                examples.add(Json.MAPPER.readTree(line).get("event").toString());
            }
        }
        all.add(examples);
        return List.copyOf(all);
    }

    // ---- generators

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(F.nullNode()),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.strings().ofMaxLength(20).map(F::stringNode),
                Arbitraries.of("AAAA", "not base64!", "", "resp_1", "item_1", "call_1").map(F::stringNode),
                Arbitraries.of("response.output_audio.delta",
                        "response.done", "response.created", "conversation.item.added", "conversation.item.done",
                        "conversation.item.deleted", "conversation.item.truncated", "error", "session.created",
                        "session.updated", "input_audio_buffer.speech_started", "response.output_item.done",
                        "response.function_call_arguments.done", "mcp_list_tools.completed",
                        "response.output_audio_transcript.delta", "response.output_text.delta",
                        "output_audio_buffer.stopped", "rate_limits.updated").map(F::stringNode));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode array = F.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                }),
                Arbitraries.maps(keys(), inner).ofMaxSize(5).map(map -> {
                    ObjectNode object = F.objectNode();
                    map.forEach(object::set);
                    return (JsonNode) object;
                })), 0, 4);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("type", "event_id", "response", "item", "item_id", "response_id",
                "delta", "output", "status", "content", "id", "call_id", "name", "arguments", "error", "usage",
                "role", "previous_item_id", "audio_end_ms", "content_index", "output_index", "tools", "server_label"),
                Arbitraries.strings().alpha().ofMaxLength(6));
    }

    /** One mutation of an event tree: add an unknown field, remove one, replace a value, or null it. */
    record Mutation(int kind, int where, JsonNode value, String key) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000),
                jsonValues(), keys()).as(Mutation::new);
    }

    private static ObjectNode mutate(ObjectNode event, Mutation m) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(event, objects);
        ObjectNode target = objects.get(m.where() % objects.size());
        List<String> names = new ArrayList<>();
        target.propertyNames().forEach(names::add);
        String name = names.isEmpty() ? null : names.get(m.where() % names.size());
        switch (m.kind()) {
            case 0 -> target.set(m.key(), m.value());
            case 1 -> {
                if (name != null) {
                    target.remove(name);
                }
            }
            case 2 -> {
                if (name != null) {
                    target.set(name, m.value());
                }
            }
            default -> {
                if (name != null) {
                    target.putNull(name);
                }
            }
        }
        return event;
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    // ---- invariants

    /** What every listener may do with an event: read each component, recursively. */
    private static void readAll(Object value, int depth) {
        if (value == null || depth > 20) {
            return;
        }
        if (value instanceof ByteBuffer buffer) {
            buffer.duplicate().get(new byte[buffer.remaining()]);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> readAll(v, depth + 1));
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> readAll(v, depth + 1));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    readAll(component.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + component + " of " + value.getClass(), e);
                }
            }
        }
        assertThat(value.toString()).isNotNull();
    }

    private static void assertListenersCanTakeEverything(ProtocolHarness h) {
        for (ProtocolHarness.Delivered delivered : h.events) {
            assertThat(delivered.payload()).as(delivered.name()).isNotNull();
            if (delivered.name().equals("*") || delivered.name().startsWith("server:")) {
                RealtimeServerEvent raw = (RealtimeServerEvent) delivered.payload();
                assertThat(raw.type()).isNotNull();
                readAll(raw.fields(), 0);
                continue;
            }
            TransportEventType<?> type = TransportEventType.named(delivered.name());
            assertThat(type.eventClass().isInstance(delivered.payload()))
                    .as("%s carries a %s", delivered.name(), delivered.payload().getClass()).isTrue();
            readAll(delivered.payload(), 0);
        }
    }

    /** After any input, a new item and an error still become the right transport events. */
    private static void assertStillWorks(ProtocolHarness h) {
        h.clear();
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"probe_1\",\"previous_item_id\":null,"
                + "\"item\":{\"id\":\"item_probe\",\"object\":\"realtime.item\",\"type\":\"message\","
                + "\"status\":\"completed\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"p\"}]}}");
        List<RealtimeItem> items = h.payloads("item_update");
        assertThat(items).anySatisfy(item -> assertThat(item.itemId()).isEqualTo("item_probe"));
        h.receive("{\"type\":\"error\",\"event_id\":\"probe_2\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"code\":\"probe\",\"message\":\"probe\",\"param\":null,\"event_id\":null}}");
        List<TransportError> errors = h.payloads("error");
        assertThat(errors).hasSize(1);
        assertListenersCanTakeEverything(h);
    }

    // ---- properties

    @Property(tries = 300)
    void randomJsonValuesNeverThrowAndEmitOnlyWellFormedEvents(
            @ForAll @Size(min = 1, max = 6) List<@From("jsonValues") JsonNode> frames, @ForAll boolean listeners) {
        ProtocolHarness h = new ProtocolHarness();
        h.anyListeners = listeners;
        h.serverListeners = listeners;
        for (JsonNode frame : frames) {
            h.receive(frame.toString());
        }
        assertListenersCanTakeEverything(h);
        assertStillWorks(h);
    }

    @Property(tries = 200)
    void randomTextAndBytesNeverThrow(@ForAll @Size(min = 1, max = 4) List<@Size(max = 300) byte[]> frames) {
        ProtocolHarness h = new ProtocolHarness();
        for (byte[] frame : frames) {
            h.receive(new String(frame, StandardCharsets.ISO_8859_1));
            h.protocol.onBinaryFrame(ByteBuffer.wrap(frame));
        }
        assertListenersCanTakeEverything(h);
        assertStillWorks(h);
    }

    @Property(tries = 400)
    void mutatedRecordedSequencesNeverThrowAndEmitOnlyWellFormedEvents(
            @ForAll @IntRange(min = 0, max = 3) int sequence,
            @ForAll @Size(max = 8) List<@From("mutations") Mutation> mutations,
            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 60) Integer> dropped,
            @ForAll boolean listeners) {
        ProtocolHarness h = new ProtocolHarness();
        h.anyListeners = listeners;
        h.serverListeners = listeners;
        List<String> events = SEQUENCES.get(sequence);
        for (int i = 0; i < events.size(); i++) {
            if (dropped.contains(i)) {
                continue;
            }
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(events.get(i));
            for (int m = 0; m < mutations.size(); m++) {
                if ((mutations.get(m).where() + m) % events.size() == i) {
                    mutate(event, mutations.get(m));
                }
            }
            h.receive(event.toString());
            h.advanceMillis(5);
        }
        assertListenersCanTakeEverything(h);
        assertStillWorks(h);
    }
}
