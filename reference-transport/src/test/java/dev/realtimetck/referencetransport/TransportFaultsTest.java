package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults of the server and the network against the reference transport: a server close in the middle of a
 * response, a server that restarts, a burst faster than the listeners take it, and a thousand connect/close
 * cycles. (A TCP reset in the middle of a frame and a stalled handshake are TCK rules RT-RESIL-011 and
 * RT-RESIL-005, which the TCK module runs on this transport.)
 */
class TransportFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static MockRealtimeServer silentServer(int port) {
        return MockRealtimeServer.builder().port(port).behaviorFactory(SessionBehaviorFactory.silent()).start();
    }

    private static RealtimeWebSocketTransport transportTo(MockRealtimeServer server) {
        return RealtimeWebSocketTransport.builder().apiKey("sk-test").url(server.realtimeUrl())
                .pingInterval(Duration.ZERO).build();
    }

    private static void connect(RealtimeWebSocketTransport transport) throws Exception {
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void serverCloseMidResponseEndsWithoutErrorAndTheNextConnectionStartsFresh() throws Exception {
        try (MockRealtimeServer server = silentServer(0); RealtimeWebSocketTransport transport = transportTo(server)) {
            EventLog log = EventLog.of(transport);
            connect(transport);
            MockSession session = server.awaitSession(WAIT);
            transport.requestResponse();
            session.awaitClientEvent("response.create", WAIT);
            session.send("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"object\":\"realtime.response\","
                    + "\"status\":\"in_progress\",\"output\":[]}}");
            transport.requestResponse(Map.of("instructions", "queued"));
            session.close(1011, "server error");
            log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
            assertThat(log.failures()).isEmpty();
            assertThat(log.names()).doesNotContain(TransportEventType.ERROR.name());

            connect(transport);
            MockSession next = server.awaitSession(WAIT);
            assertThat(next.awaitClientEvent(e -> true, WAIT).path("type").asString()).isEqualTo("session.update");
            transport.requestResponse(Map.of("instructions", "fresh"));
            ObjectNode create = next.awaitClientEvent("response.create", WAIT);
            assertThat(create.at("/response/instructions").asString()).isEqualTo("fresh");
            assertThat(next.clientEvents()).noneMatch(e -> "queued".equals(e.at("/response/instructions").asString("")));
        }
    }

    @Test
    void aRestartedServerOnTheSamePortIsReachedByTheNextConnect() throws Exception {
        MockRealtimeServer first = silentServer(0);
        int port = first.realtimeUrl().getPort();
        try (RealtimeWebSocketTransport transport = transportTo(first)) {
            EventLog log = EventLog.of(transport);
            connect(transport);
            first.awaitSession(WAIT);
            first.close(); // a shutdown: every session closed with 1001
            log.awaitStatus(ConnectionStatus.DISCONNECTED, WAIT);
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);

            // while it is down, a connect fails and leaves the transport disconnected
            Throwable refused = null;
            try {
                connect(transport);
            } catch (ExecutionException e) {
                refused = e.getCause();
            }
            assertThat(refused).as("connect while the server is down").isNotNull();
            assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);

            try (MockRealtimeServer second = silentServer(port)) {
                connect(transport);
                MockSession session = second.awaitSession(WAIT);
                assertThat(session.awaitClientEvent(e -> true, WAIT).path("type").asString()).isEqualTo("session.update");
                assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
            }
        }
    }

    @Test
    void aBurstFasterThanTheListenerIsDeliveredWholeAndInOrder() throws Exception {
        int burst = 5_000;
        try (MockRealtimeServer server = silentServer(0); RealtimeWebSocketTransport transport = transportTo(server)) {
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(burst);
            transport.onServerEvent("rate_limits.updated", e -> {
                try {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS); // slow: blocked until the burst is out
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                seen.add(((Number) e.get("n")).intValue());
                all.countDown();
            });
            connect(transport);
            MockSession session = server.awaitSession(WAIT);
            for (int i = 0; i < burst; i++) {
                session.sendRawText("{\"type\":\"rate_limits.updated\",\"rate_limits\":[],\"n\":" + i + "}");
            }
            // the sender is not held up by the blocked listener (J2)
            transport.sendEvent(dev.realtimetck.api.RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
            session.awaitClientEvent("input_audio_buffer.clear", WAIT);
            release.countDown();
            assertThat(all.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("all events of the burst, %s arrived",
                    seen.size()).isTrue();
            assertThat(seen).hasSize(burst);
            for (int i = 0; i < burst; i++) {
                assertThat(seen.get(i)).isEqualTo(i);
            }
            assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
        }
    }

    @Test
    void aThousandConnectCloseCyclesLeaveThreadsAndSocketsWhereTheyStarted() throws Exception {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        try (MockRealtimeServer server = silentServer(0); RealtimeWebSocketTransport transport = transportTo(server)) {
            // warm up: the pools of the client and the server start their threads
            for (int i = 0; i < 20; i++) {
                connect(transport);
                transport.close();
            }
            awaitOpenSessions(server, 0);
            int threadsBefore = Thread.activeCount();
            long filesBefore = openFiles(os);
            for (int i = 0; i < 1_000; i++) {
                connect(transport);
                transport.close();
                assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
            }
            awaitOpenSessions(server, 0);
            assertThat(server.sessions()).hasSize(1_020);
            // bounds, not timing: pools may keep a few idle threads, sockets may linger briefly in the kernel
            assertThat(Thread.activeCount()).as("live threads after 1,000 cycles (before: %d)", threadsBefore)
                    .isLessThanOrEqualTo(threadsBefore + 8);
            if (filesBefore >= 0) {
                assertThat(openFiles(os)).as("open file descriptors after 1,000 cycles (before: %d)", filesBefore)
                        .isLessThanOrEqualTo(filesBefore + 20);
            }
        }
    }

    private static void awaitOpenSessions(MockRealtimeServer server, int open) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.sessions().stream().filter(MockSession::isOpen).count() > open) {
            assertThat(System.nanoTime()).as("sessions still open: %s", server.sessions().stream()
                    .filter(MockSession::isOpen).count()).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // bounded poll
        }
    }

    /** Open file descriptors (sockets included) of this JVM, or -1 where the platform cannot tell. */
    private static long openFiles(OperatingSystemMXBean os) {
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }
}
