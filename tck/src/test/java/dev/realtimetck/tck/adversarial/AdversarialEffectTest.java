package dev.realtimetck.tck.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.tck.TckTransportSettings;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spot checks that the harness mechanisms really change behaviour: one entry per mechanism (frame rewrite with the
 * audio clock, marks around a call, synthetic inbound frames, held frames, handshake hooks), each against scripted
 * server frames. The reference transport behind the same script does the opposite (its own tests cover that).
 */
class AdversarialEffectTest {

    private static final String KEY = "sk-adversarial";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(400);
    private static MockRealtimeServer server;
    private RealtimeTransportLayer transport;

    @BeforeAll
    static void start() {
        server = MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent())
                .validation(ValidationMode.OFF).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    private MockSession connect(Class<?> bug) throws Exception {
        int before = server.sessions().size();
        transport = AdversarialCatalogue.create(bug,
                new TckTransportSettings(server.realtimeUrl(), KEY, Duration.ofSeconds(2)));
        transport.connect(RealtimeTransportConnectOptions.builder().apiKey(KEY).url(server.realtimeUrl()).build())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        MockSession session = server.awaitSessionCount(before + 1, WAIT).get(before);
        session.awaitClientEvent("session.update", WAIT);
        return session;
    }

    private static void audioResponse(MockSession session, int bytes) {
        session.sendRawText("{\"type\":\"response.created\",\"event_id\":\"e1\",\"response\":{\"id\":\"r1\","
                + "\"object\":\"realtime.response\",\"status\":\"in_progress\",\"output\":[]}}");
        session.sendRawText("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e2\",\"response_id\":\"r1\","
                + "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"}");
    }

    private static boolean isType(ObjectNode event, String type) {
        return type.equals(event.path("type").asString());
    }

    /** Waits until the transport has seen what the server pushed (a round trip through a retrieve). */
    private void roundTrip(MockSession session, String itemId) {
        session.sendRawText("{\"type\":\"conversation.item.truncated\",\"event_id\":\"rt_" + itemId
                + "\",\"item_id\":\"" + itemId + "\",\"content_index\":0,\"audio_end_ms\":0}");
        session.awaitClientEvent(e -> isType(e, "conversation.item.retrieve")
                && itemId.equals(e.path("item_id").asString()), WAIT);
    }

    @Test
    void truncateRewriteUsesTheAudioClock() throws Exception {
        MockSession session = connect(InterruptBugs.AudioEndWholePart.class);
        audioResponse(session, 4800);
        roundTrip(session, "sync1");
        transport.interrupt();
        ObjectNode truncate = session.awaitClientEvent("conversation.item.truncate", WAIT);
        assertThat(truncate.path("audio_end_ms").asLong()).isEqualTo(100);
    }

    @Test
    void marksAroundInterruptAddTheMissingTruncate() throws Exception {
        MockSession session = connect(InterruptBugs.TruncateAlways.class);
        audioResponse(session, 4800);
        session.sendRawText("{\"type\":\"response.output_audio.done\",\"event_id\":\"e3\",\"response_id\":\"r1\","
                + "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0}");
        roundTrip(session, "sync2");
        session.assertNoClientEvent(e -> isType(e, "conversation.item.truncate"), QUIET); // playback is over
        transport.interrupt();
        assertThat(session.awaitClientEvent("conversation.item.truncate", WAIT).path("item_id").asString())
                .isEqualTo("i1");
    }

    @Test
    void syntheticDoneReleasesTheQueueAtCreated() throws Exception {
        MockSession session = connect(SequencingBugs.ReleasedAtCreated.class);
        List<String> turns = new CopyOnWriteArrayList<>();
        transport.on(TransportEventType.TURN_DONE, done -> turns.add(done.response().id()));
        transport.requestResponse();
        session.awaitClientEvent("response.create", WAIT);
        transport.requestResponse(Map.of("instructions", "second")); // manual: never folded into the first
        session.sendRawText("{\"type\":\"response.created\",\"event_id\":\"e1\",\"response\":{\"id\":\"r1\","
                + "\"object\":\"realtime.response\",\"status\":\"in_progress\",\"output\":[]}}");
        session.awaitClientEvent("response.create", WAIT);
        assertThat(turns).isEmpty(); // the synthetic response.done stayed hidden
    }

