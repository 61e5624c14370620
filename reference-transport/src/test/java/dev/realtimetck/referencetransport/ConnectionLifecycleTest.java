package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.junit.MockRealtimeServerExtension;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** Section C of the transport rules against the embedded mock server and raw TCP servers. */
class ConnectionLifecycleTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static MockRealtimeServerExtension mock = MockRealtimeServerExtension.perTest(MockRealtimeServer.builder());

    private final List<RealtimeWebSocketTransport> transports = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        transports.forEach(RealtimeWebSocketTransport::close);
    }

    private RealtimeWebSocketTransport transport(RealtimeWebSocketTransportBuilder builder) {
        RealtimeWebSocketTransport transport = builder.build();
        transports.add(transport);
        return transport;
    }

    private RealtimeWebSocketTransport transportTo(MockRealtimeServer server) {
        return transport(RealtimeWebSocketTransport.builder().apiKey("sk-test").baseUrl(server.realtimeUrl()));
    }

    static Throwable failureOf(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("connect succeeded");
    }

    @Test
    void connectReportsConnectingThenConnectedAndSendsSessionUpdateFirst(MockRealtimeServer server)
            throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        EventLog log = EventLog.of(transport);
        List<String> atCompletion = new ArrayList<>();

        transport.connect(RealtimeTransportConnectOptions.builder().model("gpt-x").build())
                .thenRun(() -> atCompletion.addAll(log.connectionChanges()))
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(atCompletion).containsExactly("connection_change:connecting", "connection_change:connected");
        MockSession session = server.awaitSession(WAIT);
        assertThat(session.model()).contains("gpt-x");
        ObjectNode first = session.awaitClientEvent(e -> true, WAIT);
        assertThat(first.path("type").asString()).isEqualTo("session.update");
        assertThat(first.path("session").path("model").asString()).isEqualTo("gpt-x");
        assertThat(log.threads).allMatch(name -> name.startsWith("realtime-dispatch-"));
    }

    @Test
    void frameSentFromConnectedListenerPrecedesInitialSessionUpdate(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        transport.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.CONNECTED) {
                transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
            }
        });
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        MockSession session = server.awaitSession(WAIT);
        assertThat(session.awaitClientEvent(e -> true, WAIT).path("type").asString())
                .isEqualTo("input_audio_buffer.clear");
        assertThat(session.awaitClientEvent(e -> true, WAIT).path("type").asString()).isEqualTo("session.update");
    }

    @Test
    void upgradeRequestCarriesBearerKeyAndSdkHeadersAndEncodedModel() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.CLOSE_AFTER_REQUEST)) {
            RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder()
                    .apiKey("sk-secret").baseUrl(raw.url("/v1/realtime")).model("gpt x/y&z"));
            EventLog log = EventLog.of(transport);
            var connecting = transport.connect(RealtimeTransportConnectOptions.defaults());
            List<String> request = raw.request.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(request.get(0)).startsWith("GET /v1/realtime?model=gpt%20x%2Fy%26z ");
            assertThat(request).contains("Authorization: Bearer sk-secret");
            assertThat(request).anyMatch(h -> h.startsWith("User-Agent: realtime-tck-java/"));
            assertThat(request).anyMatch(h -> h.startsWith("X-OpenAI-Agents-SDK: realtime-tck-java."));
            assertThat(request).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("openai-beta"));

            // C9: the server closed before the socket opened: connect fails, no error event
            Throwable failure = failureOf(connecting);
            assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("closed before");
            log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
            assertThat(log.names()).doesNotContain("error");
            assertThat(log.connectionChanges())
                    .containsExactly("connection_change:connecting", "connection_change:disconnected");
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        }
    }

    @Test
    void callIdIsEncodedIntoTheUrl(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        transport.connect(RealtimeTransportConnectOptions.builder().callId("call 1&x=2").build())
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(server.awaitSession(WAIT).callId()).contains("call 1&x=2");
    }

    @Test
    void handshakeThatNeverCompletesTimesOut() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.NEVER_ANSWER)) {
            RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder()
                    .apiKey("sk-test").url(raw.url("/v1/realtime")).connectTimeout(Duration.ofMillis(300)));
            EventLog log = EventLog.of(transport);
            Throwable failure = failureOf(transport.connect(RealtimeTransportConnectOptions.defaults()));
            assertThat(failure).isInstanceOf(HttpTimeoutException.class);
            log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
            // C10: a failed socket reports the error first, then disconnected; connect fails with the same object
            assertThat(log.names())
                    .containsExactly("connection_change:connecting", "error", "connection_change:disconnected");
            assertThat(log.failures()).containsExactly(failure);
        }
    }

    @Test
    void closeWhileTheSocketIsOpeningFailsConnect() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.NEVER_ANSWER)) {
            RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder()
                    .apiKey("sk-test").url(raw.url("/v1/realtime")));
            EventLog log = EventLog.of(transport);
            var connecting = transport.connect(RealtimeTransportConnectOptions.defaults());
            raw.request.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            transport.close();
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
            assertThat(failureOf(connecting)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed before setup completed");
            log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
            assertThat(log.connectionChanges())
                    .containsExactly("connection_change:connecting", "connection_change:disconnected");
        }
    }

    @Test
    void closeWhileTheKeyResolvesOpensNoSocketLater(MockRealtimeServer server) throws Exception {
        CompletableFuture<String> key = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder()
                .baseUrl(server.realtimeUrl()).apiKey(ApiKey.fromSupplier(() -> {
                    calls.incrementAndGet();
                    return key;
                })));
        EventLog log = EventLog.of(transport);
        var connecting = transport.connect(RealtimeTransportConnectOptions.defaults());
        // C3: a second connect while the key resolves fails without calling the supplier again
        assertThat(failureOf(transport.connect(RealtimeTransportConnectOptions.defaults())))
                .isInstanceOf(IllegalStateException.class);
        transport.close();
        key.complete("sk-late");
        assertThat(failureOf(connecting)).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        // a later connect proves the dispatch queue drained; no session was opened for the abandoned attempt
        RealtimeWebSocketTransport probe = transportTo(server);
        probe.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(server.awaitSessionCount(1, WAIT)).hasSize(1);
        assertThat(log.names()).isEmpty();
    }

    @Test
    void missingOrEmptyKeyFailsWithoutSocketOrEvents(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport noKey = transport(RealtimeWebSocketTransport.builder()
                .baseUrl(server.realtimeUrl()));
        EventLog log = EventLog.of(noKey);
        assertThat(failureOf(noKey.connect(RealtimeTransportConnectOptions.defaults())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API key");
        RealtimeWebSocketTransport emptyKey = transport(RealtimeWebSocketTransport.builder()
                .baseUrl(server.realtimeUrl())
                .apiKey(ApiKey.fromSupplier(() -> CompletableFuture.completedFuture(""))));
        EventLog emptyLog = EventLog.of(emptyKey);
        assertThat(failureOf(emptyKey.connect(RealtimeTransportConnectOptions.defaults())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API key");
        // the options key is used when the builder has none, and the transport connects afterwards
        noKey.connect(RealtimeTransportConnectOptions.builder().apiKey("sk-options").build())
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(server.awaitSessionCount(1, WAIT)).hasSize(1);
        assertThat(emptyLog.names()).isEmpty();
        assertThat(log.connectionChanges())
                .containsExactly("connection_change:connecting", "connection_change:connected");
    }

    @Test
    void connectWhileConnectedFailsWithoutSecondSocket(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failureOf(transport.connect(RealtimeTransportConnectOptions.builder().model("other").build())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already connected");
        assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
        // the second connect failed synchronously, so one session now means no second socket was ever opened
        assertThat(server.awaitSessionCount(1, WAIT)).hasSize(1);
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void serverCloseAfterOpenDisconnectsWithoutErrorAndReconnectStartsFresh(MockRealtimeServer server)
            throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        EventLog log = EventLog.of(transport);
        transport.connect(RealtimeTransportConnectOptions.builder().model("sticky-model").build())
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        MockSession first = server.awaitSession(WAIT);
        first.awaitClientEvent("session.update", WAIT);
        first.close(1000, "bye");
        log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(log.failures()).isEmpty();
        assertThat(log.names()).doesNotContain("error");
        assertThatThrownBy(() -> transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                .isInstanceOf(IllegalStateException.class);

        // C14 + C7: a reconnect opens a fresh socket with the model of the last successful connect
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        MockSession second = server.awaitSession(WAIT);
        assertThat(second.model()).contains("sticky-model");
        assertThat(second.awaitClientEvent(e -> true, WAIT).path("type").asString()).isEqualTo("session.update");
        assertThat(log.connectionChanges()).containsExactly("connection_change:connecting",
                "connection_change:connected", "connection_change:disconnected", "connection_change:connecting",
                "connection_change:connected");
    }

    @Test
    void closeNeverRethrowsADisconnectedListenerFailureAndReportsItAsError(MockRealtimeServer server)
            throws Exception {
        // departure from C16: close() does not run listeners itself, so it cannot rethrow what one threw; the
        // failure reaches 'error' on the dispatch thread, and the later listeners still see 'disconnected'
        RealtimeWebSocketTransport transport = transportTo(server);
        EventLog log = EventLog.of(transport);
        IllegalStateException boom = new IllegalStateException("listener failed on disconnect");
        transport.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.DISCONNECTED) {
                throw boom;
            }
        });
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        transport.close();

        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
        log.await("error", WAIT);
        assertThat(log.failures()).contains(boom);
        transport.close(); // still idempotent
        assertThat(log.connectionChanges()).containsExactly("connection_change:connecting",
                "connection_change:connected", "connection_change:disconnected");
    }

    @Test
    void droppedConnectionDisconnects(MockRealtimeServer server) throws Exception {
        // the JDK socket does not always report a peer that vanished without a close frame; the keep-alive ping does
        RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder().apiKey("sk-test")
                .baseUrl(server.realtimeUrl()).pingInterval(Duration.ofMillis(200)));
        EventLog log = EventLog.of(transport);
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        server.awaitSession(WAIT).drop();
        log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        transport.sendAudio(new byte[480]); // a no-op now, never a throw
        transport.interrupt();
    }

    @Test
    void failedConnectRestoresModelForTheRetry(MockRealtimeServer server) throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.CLOSE_AFTER_REQUEST)) {
            RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder()
                    .apiKey("sk-test").baseUrl(server.realtimeUrl()).model("initial-model"));
            failureOf(transport.connect(RealtimeTransportConnectOptions.builder()
                    .model("failed-model").url(raw.url("/v1/realtime")).build()));
            transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(server.awaitSession(WAIT).model()).contains("initial-model");
        }
    }

    @Test
    void connectedListenerThatThrowsFailsConnect(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        IllegalArgumentException boom = new IllegalArgumentException("listener failed");
        transport.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.CONNECTED) {
                throw boom;
            }
        });
        EventLog log = EventLog.of(transport);
        assertThat(failureOf(transport.connect(RealtimeTransportConnectOptions.defaults()))).isSameAs(boom);
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
    }

    @Test
    void closeFromConnectedListenerFailsConnect(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        transport.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.CONNECTED) {
                transport.close();
            }
        });
        assertThat(failureOf(transport.connect(RealtimeTransportConnectOptions.defaults())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed before setup completed");
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void eventsOfAReplacedSocketAreIgnored(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = transportTo(server);
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> freshMarker = new CompletableFuture<>();
        transport.onAny(event -> {
            seen.add(event.type() + ":" + event.get("marker"));
            if ("fresh".equals(event.get("marker"))) {
                freshMarker.complete(null);
            }
        });
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        MockSession old = server.awaitSession(WAIT);
        old.awaitClientEvent("session.update", WAIT);
        transport.close();
        old.send("{\"type\":\"rate_limits.updated\",\"rate_limits\":[],\"marker\":\"stale\"}");
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        MockSession fresh = server.awaitSession(WAIT);
        fresh.send("{\"type\":\"rate_limits.updated\",\"rate_limits\":[],\"marker\":\"fresh\"}");
        freshMarker.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(seen).noneMatch(s -> s.endsWith(":stale"));
    }

    @Test
    void callsBeforeConnect() {
        RealtimeWebSocketTransport transport = transport(RealtimeWebSocketTransport.builder().apiKey("sk-test"));
        assertThatThrownBy(() -> transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not connected");
        assertThatThrownBy(transport::requestResponse).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.requestResponse(Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.sendMessage("hi")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.addImage("data:image/png;base64,AA=="))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.updateSessionConfig(dev.realtimetck.api.RealtimeSessionConfig.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transport.sendFunctionCallOutput(
                new dev.realtimetck.api.TransportToolCallEvent("item_1", "call_1", "f", "{}", null, null), "ok"))
                .isInstanceOf(IllegalStateException.class);
        transport.sendAudio(new byte[480]);
        transport.interrupt();
        transport.close();
        transport.resetHistory(List.of(), List.of());
        assertThatThrownBy(() -> transport.mute(true)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(transport.muted()).isEqualTo(dev.realtimetck.api.MuteState.NOT_HANDLED);
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }
}
