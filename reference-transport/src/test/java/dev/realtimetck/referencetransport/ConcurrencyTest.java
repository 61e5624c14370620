package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.junit.MockRealtimeServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** The threading contract: ordered, whole frames from many threads; one dispatch thread; contained listeners. */
class ConcurrencyTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static MockRealtimeServerExtension mock = MockRealtimeServerExtension.perTest(MockRealtimeServer.builder()
            .validation(ValidationMode.OFF).behaviorFactory(SessionBehaviorFactory.silent()));

    private static RealtimeWebSocketTransport connected(MockRealtimeServer server) throws Exception {
        RealtimeWebSocketTransport transport = RealtimeWebSocketTransport.builder()
                .apiKey("sk-test").baseUrl(server.realtimeUrl()).build();
        transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return transport;
    }

    @Test
    void framesFromManyThreadsKeepPerThreadOrderAndArriveWhole(MockRealtimeServer server) throws Exception {
        int threads = 8;
        int perThread = 400;
        String padding = "p".repeat(3000);
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    start.await();
                    for (int seq = 0; seq < perThread; seq++) {
                        transport.sendEvent(RealtimeClientMessage.of(
                                Map.of("type", "x.order", "thread", thread, "seq", seq, "pad", padding)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            pool.shutdown();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                session.awaitClientEvent(e -> e.path("thread").asInt(-1) == thread
                        && e.path("seq").asInt() == perThread - 1, WAIT);
            }
            Map<Integer, List<Integer>> seqByThread = new HashMap<>();
            for (ObjectNode event : session.clientEvents()) {
                if ("x.order".equals(event.path("type").asString())) {
                    assertThat(event.path("pad").asString()).isEqualTo(padding);
                    seqByThread.computeIfAbsent(event.path("thread").asInt(), k -> new ArrayList<>())
                            .add(event.path("seq").asInt());
                }
            }
            List<Integer> expected = java.util.stream.IntStream.range(0, perThread).boxed().toList();
            assertThat(seqByThread).hasSize(threads);
            seqByThread.values().forEach(seqs -> assertThat(seqs).isEqualTo(expected));
            assertThat(session.clientFrameCount()).isEqualTo(1L + threads * perThread);
        }
    }

    @Test
    void listenersRunOnOneThreadOneAtATimeInArrivalOrder(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            Set<String> threadNames = ConcurrentHashMap.newKeySet();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch all = new CountDownLatch(200);
            for (int l = 0; l < 3; l++) {
                transport.onServerEvent("rate_limits.updated", event -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    threadNames.add(Thread.currentThread().getName());
                    inFlight.decrementAndGet();
                });
            }
            transport.onAny(event -> {
                order.add(((Number) event.get("n")).intValue());
                all.countDown();
            });
            for (int n = 0; n < 200; n++) {
                session.send("{\"type\":\"rate_limits.updated\",\"rate_limits\":[],\"n\":" + n + "}");
            }
            assertThat(all.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(order).isEqualTo(java.util.stream.IntStream.range(0, 200).boxed().toList());
            assertThat(maxInFlight).hasValue(1);
            assertThat(threadNames).hasSize(1);
            assertThat(threadNames.iterator().next()).startsWith("realtime-dispatch-");
        }
    }

    @Test
    void aThrowingListenerIsReportedAndDispatchGoesOn(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            LinkedBlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<Object> delivered = new LinkedBlockingQueue<>();
            transport.on(TransportEventType.ERROR, error -> {
                if (error instanceof TransportError.Failure failure) {
                    failures.add(failure.cause());
                }
                throw new IllegalStateException("error listeners may throw too");
            });
            transport.onAny(event -> {
                throw new IllegalArgumentException("listener bug " + event.get("n"));
            });
            transport.onAny(event -> delivered.add(event.get("n")));
            for (int n = 0; n < 3; n++) {
                session.send("{\"type\":\"rate_limits.updated\",\"rate_limits\":[],\"n\":" + n + "}");
            }
            for (int n = 0; n < 3; n++) {
                assertThat(delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(n);
                assertThat(failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("listener bug " + n);
            }
            assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
            transport.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
            session.awaitClientEvent("input_audio_buffer.clear", WAIT);
        }
    }

    @Test
    void eventsCausedByASendingMethodArriveOnTheDispatchThread(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connected(server)) {
            MockSession session = server.awaitSession(WAIT);
            java.util.concurrent.CompletableFuture<String> thread = new java.util.concurrent.CompletableFuture<>();
            transport.on(TransportEventType.ITEM_UPDATE, item -> thread.complete(Thread.currentThread().getName()));
            transport.sendFunctionCallOutput(new dev.realtimetck.api.TransportToolCallEvent(
                    "item_1", "call_1", "lookup", "{}", null, null), "42", false);
            // the frame is on its way before the method returned; the item_update follows on the dispatch thread
            session.awaitClientEvent("conversation.item.create", WAIT);
            assertThat(thread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).startsWith("realtime-dispatch-")
                    .isNotEqualTo(Thread.currentThread().getName());
        }
    }
}
