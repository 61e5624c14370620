package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based tests of the mock's inbound path, over a real WebSocket to a server running the simulator:
 * random JSON values, random text and binary frames, truncated and fragmented frames, and valid client events
 * with random mutations. For every try: the session stays open, no behaviour throws (no problem recorded),
 * every rejected frame gets one well-formed {@code error} event (echoing its {@code event_id}), every event the
 * schemas accept reaches the behaviour, and the conversation is intact (an item created before the noise is
 * retrieved unchanged, and an item created after it is answered).
 */
class InboundPathPropertyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static MockRealtimeServer server;

    @BeforeContainer
    static void start() {
        server = MockRealtimeServer.builder().pacing(SimulatorOptions.Pacing.FAST).start();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    // ---- the client

    /** A JDK WebSocket client that keeps every server event. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final List<JsonNode> errors = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        final WebSocket socket;
        final MockSession session;

        Client() throws Exception {
            int before = server.sessions().size();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer k")
                    .buildAsync(server.realtimeUrl(), this).get(10, TimeUnit.SECONDS);
            session = server.awaitSessionCount(before + 1, WAIT).get(before);
            next(e -> e.path("type").asString().equals("session.created"));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        JsonNode next(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                JsonNode event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no wanted server event within " + WAIT + "; errors: " + errors);
                }
                if (event.path("type").asString().equals("error")) {
                    errors.add(event.get("error"));
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        }

        /** Creates an item and waits for it; returns its id. */
        String createItem(String text) throws Exception {
            String id = "item_p" + IDS.incrementAndGet();
            send("{\"type\":\"conversation.item.create\",\"item\":{\"id\":\"" + id + "\",\"type\":\"message\","
                    + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}");
            next(e -> e.path("type").asString().equals("conversation.item.added")
                    && e.path("item").path("id").asString().equals(id));
            return id;
        }

        /**
         * The invariants after noise: the anchor item is retrieved unchanged and a new item is answered (which
         * also means every earlier frame was processed: the session handles frames in order), the session is
         * open and no behaviour threw.
         */
        void assertHealthy(String anchor) throws Exception {
            send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + anchor + "\",\"event_id\":\"probe_r\"}");
            JsonNode retrieved = next(e -> e.path("type").asString().equals("conversation.item.retrieved")
                    && e.path("item").path("id").asString().equals(anchor));
            assertThat(retrieved.at("/item/content/0/text").asString()).isEqualTo("anchor");
            createItem("probe");
            assertThat(session.isOpen()).isTrue();
            assertThat(session.problems()).noneMatch(p -> p.contains("threw"));
            for (JsonNode error : errors) {
                assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
                assertThat(error.path("code").isString()).as(error.toString()).isTrue();
                assertThat(error.path("message").asString()).as(error.toString()).isNotBlank();
                assertThat(error.path("param").isNull() || error.path("param").isString()).isTrue();
            }
        }

        /** Errors (seen so far) that echo this event id. */
        long errorsFor(String eventId) {
            return errors.stream().filter(e -> e.path("event_id").asString("").equals(eventId)).count();
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    // ---- generators

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(F.nullNode()),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                text().map(F::stringNode),
                Arbitraries.of(ProtocolSchemas.get().clientEventTypes()).map(F::stringNode));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> {
                    ArrayNode array = F.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                }),
                Arbitraries.maps(keys(), inner).ofMaxSize(4).map(map -> {
                    ObjectNode object = F.objectNode();
                    map.forEach(object::set);
                    return (JsonNode) object;
                })), 0, 3);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("type", "event_id", "session", "item", "audio", "response",
                "item_id", "content_index", "audio_end_ms", "previous_item_id"), text().ofMaxLength(8));
    }

    /** Strings of any characters a text frame can carry (no lone surrogates). */
    private static net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings().all().excludeChars(surrogates()).ofMaxLength(30);
    }

    private static char[] surrogates() {
        char[] chars = new char[Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (Character.MIN_SURROGATE + i);
        }
        return chars;
    }

    /** Valid client events, each a fresh tree (the simulator's ids are not reused, so the anchor is never touched). */
    private static final List<String> VALID = List.of(
            "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"be brief\","
                    + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},"
                    + "\"turn_detection\":null},\"output\":{\"voice\":\"marin\"}}}}",
            "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"hello\"}]}}",
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAAAAAAAAA=\"}",
            "{\"type\":\"input_audio_buffer.clear\"}",
            "{\"type\":\"input_audio_buffer.commit\"}",
            "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"],\"instructions\":\"x\"}}",
            "{\"type\":\"response.cancel\"}",
            "{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_none\",\"content_index\":0,\"audio_end_ms\":5}",
            "{\"type\":\"conversation.item.delete\",\"item_id\":\"item_none\"}",
            "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_none\"}",
            "{\"type\":\"output_audio_buffer.clear\"}");

    /** One mutation of an event tree. */
    record Mutation(int kind, int where, JsonNode value, String key) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000),
                jsonValues(), keys()).as(Mutation::new);
    }

    private static ObjectNode mutate(ObjectNode event, List<Mutation> mutations) {
        for (Mutation m : mutations) {
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(event, objects);
            ObjectNode target = objects.get(m.where() % objects.size());
            List<String> names = new ArrayList<>();
            target.propertyNames().forEach(names::add);
            names.remove("event_id");
            if (target == event) {
                names.remove("type");
            }
            switch (m.kind()) {
                case 0 -> target.set("x_" + m.key(), m.value()); // an unknown field
                case 1 -> { // a field removed
                    if (!names.isEmpty()) {
                        target.remove(names.get(m.where() % names.size()));
                    }
                }
                case 2 -> { // a field's value replaced by any JSON value (often another type)
                    if (!names.isEmpty()) {
                        target.set(names.get(m.where() % names.size()), m.value());
                    }
                }
                default -> { // a field set to null
                    if (!names.isEmpty()) {
                        target.putNull(names.get(m.where() % names.size()));
                    }
                }
            }
        }
        return event;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            collectObjects(it.next(), out);
        }
    }

    // ---- properties

    @Property(tries = 150)
    void randomJsonValuesAreAnsweredAndLeaveTheSessionIntact(@ForAll @Size(min = 1, max = 4)
                                                              List<@From("jsonValues") JsonNode> values) throws Exception {
        try (Client client = new Client()) {
            String anchor = client.createItem("anchor");
            List<String> ids = new ArrayList<>();
            for (JsonNode value : values) {
                String id = "evt_j" + IDS.incrementAndGet();
                if (value instanceof ObjectNode object) {
                    object.put("event_id", id);
                    if (object.path("type").asString("").equals("conversation.item.delete")) {
                        object.put("item_id", "item_none"); // never the anchor
                    }
                    ids.add(id);
                }
                client.send(value.toString());
            }
            client.assertHealthy(anchor);
            for (String id : ids) {
                JsonNode sent = client.session.clientEvents().stream()
                        .filter(e -> e.path("event_id").asString("").equals(id)).findFirst().orElseThrow();
                if (!ProtocolSchemas.get().validateClientEvent(sent).isEmpty()) {
                    assertThat(client.errorsFor(id)).as("error for rejected %s", sent).isEqualTo(1);
                }
            }
        }
    }

    @Property(tries = 150)
    void randomTextAndBinaryFramesGetOneErrorEach(@ForAll @Size(min = 1, max = 4) List<@Size(max = 200) byte[]> frames,
                                                   @ForAll boolean asText) throws Exception {
        try (Client client = new Client()) {
            String anchor = client.createItem("anchor");
            for (byte[] frame : frames) {
                if (asText) {
                    client.send(new String(frame, java.nio.charset.StandardCharsets.ISO_8859_1));
                } else {
                    client.socket.sendBinary(ByteBuffer.wrap(frame), true).get(10, TimeUnit.SECONDS);
                }
            }
            client.assertHealthy(anchor);
            assertThat(client.errors).hasSize(frames.size());
            assertThat(client.errors).allSatisfy(e -> assertThat(e.path("code").asString())
                    .isIn("invalid_json", "invalid_event"));
        }
    }

    @Property(tries = 150)
    void truncatedEventsAreRejectedAndFragmentedOnesReassembled(@ForAll @IntRange(min = 0, max = 10) int which,
                                                                @ForAll @IntRange(min = 1, max = 1000) int cut,
                                                                @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 1000) Integer> splits)
            throws Exception {
        try (Client client = new Client()) {
            String anchor = client.createItem("anchor");
            ObjectNode event = (ObjectNode) JSON.readTree(VALID.get(which));
            String id = "evt_t" + IDS.incrementAndGet();
            event.put("event_id", id);
            String text = event.toString();
            client.send(text.substring(0, cut % text.length())); // never the whole event
            // the same event in fragments: one message of several WebSocket frames
            List<Integer> points = splits.stream().map(s -> s % text.length()).distinct().sorted().toList();
            int from = 0;
            for (int point : points) {
                client.socket.sendText(text.substring(from, point), false).get(10, TimeUnit.SECONDS);
                from = point;
            }
            client.socket.sendText(text.substring(from), true).get(10, TimeUnit.SECONDS);
            client.assertHealthy(anchor);
            assertThat(client.errors.stream().filter(e -> e.path("code").asString().equals("invalid_json")
                    || e.path("code").asString().equals("invalid_event"))).hasSize(1);
            assertThat(client.session.clientEvents()).anySatisfy(e ->
                    assertThat(e.path("event_id").asString("")).isEqualTo(id));
        }
    }

    @Property(tries = 200)
    void mutatedValidEventsAreRejectedPreciselyOrAccepted(@ForAll @IntRange(min = 0, max = 10) int which,
                                                          @ForAll @Size(min = 1, max = 3)
                                                          List<@From("mutations") Mutation> mutations) throws Exception {
        try (Client client = new Client()) {
            String anchor = client.createItem("anchor");
            ObjectNode event = mutate((ObjectNode) JSON.readTree(VALID.get(which)), mutations);
            String id = "evt_m" + IDS.incrementAndGet();
            event.put("event_id", id);
            if (event.path("item_id").asString("").equals(anchor)) {
                event.put("item_id", "item_none");
            }
            client.send(event.toString());
            client.assertHealthy(anchor);
            boolean valid = ProtocolSchemas.get().validateClientEvent(event).isEmpty();
            if (!valid) {
                List<JsonNode> schemaErrors = client.errors.stream()
                        .filter(e -> e.path("event_id").asString("").equals(id)).toList();
                assertThat(schemaErrors).as("the rejection of %s", event).hasSize(1);
                String expectedParam = ProtocolSchemas.get().validateClientEvent(event).get(0).param();
                assertThat(schemaErrors.get(0).path("param").asString(""))
                        .as("param of %s", schemaErrors.get(0)).isEqualTo(expectedParam);
            }
        }
    }

}