    @Test
    void malformedFrameBecomesAnErrorEventOnly() throws Exception {
        MockSession session = connect(EventBugs.MalformedFrameReported.class);
        List<Object> errors = new CopyOnWriteArrayList<>();
        List<RealtimeServerEvent> any = new CopyOnWriteArrayList<>();
        transport.on(TransportEventType.ERROR, errors::add);
        transport.onAny(any::add);
        session.sendRawText("not json");
        roundTrip(session, "sync3");
        assertThat(errors).singleElement().isInstanceOf(TransportError.ServerError.class);
        assertThat(any).extracting(RealtimeServerEvent::type).doesNotContain("error");
    }

    @Test
    void framesAreHeldWhileACreateIsUnanswered() throws Exception {
        MockSession session = connect(SequencingBugs.EverythingWaitsForCreate.class);
        transport.requestResponse();
        session.awaitClientEvent("response.create", WAIT);
        transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
        session.assertNoClientEvent(e -> isType(e, "input_audio_buffer.clear"), QUIET);
        session.sendRawText("{\"type\":\"response.created\",\"event_id\":\"e1\",\"response\":{\"id\":\"r1\","
                + "\"object\":\"realtime.response\",\"status\":\"in_progress\",\"output\":[]}}");
        session.awaitClientEvent("input_audio_buffer.clear", WAIT);
    }

    @Test
    void aRejectedCreateBlocksTheQueue() throws Exception {
        MockSession session = connect(SequencingBugs.ErrorDoesNotRelease.class);
        transport.requestResponse();
        String id = session.awaitClientEvent("response.create", WAIT).path("event_id").asString();
        transport.requestResponse(Map.of("instructions", "second"));
        session.sendRawText("{\"type\":\"error\",\"event_id\":\"e9\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"rejected\",\"event_id\":\"" + id + "\"}}");
        session.assertNoClientEvent(e -> isType(e, "response.create"), QUIET);
    }

    @Test
    void theKeyInTheQueryOnlyIsRefused() {
        transport = AdversarialCatalogue.create(LifecycleBugs.KeyInQueryOnly.class,
                new TckTransportSettings(server.realtimeUrl(), KEY, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> transport.connect(RealtimeTransportConnectOptions.builder().apiKey(KEY)
                .url(server.realtimeUrl()).build()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
    }

    @Test
    void theInitialUpdateIsOvertaken() throws Exception {
        int before = server.sessions().size();
        transport = AdversarialCatalogue.create(SessionConfigBugs.InitialUpdateFromBackground.class,
                new TckTransportSettings(server.realtimeUrl(), KEY, Duration.ofSeconds(2)));
        transport.connect(RealtimeTransportConnectOptions.builder().apiKey(KEY).url(server.realtimeUrl()).build())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
        MockSession session = server.awaitSessionCount(before + 1, WAIT).get(before);
        session.awaitClientEvent("session.update", WAIT);
        assertThat(session.clientEvents().get(0).path("type").asString()).isEqualTo("input_audio_buffer.clear");
    }

    @Test
    void queuedRequestsReachTheNextConnection() throws Exception {
        MockSession first = connect(SequencingBugs.QueueSurvivesReconnect.class);
        transport.requestResponse();
        first.awaitClientEvent("response.create", WAIT);
        transport.requestResponse(Map.of("instructions", "queued"));
        first.assertNoClientEvent(e -> isType(e, "response.create"), QUIET);
        transport.close();
        int before = server.sessions().size();
        transport.connect(RealtimeTransportConnectOptions.builder().apiKey(KEY).url(server.realtimeUrl()).build())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        MockSession second = server.awaitSessionCount(before + 1, WAIT).get(before);
        assertThat(second.awaitClientEvent("response.create", WAIT).path("response").path("instructions").asString())
                .isEqualTo("queued");
    }

    @Test
    void theWildcardComesAfterTheTypedEvent() throws Exception {
        MockSession session = connect(DeliveryBugs.AnyAfterTypedEvents.class);
        List<String> order = new CopyOnWriteArrayList<>();
        transport.onAny(event -> order.add("*:" + event.type()));
        transport.onServerEvent("conversation.item.truncated", event -> order.add("typed:" + event.type()));
        roundTrip(session, "sync4");
        assertThat(order).startsWith("typed:conversation.item.truncated", "*:conversation.item.truncated");
    }
}
