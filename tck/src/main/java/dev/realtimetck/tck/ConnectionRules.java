package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TransportEventType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Rules of the connection lifecycle: status, connection_change, connect, close, reconnect (group CONN). */
@Tag("conn")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ConnectionRules extends TransportUnderTest {

    /** Calls connect and turns a synchronous throw into a failed stage (either is a failed connect). */
    static CompletionStage<Void> connectOutcome(Supplier<CompletionStage<Void>> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @TckRule("RT-CONN-001")
    default void newTransportIsDisconnected(TckHarness tck) {
        assertThat(tck.transport().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @TckRule("RT-CONN-002")
    default void connectReportsConnectingThenConnected(TckHarness tck) {
        tck.connect();
        assertThat(tck.transport().status()).as("status when connect completed").isEqualTo(ConnectionStatus.CONNECTED);
        tck.events().awaitStatus(ConnectionStatus.CONNECTING);
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after connected");
        assertThat(tck.events().statuses()).as("connection_change events")
                .containsExactly(ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-CONN-003")
    default void secondConnectFailsWithoutSecondSocket(TckHarness tck) {
        tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        tck.awaitFailure(connectOutcome(() -> t.connect(tck.options())), "a second connect() while connected to fail",
                tck.timing().signalTimeout());
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after the refused second connect");
        assertThat(tck.server().sessions()).as("WebSocket sessions opened").hasSize(1);
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-CONN-004")
    default void connectWithoutKeyFailsWithoutSocket(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport(new TckTransportSettings(tck.server().realtimeUrl(), null,
                tck.timing().signalTimeout()));
        RealtimeTransportConnectOptions noKey = RealtimeTransportConnectOptions.builder()
                .url(tck.server().realtimeUrl()).model(TckHarness.MODEL).build();
        tck.awaitFailure(connectOutcome(() -> t.connect(noKey)), "connect() without an API key to fail",
                tck.timing().signalTimeout());
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "when no API key is available");
        assertThat(tck.server().sessions()).as("WebSocket sessions opened without a key").isEmpty();
        assertThat(t.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @TckRule("RT-CONN-005")
    default void bearerKeyIsAccepted(TckHarness tck) {
        tck.connect();
        assertThat(tck.server().sessions()).hasSize(1);
        RealtimeTransportLayer other = tck.transport(tck.settings());
        RealtimeTransportConnectOptions wrongKey = RealtimeTransportConnectOptions.builder().apiKey("sk-not-the-tck-key")
                .url(tck.server().realtimeUrl()).model(TckHarness.MODEL).build();
        tck.awaitFailure(connectOutcome(() -> other.connect(wrongKey)),
                "connect() with a key the server does not accept to fail (the key must be the one given)",
                tck.timing().signalTimeout());
    }

    @TckRule("RT-CONN-006")
    default void connectSendsInitialSessionUpdateWithoutWaiting(TckHarness tck) {
        Wire wire = tck.connect();
        ObjectNode first = wire.clientEvents().get(0);
        if (!"session.update".equals(first.path("type").asString(null))
                || !"realtime".equals(first.path("session").path("type").asString(null))
                || !TckHarness.MODEL.equals(first.path("session").path("model").asString(null))) {
            throw wire.violation("the first client frame to be a session.update with session.type \"realtime\" and "
                    + "session.model \"" + TckHarness.MODEL + "\"", first.toString(), first);
        }
    }

    @TckRule("RT-CONN-007")
    default void closeIsQuietAndIdempotent(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        int before = wire.clientEvents().size();
        t.close();
        assertThat(t.status()).as("status right after close()").isEqualTo(ConnectionStatus.DISCONNECTED);
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        assertThatCode(t::close).as("a second close()").doesNotThrowAnyException();
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after the first disconnected");
        wire.session().awaitClosed(tck.timing().signalTimeout());
        List<ObjectNode> after = wire.clientEvents().subList(before, wire.clientEvents().size());
        if (!after.isEmpty()) {
            throw wire.violation("no client event sent by close()", after.size() + " event(s)",
                    after.toArray(new ObjectNode[0]));
        }
    }

    @TckRule("RT-CONN-008")
    default void serverCloseEndsDisconnectedWithoutError(TckHarness tck) {
        Wire wire = tck.connect();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        wire.session().close(1000, "TCK closes the session");
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.awaitStatus(tck.transport(), ConnectionStatus.DISCONNECTED);
        tck.events().assertNone(TransportEventType.ERROR, "for a normal close by the server");
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after disconnected");
    }

    @TckRule("RT-CONN-009")
    default void reconnectUsesFreshSocketAndSessionUpdate(TckHarness tck) {
        Wire first = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        first.push(ServerEvents.responseCreated("resp_old"));
        first.push(ServerEvents.audioDelta("resp_old", "item_old", ServerEvents.pcmMillis(40)));
        tck.events().await(TransportEventType.AUDIO);
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        Wire second = tck.connect();
        assertThat(second.session().id()).as("the second connection's mock session")
                .isNotEqualTo(first.session().id());
        assertThat(second.clientEvents().get(0).path("type").asString(null)).isEqualTo("session.update");
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
        t.interrupt();
        second.assertNone(e -> "conversation.item.truncate".equals(e.path("type").asString(null))
                        || "response.cancel".equals(e.path("type").asString(null)),
                "nothing from interrupt() on the new connection: audio and responses of the old one are forgotten");
    }

    @TckRule("RT-CONN-010")
    default void sendersThrowBeforeConnect(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        assertThatThrownBy(() -> t.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                .as("sendEvent before connect").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(t::requestResponse).as("requestResponse before connect")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.sendMessage("hello")).as("sendMessage before connect")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.updateSessionConfig(RealtimeSessionConfig.builder().instructions("x").build()))
                .as("updateSessionConfig before connect").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.requestResponse(java.util.Map.of("instructions", "x")))
                .as("requestResponse(response) before connect").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.sendEvent(RealtimeClientMessage.of("response.create")))
                .as("sendEvent(response.create) before connect").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.addImage("data:image/png;base64,AAAA", true)).as("addImage before connect")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.sendFunctionCallOutput(new dev.realtimetck.api.TransportToolCallEvent("item_x",
                "call_x", "f", "{}", null, null), "x", true)).as("sendFunctionCallOutput before connect")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.sendMcpResponse(new dev.realtimetck.api.RealtimeItem.McpApprovalRequest("mcpr_x",
                "docs", "f", java.util.Map.of(), null), true, null)).as("sendMcpResponse before connect")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> t.resetHistory(List.of(), List.of(new dev.realtimetck.api.RealtimeItem.Message("item_x",
                null, dev.realtimetck.api.Role.USER, List.of(new dev.realtimetck.api.ContentPart.InputText("x")),
                dev.realtimetck.api.ItemStatus.COMPLETED)))).as("resetHistory that would send, before connect")
                .isInstanceOf(RuntimeException.class);
        Wire wire = tck.connect();
        wire.assertNone(e -> !"session.update".equals(e.path("type").asString(null))
                        || "x".equals(e.path("session").path("instructions").asString(null)),
                "nothing from the refused calls to be sent after connecting");
    }

    @TckRule("RT-CONN-011")
    default void quietCallsDoNothingBeforeConnect(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        assertThatCode(() -> t.sendAudio(new byte[] {1, 2, 3, 4}, true)).as("sendAudio before connect")
                .doesNotThrowAnyException();
        assertThatCode(t::interrupt).as("interrupt before connect").doesNotThrowAnyException();
        assertThatCode(t::close).as("close before connect").doesNotThrowAnyException();
        assertThat(t.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "from calls before connect");
        Wire wire = tck.connect();
        wire.assertNone(e -> e.path("type").asString("").startsWith("input_audio_buffer."),
                "no audio from before the connection to be sent");
    }

    @TckRule("RT-CONN-012")
    default void muteMatchesTheDeclaredCapability(TckHarness tck) {
        tck.connect();
        RealtimeTransportLayer t = tck.transport();
        if (tck.capabilities().muting()) {
            t.mute(true);
            assertThat(t.muted()).as("muted() after mute(true)").isEqualTo(MuteState.MUTED);
            t.mute(false);
            assertThat(t.muted()).as("muted() after mute(false)").isEqualTo(MuteState.UNMUTED);
        } else {
            assertThat(t.muted()).as("muted() of a transport without muting").isEqualTo(MuteState.NOT_HANDLED);
            assertThatThrownBy(() -> t.mute(true)).as("mute(true) without muting")
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(t.status()).as("status after the refused mute").isEqualTo(ConnectionStatus.CONNECTED);
            tck.unsupported(Capability.MUTING, "mute throws UnsupportedOperationException and muted() is NOT_HANDLED, as"
                    + " documented");
        }
    }

    @TckRule("RT-CONN-013")
    default void connectionChangesNeverRepeat(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        tck.connect();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        t.close();
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.connect();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        t.close();
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        tck.events().skipAll();
        tck.events().assertNone(TransportEventType.CONNECTION_CHANGE, "after the last disconnected");
        assertThat(tck.events().statuses()).as("connection_change events").containsExactly(
                ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED, ConnectionStatus.DISCONNECTED,
                ConnectionStatus.CONNECTING, ConnectionStatus.CONNECTED, ConnectionStatus.DISCONNECTED);
    }

    @TckRule("RT-CONN-014")
    default void connectModelSticksOnlyAfterSuccess(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        tck.connect(tck.optionsBuilder().model("tck-model-kept").build());
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        RealtimeTransportConnectOptions refused = RealtimeTransportConnectOptions.builder().apiKey("sk-refused-by-tck")
                .url(tck.server().realtimeUrl()).model("tck-model-of-a-failed-connect").build();
        tck.awaitFailure(connectOutcome(() -> t.connect(refused)), "connect() with a refused key to fail",
                tck.timing().signalTimeout());
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        Wire wire = tck.connect(tck.optionsBuilder().build());
        ObjectNode first = tck.initialSessionUpdate();
        String model = first.path("session").path("model").asString(null);
        if (!"tck-model-kept".equals(model)) {
            throw wire.violation("a connect without a model to use the model of the last successful connect, "
                    + "tck-model-kept (not the one of the failed connect in between)", "session.model " + model, first);
        }
        t.updateSessionConfig(RealtimeSessionConfig.builder().instructions("no model named").build());
        ObjectNode update = wire.await("session.update");
        if (!"tck-model-kept".equals(update.path("session").path("model").asString(null))) {
            throw wire.violation("updateSessionConfig without a model to name the connected model tck-model-kept",
                    update.toString(), update);
        }
    }

    @TckRule("RT-CONN-015")
    default void tracingFollowsTheFirstSessionCreated(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        Wire wire = tck.connect();
        wire.push(sessionCreated(null));
        ObjectNode auto = wire.await("session.update");
        wire.assertJson(auto, "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":\"auto\"}}",
                "the tracing follow-up of a session without a tracing setting");
        wire.push(sessionCreated(null));
        wire.assertNone("session.update", "for a second session.created (one tracing follow-up per connection)");
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);

        RealtimeSessionConfig custom = RealtimeSessionConfig.builder()
                .tracing(new TracingConfig.Custom("tck-workflow", "tck-group", java.util.Map.of("run", "tck")))
                .build();
        wire = tck.connect(tck.optionsBuilder().model(TckHarness.MODEL).initialSessionConfig(custom).build());
        wire.push(sessionCreated(null));
        ObjectNode named = wire.await("session.update");
        JsonNode session = named.path("session");
        if (session.size() != 2 || !"realtime".equals(session.path("type").asString(null))
                || !"tck-workflow".equals(session.path("tracing").path("workflow_name").asString(null))
                || !"tck-group".equals(session.path("tracing").path("group_id").asString(null))
                || !"tck".equals(session.path("tracing").path("metadata").path("run").asString(null))) {
            throw wire.violation("a session.update whose session holds only type realtime and the tracing "
                    + "{workflow_name tck-workflow, group_id tck-group, metadata {run: tck}}", named.toString(), named);
        }
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);

        wire = tck.connect(tck.optionsBuilder().model(TckHarness.MODEL).initialSessionConfig(custom).build());
        wire.push(sessionCreated("{\"workflow_name\":\"server-side\"}"));
        wire.assertNone("session.update", "when the server already holds a tracing configuration");
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);

        RealtimeSessionConfig off = RealtimeSessionConfig.builder().tracing(TracingConfig.disabled()).build();
        wire = tck.connect(tck.optionsBuilder().model(TckHarness.MODEL).initialSessionConfig(off).build());
        wire.push(sessionCreated("\"auto\""));
        wire.assertJson(wire.await("session.update"),
                "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":null}}",
                "the tracing follow-up of a session whose tracing is disabled");
    }

    /** A session.created whose session has this tracing JSON (null: none). */
    private static String sessionCreated(String tracingJson) {
        return "{\"type\":\"session.created\",\"session\":{\"type\":\"realtime\",\"id\":\"sess_tck\","
                + "\"object\":\"realtime.session\",\"model\":\"" + TckHarness.MODEL + "\",\"tracing\":"
                + (tracingJson == null ? "null" : tracingJson) + "}}";
    }

    @TckRule("RT-CONN-016")
    default void throwingConnectedListenerFailsTheConnect(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        AtomicBoolean armed = new AtomicBoolean(true);
        RuntimeException thrown = new IllegalStateException("thrown by a TCK connected listener");
        t.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.CONNECTED && armed.getAndSet(false)) {
                throw thrown;
            }
        });
        Throwable failure = tck.awaitFailure(connectOutcome(() -> t.connect(tck.options())),
                "connect() to fail when a connection_change(connected) listener throws", tck.timing().signalTimeout());
        boolean found = false;
        for (Throwable c = failure; c != null && !found; c = c.getCause()) {
            found = c == thrown;
        }
        if (!found) {
            throw new TckViolation("connect() to fail with the exception the listener threw", String.valueOf(failure),
                    List.of());
        }
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.server().awaitSession(tck.timing().signalTimeout()).awaitClosed(tck.timing().signalTimeout());
        tck.events().skipAll();
        tck.connect();
        assertThat(t.status()).as("status after connecting again").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-CONN-017")
    default void throwingDisconnectedListenerStillCloses(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        t.on(TransportEventType.CONNECTION_CHANGE, status -> {
            if (status == ConnectionStatus.DISCONNECTED) {
                throw new IllegalStateException("thrown by a TCK disconnected listener");
            }
        });
        Wire wire = tck.connect();
        tck.events().awaitStatus(ConnectionStatus.CONNECTED);
        try {
            t.close();
        } catch (RuntimeException expected) {
            // allowed: TypeScript rethrows the listener's error from close() after finishing it
        }
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.events().awaitStatus(ConnectionStatus.DISCONNECTED);
        wire.session().awaitClosed(tck.timing().signalTimeout());
        tck.connect();
        assertThat(t.status()).as("status after connecting again").isEqualTo(ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-CONN-018")
    default void connectUrlSticksAfterSuccess(TckHarness tck) {
        NeverAnsweringServer elsewhere = tck.hangingUpServer();
        // the transport's own URL points elsewhere; the first connect names the TCK server
        RealtimeTransportLayer t = tck.transport(new TckTransportSettings(elsewhere.url(), TckHarness.API_KEY,
                tck.timing().signalTimeout()));
        tck.await(t.connect(tck.options()), "connect() with the URL of the TCK server");
        tck.attachSession();
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        RealtimeTransportConnectOptions noUrl = RealtimeTransportConnectOptions.builder().apiKey(TckHarness.API_KEY)
                .model(TckHarness.MODEL).build();
        tck.await(connectOutcome(() -> t.connect(noUrl)), "a connect without a URL to reuse the URL of the last "
                + "successful connect (the TCK server), not the transport's own");
        tck.attachSession();
        assertThat(elsewhere.connections()).as("connections to the transport's own URL").isZero();
    }

    @TckRule("RT-CONN-019")
    default void keySupplierIsAskedOncePerConnect(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        dev.realtimetck.api.ApiKey supplied = dev.realtimetck.api.ApiKey.fromSupplier(() -> {
            asked.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> TckHarness.API_KEY);
        });
        tck.connect(tck.optionsBuilder().apiKey(supplied).model(TckHarness.MODEL).build());
        assertThat(asked.get()).as("supplier calls for one connect").isEqualTo(1);
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        tck.events().skipAll();

        dev.realtimetck.api.ApiKey failing = dev.realtimetck.api.ApiKey.fromSupplier(
                () -> CompletableFuture.failedFuture(new IllegalStateException("no key today")));
        tck.awaitFailure(connectOutcome(() -> t.connect(tck.optionsBuilder().apiKey(failing).model(TckHarness.MODEL)
                .build())), "connect() to fail when the key supplier fails", tck.timing().signalTimeout());
        dev.realtimetck.api.ApiKey empty = dev.realtimetck.api.ApiKey.fromSupplier(
                () -> CompletableFuture.completedFuture(""));
        tck.awaitFailure(connectOutcome(() -> t.connect(tck.optionsBuilder().apiKey(empty).model(TckHarness.MODEL)
                .build())), "connect() to fail when the key supplier gives an empty key", tck.timing().signalTimeout());

        CompletableFuture<String> pending = new CompletableFuture<>();
        dev.realtimetck.api.ApiKey slow = dev.realtimetck.api.ApiKey.fromSupplier(() -> pending);
        CompletionStage<Void> waiting = connectOutcome(() -> t.connect(tck.optionsBuilder().apiKey(slow)
                .model(TckHarness.MODEL).build()));
        t.close();
        tck.awaitFailure(waiting, "connect() to fail when close() comes while the key is still resolving",
                tck.timing().signalTimeout());
        pending.complete(TckHarness.API_KEY);
        tck.events().assertNoneRecorded(r -> r.name().equals(TransportEventType.CONNECTION_CHANGE.name())
                        && r.payload() != ConnectionStatus.DISCONNECTED,
                "no connection_change connecting or connected for connects whose key failed, was empty, or resolved "
                        + "after close()");
        assertThat(tck.server().sessions()).as("WebSocket sessions: only the first connect's").hasSize(1);
        assertThat(t.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }
}
