package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.tck.TckTransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an adapter can break the bridge ends in a {@link BridgeFailure}, within the request bound, whose message
 * says what went wrong and shows the adapter's last standard-error lines; never in a hang. The adapter is
 * {@link JavaReferenceAdapter} with its test hooks: a {@code sendEvent} of type {@code bridge-test.<mode>} makes it
 * misbehave.
 */
class BridgeFailureModesTest {

    private static final Duration BOUND = Duration.ofMillis(1500);
    private static final String MARKER = "stderr-marker-of-the-failure-test";
    private BridgeProcess process;

    @AfterEach
    void closeProcess() {
        if (process != null) {
            process.close();
        }
    }

    private BridgedTransport transport(String... options) {
        String[] all = new String[options.length + 2];
        all[0] = "--test-hooks";
        all[1] = "--stderr=" + MARKER;
        System.arraycopy(options, 0, all, 2, options.length);
        process = BridgeProcess.start(JavaAdapters.command(all), BOUND);
        return BridgedTransport.create(process, new TckTransportSettings(URI.create("ws://127.0.0.1:9/v1/realtime"),
                "sk-test", BOUND));
    }

    private static void misbehave(BridgedTransport t, String mode) {
        t.sendEvent(RealtimeClientMessage.of("bridge-test." + mode));
    }

    @Test
    void theBridgeWorksBeforeAnyMisbehaviour() {
        BridgedTransport t = transport();
        assertThat(t.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(process.handshake().adapterName()).startsWith("java-reference-adapter");
        // the reference throws before connect; the adapter reports it and the TCK rethrows it
        assertThatThrownBy(() -> t.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(BridgeFailure.class);
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void aMalformedLineFailsTheBridge() {
        BridgedTransport t = transport();
        assertThatThrownBy(() -> misbehave(t, "malformed")).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("malformed line from the adapter").hasMessageContaining("{this is not JSON")
                .hasMessageContaining(MARKER);
    }

    @Test
    void anUnknownMessageFailsTheBridge() {
        BridgedTransport t = transport();
        assertThatThrownBy(() -> misbehave(t, "unknown")).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("unknown message kind 'gossip'").hasMessageContaining(MARKER);
    }

    @Test
    void anEventOutOfSequenceFailsTheBridge() {
        BridgedTransport t = transport();
        t.on(dev.realtimetck.api.TransportEventType.AUDIO_DONE, s -> { });
        assertThatThrownBy(() -> misbehave(t, "badseq")).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("event out of sequence").hasMessageContaining(MARKER);
    }

    @Test
    void anAdapterThatExitsFailsTheBridgeWithItsLastStderrLines() {
        BridgedTransport t = transport();
        assertThatThrownBy(() -> misbehave(t, "exit")).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("the adapter exited with exit code 3")
                .hasMessageContaining("exiting on purpose").hasMessageContaining(MARKER);
        // later calls fail at once instead of waiting
        long start = System.nanoTime();
        assertThatThrownBy(t::status).isInstanceOf(BridgeFailure.class).hasMessageContaining("exit code 3");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void anAdapterThatStopsAnsweringFailsTheRequestWithinItsBound() {
        BridgedTransport t = transport();
        long start = System.nanoTime();
        assertThatThrownBy(() -> misbehave(t, "silent")).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("no response to request 'sendEvent' within " + BOUND.toMillis() + " ms")
                .hasMessageContaining("going silent on purpose").hasMessageContaining(MARKER);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.multipliedBy(3));
    }

    @Test
    void aPendingConnectFailsWhenTheAdapterDies() {
        BridgedTransport t = transport();
        var connect = t.connect(dev.realtimetck.api.RealtimeTransportConnectOptions.builder()
                .apiKey(dev.realtimetck.api.ApiKey.fromSupplier(java.util.concurrent.CompletableFuture::new))
                .url(URI.create("ws://127.0.0.1:9/v1/realtime")).build()).toCompletableFuture();
        assertThatThrownBy(() -> misbehave(t, "exit")).isInstanceOf(BridgeFailure.class);
        assertThat(connect).failsWithin(BOUND).withThrowableThat().havingCause().isInstanceOf(BridgeFailure.class);
    }

    /**
     * A single-threaded transport holds a call while a TCK listener blocks: not the adapter's fault, so the call
     * returns late, once the listener returned, and the bridge stays up.
     */
    @Test
    void aCallHeldWhileAListenerBlocksReturnsLateAndKeepsTheBridge() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().apiKey("sk-test").start()) {
            process = BridgeProcess.start(JavaAdapters.command("--one-thread", "--stderr=" + MARKER), BOUND);
            BridgedTransport t = BridgedTransport.create(process, new TckTransportSettings(server.realtimeUrl(),
                    "sk-test", BOUND));
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            t.on(TransportEventType.CONNECTION_CHANGE, status -> {
                if (status == ConnectionStatus.CONNECTED) {
                    blocked.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            CompletableFuture<Void> connect = t.connect(RealtimeTransportConnectOptions.builder().apiKey("sk-test")
                    .url(server.realtimeUrl()).model("m").build()).toCompletableFuture();
            assertThat(blocked.await(10, TimeUnit.SECONDS)).as("the connected listener runs").isTrue();
            CompletableFuture<ConnectionStatus> held = CompletableFuture.supplyAsync(t::status);
            // the adapter holds the call: it has not returned when its bound has passed
            assertThat(held).failsWithin(BOUND.plusMillis(500)).withThrowableThat()
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).as("the held call, once the listener returned")
                    .isEqualTo(ConnectionStatus.CONNECTED);
            connect.get(10, TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("the bridge after a held call").isTrue();
            t.close();
        }
    }

    @Test
    void anAdapterWithoutHandshakeFailsTheStartWithinFourBounds() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> BridgeProcess.start(JavaAdapters.command("--handshake=none", "--stderr=" + MARKER),
                BOUND)).isInstanceOf(BridgeFailure.class)
                .hasMessageContaining("no handshake line within " + BOUND.multipliedBy(4).toMillis() + " ms")
                .hasMessageContaining(MARKER);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.multipliedBy(6));
    }

    @Test
    void anotherProtocolVersionFailsTheStart() {
        assertThatThrownBy(() -> BridgeProcess.start(JavaAdapters.command("--handshake=protocol2"), BOUND))
                .isInstanceOf(BridgeFailure.class).hasMessageContaining("speaks bridge protocol 2");
    }

    @Test
    void anAdapterThatDiesAtStartNamesItsStderr() {
        assertThatThrownBy(() -> BridgeProcess.start(JavaAdapters.command("--no-such-option"), BOUND))
                .isInstanceOf(BridgeFailure.class).hasMessageContaining("exited with exit code 2")
                .hasMessageContaining("unknown option --no-such-option");
    }

    @Test
    void aCommandThatCannotStartIsReported() {
        assertThatThrownBy(() -> BridgeProcess.start(List.of("/nonexistent/adapter-binary"), BOUND))
                .isInstanceOf(BridgeFailure.class).hasMessageContaining("could not be started");
    }
}
