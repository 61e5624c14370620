package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.junit.MockRealtimeServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners run without the transport's lock: a listener that blocks holds up later events, never a sending method
 * on another thread. Every wait is condition-based and bounded; the blocked listener is always released.
 */
class ListenerIsolationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static MockRealtimeServerExtension mock = MockRealtimeServerExtension.perTest(MockRealtimeServer.builder()
            .validation(ValidationMode.OFF).behaviorFactory(SessionBehaviorFactory.silent()));

    /** A listener body that reports it was entered and then blocks until released (or the test's bound passes). */
    private static final class BlockingListener {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean returned;

        void block() {
            entered.countDown();
            try {
                release.await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned = true;
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the listener was called").isTrue();
        }
    }

    private static RealtimeWebSocketTransport connected(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = RealtimeWebSocketTransport.builder()
                .apiKey("sk-test").baseUrl(server.realtimeUrl()).build();
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return transport;
    }

    private static String audioDelta(String itemId) {
        return "{\"type\":\"response.output_audio.delta\",\"response_id\":\"r1\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[480]) + "\"}";
    }

    @Test
    void aBlockedAudioListenerDoesNotBlockSendAudioOnAnotherThread(MockRealtimeServer server) throws Exception {
        BlockingListener speaker = new BlockingListener();
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            transport.on(TransportEventType.AUDIO, audio -> speaker.block());
            try {
                session.send(audioDelta("item_1"));
                speaker.awaitEntered();
                CompletableFuture<Void> microphone = CompletableFuture.runAsync(
                        () -> transport.sendAudio(new byte[] {1, 2, 3, 4}, true));
                microphone.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                session.awaitClientEvent("input_audio_buffer.commit", WAIT);
                assertThat(session.clientEvents().stream()
                        .filter(e -> e.path("type").asString().equals("input_audio_buffer.append"))).singleElement()
                        .satisfies(e -> assertThat(e.path("audio").asString()).isEqualTo("AQIDBA=="));
                assertThat(speaker.returned).as("the audio listener is still blocked").isFalse();
            } finally {
                speaker.release.countDown();
            }
        }
    }

    @Test
    void sendersStatusAndCloseDoNotWaitForABlockedListener(MockRealtimeServer server) throws Exception {
        BlockingListener listener = new BlockingListener();
        RealtimeWebSocketTransport transport = connected(server);
        try {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            transport.onServerEvent("rate_limits.updated", e -> listener.block());
            session.send("{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}");
            listener.awaitEntered();
            CompletableFuture<ConnectionStatus> other = CompletableFuture.supplyAsync(() -> {
                transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
                transport.requestResponse();
                transport.interrupt();
                ConnectionStatus before = transport.status();
                transport.close();
                return before;
            });
            assertThat(other.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(ConnectionStatus.CONNECTED);
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
            session.awaitClientEvent("response.create", WAIT);
            assertThat(session.clientEvents().stream()
                    .filter(e -> e.path("type").asString().equals("input_audio_buffer.clear"))).hasSize(1);
            assertThat(listener.returned).as("the listener is still blocked").isFalse();
        } finally {
            listener.release.countDown();
            transport.close();
        }
    }

    private static long count(MockSession session, String type) {
        return session.clientEvents().stream().filter(e -> e.path("type").asString().equals(type)).count();
    }

    @Test
    void aQueuedResponseCreateWaitsForTheTurnDoneListenersWhileOtherThreadsKeepSending(MockRealtimeServer server)
            throws Exception {
        BlockingListener turnDone = new BlockingListener();
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            transport.requestResponse();
            session.awaitClientEvent("response.create", WAIT);
            // registered before response.created is sent, so the listener cannot miss it
            transport.on(TransportEventType.TURN_STARTED, started -> transport.requestResponse()); // queued (D3)
            session.send("{\"type\":\"response.created\",\"response\":{\"id\":\"r1\",\"output\":[]}}");
            transport.on(TransportEventType.TURN_DONE, done -> turnDone.block());
            try {
                session.send("{\"type\":\"response.done\",\"response\":{\"id\":\"r1\",\"output\":[]}}");
                turnDone.awaitEntered();
                CompletableFuture.runAsync(() -> transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                session.awaitClientEvent("input_audio_buffer.clear", WAIT);
                // frames leave one socket in order: a create released before the listener returned would precede it
                assertThat(count(session, "response.create")).as("response.create frames while turn_done runs")
                        .isEqualTo(1);
            } finally {
                turnDone.release.countDown();
            }
            session.awaitClientEvent(e -> e.path("type").asString().equals("response.create")
                    && count(session, "response.create") == 2, WAIT);
        }
    }

    @Test
    void eventsCausedByASenderInsideAListenerArriveAfterThatListenerReturned(MockRealtimeServer server)
            throws Exception {
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch updated = new CountDownLatch(1);
            transport.on(TransportEventType.FUNCTION_CALL, call -> {
                order.add("function_call listener starts");
                transport.sendFunctionCallOutput(call, "{\"ok\":true}", false);
                order.add("function_call listener returns");
            });
            transport.on(TransportEventType.ITEM_UPDATE, item -> {
                if (item instanceof dev.realtimetck.api.RealtimeItem.FunctionCall fc && fc.output() != null) {
                    order.add("item_update " + fc.output());
                    updated.countDown();
                }
            });
            session.send("{\"type\":\"response.output_item.done\",\"response_id\":\"r1\",\"output_index\":0,"
                    + "\"item\":{\"id\":\"fc1\",\"type\":\"function_call\",\"status\":\"completed\","
                    + "\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"{}\"}}");
            assertThat(updated.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(order).containsExactly("function_call listener starts", "function_call listener returns",
                    "item_update {\"ok\":true}");
            session.awaitClientEvent("conversation.item.create", WAIT);
        }
    }
}
