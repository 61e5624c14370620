package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/** Rules for faults of the server and the network (group RESIL). */
@Tag("resil")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ResilienceRules extends TransportUnderTest {

    @TckRule("RT-RESIL-001")
    default void refusedHandshakeFailsConnect(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        RealtimeTransportConnectOptions wrongKey = RealtimeTransportConnectOptions.builder().apiKey("sk-refused-by-tck")
                .url(tck.server().realtimeUrl()).model(TckHarness.MODEL).build();
        tck.awaitFailure(ConnectionRules.connectOutcome(() -> t.connect(wrongKey)),
                "connect() to fail when the server refuses the handshake (HTTP 401)", tck.timing().signalTimeout());
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        if (tck.events().statuses().contains(ConnectionStatus.CONNECTING)) {
            tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        }
        assertThat(tck.events().statuses()).as("connection_change events of a refused handshake")
                .doesNotContain(ConnectionStatus.CONNECTED);
        tck.events().await(TransportEventType.ERROR, e -> e instanceof dev.realtimetck.api.TransportError.Failure,
                "an error event for the refused handshake (a socket error, C10)");
        tck.connect();
        assertThat(t.status()).as("status after connecting again with the right key").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-002")
    default void droppedConnectionEndsDisconnectedAndReconnects(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        wire.push(ServerEvents.responseCreated("resp_drop"));
        wire.push(ServerEvents.audioDelta("resp_drop", "item_drop", ServerEvents.pcmMillis(20)));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().skipAll();
        wire.session().drop();
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after the one disconnected");
        tck.connect();
        assertThat(t.status()).as("status after reconnecting").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-003")
    default void malformedFramesAreIgnored(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        for (String bad : List.of("this is not json", "[1,2,3]", "\"just a string\"", "{\"no_type\":true}",
                "{\"type\":42}", "{\"type\":null}", "{\"type\":\"rate_limits.updated\"")) {
            wire.session().sendRawText(bad);
        }
        wire.push(ServerEvents.rateLimits(7));
        RealtimeServerEvent next = tck.events().awaitAny("rate_limits.updated");
        assertThat(next.get("tck_seq")).as("the valid event after the malformed ones").isEqualTo(7);
        assertThat(tck.events().any()).as("raw events: only the valid one").hasSize(1);
        tck.events().assertNone(TransportEventType.ERROR, "for malformed frames");
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "for malformed frames");
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-004")
    default void binaryFramesDoNotDisconnect(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        // a burst larger than any sensible read-ahead window, so that a transport which stops reading after a
        // binary frame is caught
        for (int i = 0; i < 100; i++) {
            wire.session().sendBinary(new byte[] {0, (byte) 0xFF, 0x13, 0x37, (byte) 0xC3, (byte) i});
            wire.session().sendBinary(("not json either " + i).getBytes(StandardCharsets.UTF_8));
        }
        wire.push(ServerEvents.rateLimits(8));
        assertThat(tck.events().awaitAny("rate_limits.updated").get("tck_seq")).isEqualTo(8);
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "for binary frames");
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
        t.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
        wire.await("input_audio_buffer.clear");
    }

    @TckRule("RT-RESIL-005")
    default void unansweredHandshakeEnds(TckHarness tck) {
        NeverAnsweringServer silent = tck.neverAnsweringServer();
        RealtimeTransportLayer t = tck.transport(new TckTransportSettings(silent.url(), TckHarness.API_KEY,
                tck.timing().signalTimeout()));
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .url(silent.url()).model(TckHarness.MODEL).build();
        CompletionStage<Void> connect = ConnectionRules.connectOutcome(() -> t.connect(options));
        if (tck.capabilities().connectTimeout()) {
            tck.awaitFailure(connect, "connect() to a server that never answers the handshake to fail by the "
                    + "transport's own timeout", tck.timing().signalTimeout());
        } else {
            tck.awaitCondition(() -> silent.connections() > 0, "the transport to open a TCP connection",
                    () -> "no connection was accepted");
            try {
                connect.toCompletableFuture().get(tck.timing().signalTimeout().toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                throw new TckViolation("connect() not to succeed against a server that never answers",
                        "it completed successfully", List.of());
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException expected) {
                // still pending (no own timeout) or failed: both are fine; close ends it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            t.close();
            tck.awaitFailure(connect, "connect() to fail once close() is called", tck.timing().signalTimeout());
            tck.unsupported(Capability.CONNECT_TIMEOUT, "without an own connect timeout, close() was checked to end the pending"
                    + " connect");
        }
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        assertThat(tck.events().statuses()).doesNotContain(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-006")
    default void closeDuringConnectFailsIt(TckHarness tck) {
        NeverAnsweringServer silent = tck.neverAnsweringServer();
        RealtimeTransportLayer t = tck.transport(new TckTransportSettings(silent.url(), TckHarness.API_KEY,
                tck.timing().signalTimeout()));
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .url(silent.url()).model(TckHarness.MODEL).build();
        CompletionStage<Void> connect = ConnectionRules.connectOutcome(() -> t.connect(options));
        tck.awaitCondition(() -> silent.connections() > 0 || connect.toCompletableFuture().isDone(),
                "the transport to open a TCP connection", () -> "no connection was accepted");
        t.close();
        tck.awaitFailure(connect, "connect() to fail when close() is called while it is pending",
                tck.timing().signalTimeout());
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        assertThat(tck.events().statuses()).doesNotContain(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-007")
    default void serverErrorsNeedNoErrorListener(TckHarness tck) {
        RealtimeTransportLayer bare = tck.bareTransport();
        List<RealtimeServerEvent> seen = new CopyOnWriteArrayList<>();
        bare.onAny(seen::add);
        tck.await(bare.connect(tck.options()), "connect() of a transport without an error listener");
        Wire wire = tck.attachSession();
        bare.requestResponse();
        ObjectNode first = wire.await("response.create");
        bare.requestResponse(Map.of("instructions", "after the error"));
        wire.push(ServerEvents.error(first.path("event_id").asString(null), "conversation_already_has_active_response"));
        if (tck.capabilities().responseSequencing()) {
            wire.await(e -> "response.create".equals(e.path("type").asString(null))
                    && "after the error".equals(e.at("/response/instructions").asString(null)),
                    "the held-back request after the server error, with no error listener registered");
        }
        wire.push(ServerEvents.rateLimits(9));
        tck.awaitCondition(() -> seen.stream().anyMatch(e -> e.type().equals("rate_limits.updated")),
                "events after the server error to be processed", () -> "raw events seen: " + seen.size());
        assertThat(bare.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-008")
    default void serverClosingBeforeOpenFailsConnectWithoutError(TckHarness tck) {
        NeverAnsweringServer hangUp = tck.hangingUpServer();
        RealtimeTransportLayer t = tck.transport(new TckTransportSettings(hangUp.url(), TckHarness.API_KEY,
                tck.timing().signalTimeout()));
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .url(hangUp.url()).model(TckHarness.MODEL).build();
        tck.awaitFailure(ConnectionRules.connectOutcome(() -> t.connect(options)),
                "connect() to fail when the server closes the connection before the handshake answer",
                tck.timing().signalTimeout());
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        if (tck.events().statuses().contains(ConnectionStatus.CONNECTING)) {
            tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        }
        assertThat(tck.events().statuses()).as("connection_change events of a connection closed before open")
                .doesNotContain(ConnectionStatus.CONNECTED);
        tck.events().assertNone(TransportEventType.ERROR, "for a connection the server closed before it opened");
        tck.await(t.connect(tck.options()), "connect() to the TCK mock server after the failed connect");
        tck.attachSession();
        assertThat(t.status()).as("status after connecting to a working server").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-009")
    default void protocolViolationAfterOpenIsASocketError(TckHarness tck) {
        java.net.URI violator = tck.protocolViolatingServerUrl();
        RealtimeTransportLayer t = tck.transport();
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .url(violator).model(TckHarness.MODEL).build();
        CompletionStage<Void> connect = ConnectionRules.connectOutcome(() -> t.connect(options));
        tck.events().await(TransportEventType.ERROR, e -> e instanceof dev.realtimetck.api.TransportError.Failure,
                "an error event for the server's WebSocket protocol violation (a socket error, C10)");
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        try {
            connect.toCompletableFuture().get(tck.timing().signalTimeout().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException failedWhileConnecting) {
            // the violation may arrive before connect completed: then connect fails with it (C10)
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TckViolation("connect() to complete or fail once the connection failed", "it is still pending",
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.events().skipAll();
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after disconnected");
        assertThat(tck.events().statuses()).as("connection_change events of the failed connection")
                .containsOnlyOnce(ConnectionStatus.DISCONNECTED).endsWith(ConnectionStatus.DISCONNECTED);
        tck.await(t.connect(tck.options()), "connect() to the TCK mock server after the failed connection");
        tck.attachSession();
        assertThat(t.status()).as("status after connecting again").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-010")
    default void serverCloseMidResponseEndsCleanlyAndReconnectsFresh(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        t.requestResponse();
        wire.await("response.create");
        wire.push(ServerEvents.responseCreated("resp_closed"));
        wire.push(ServerEvents.audioDelta("resp_closed", "item_closed", ServerEvents.pcmMillis(20)));
        tck.events().await(TransportEventType.AUDIO);
        t.requestResponse(Map.of("instructions", "held before the close"));
        tck.events().skipAll();
        wire.session().close(1011, "server error mid-response");
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.events().assertNone(TransportEventType.ERROR, "for a server close with a close frame (C12)");
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after the one disconnected");
        Wire again = tck.connect();
        t.requestResponse(Map.of("instructions", "after the reconnect"));
        again.await(e -> "response.create".equals(e.path("type").asString(null))
                        && "after the reconnect".equals(e.at("/response/instructions").asString(null)),
                "a response.create sent at once on the new connection (fresh sequencing, C14)");
        assertThat(again.clientEvents("response.create")).as("response.create events on the new connection: "
                + "nothing queued on the old socket is replayed (C14, D10)").hasSize(1);
    }

    @TckRule("RT-RESIL-011")
    default void resetMidFrameEndsTheConnectionWithoutAPartialEvent(TckHarness tck) {
        MidFrameResetServer resetter = tck.midFrameResetServer();
        RealtimeTransportLayer t = tck.transport();
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .url(resetter.url()).model(TckHarness.MODEL).build();
        CompletionStage<Void> connect = ConnectionRules.connectOutcome(() -> t.connect(options));
        assertThat(tck.events().awaitAny("rate_limits.updated").get("tck_seq")).as("the complete event before the "
                + "cut frame").isEqualTo(MidFrameResetServer.COMPLETE_SEQ);
        resetter.resetMidFrame();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        try {
            connect.toCompletableFuture().get(tck.timing().signalTimeout().toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException failedWhileConnecting) {
            // a transport that completes connect only later fails it with the socket error (C10)
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TckViolation("connect() to complete or fail once the connection was reset", "it is still pending",
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        tck.events().skipAll();
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after disconnected");
        assertThat(tck.events().any()).as("raw events: the cut-off frame yields none (B1)")
                .noneMatch(e -> Integer.valueOf(MidFrameResetServer.CUT_SEQ).equals(e.get("tck_seq")));
        assertThat(tck.events().statuses()).as("connection_change events of the reset connection")
                .containsOnlyOnce(ConnectionStatus.DISCONNECTED).endsWith(ConnectionStatus.DISCONNECTED);
        tck.await(t.connect(tck.options()), "connect() to the TCK mock server after the reset");
        tck.attachSession();
        assertThat(t.status()).as("status after connecting again").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-RESIL-012")
    default void burstWhileAListenerIsBlockedLosesNothing(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        int burst = 2_000;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        t.onAny(e -> {
            if (!"rate_limits.updated".equals(e.type())) {
                return;
            }
            if (blocked.getCount() > 0) {
                blocked.countDown();
                try {
                    release.await(tck.timing().signalTimeout().toMillis() * 4,
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.add(e.get("tck_seq"));
        });
        try {
            for (int i = 0; i < burst; i++) {
                wire.session().sendRawText(ServerEvents.rateLimits(i));
            }
            tck.awaitCondition(() -> blocked.getCount() == 0, "the listener to receive the first event of the burst",
                    () -> "it was not called");
            // while the listener is blocked, a send from this thread still reaches the server (J2)
            t.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
            wire.await("input_audio_buffer.clear");
        } finally {
            release.countDown();
        }
        tck.awaitCondition(() -> seen.size() >= burst, "all " + burst + " events of the burst to reach the listener "
                + "once it returned", () -> seen.size() + " arrived");
        for (int i = 0; i < burst; i++) {
            if (!Integer.valueOf(i).equals(seen.get(i))) {
                throw new TckViolation("the burst in the order the server sent it (J1)", "event " + i + " was tck_seq "
                        + seen.get(i), List.of());
            }
        }
        assertThat(seen).as("events of the burst").hasSize(burst);
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }
}
