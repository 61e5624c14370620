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
import dev.realtimetck.api.TransportEventType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
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
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        Wire second = tck.connect();
        assertThat(second.session().id()).as("the second connection's mock session")
                .isNotEqualTo(first.session().id());
        assertThat(second.clientEvents().get(0).path("type").asString(null)).isEqualTo("session.update");
        assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
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
            tck.unsupported("muting", "mute throws UnsupportedOperationException and muted() is NOT_HANDLED, as"
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
}
