package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.mockserver.core.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules of threading and listener isolation (group THREAD). The concurrency checks are stochastic: a pass is
 * evidence, not proof.
 */
@Tag("thread")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ThreadingRules extends TransportUnderTest {

    /** The exception the TCK's throwing listeners throw. */
    final class ListenerBoom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerBoom(String message) {
            super(message, null, false, false);
        }
    }

    @TckRule("RT-THREAD-001")
    default void throwingListenerDoesNotStopDispatch(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        AtomicInteger later = new AtomicInteger();
        t.on(TransportEventType.TURN_STARTED, e -> {
            throw new ListenerBoom("TCK listener failure (expected)");
        });
        t.onAny(e -> {
            throw new ListenerBoom("TCK onAny failure (expected)");
        });
        t.on(TransportEventType.TURN_STARTED, e -> later.incrementAndGet());
        wire.push(ServerEvents.responseCreated("resp_boom"));
        wire.push(ServerEvents.rateLimits(1));
        wire.push(ServerEvents.responseDone("resp_boom"));
        tck.events().await(TransportEventType.TURN_STARTED);
        tck.events().awaitAny("rate_limits.updated");
        tck.events().await(TransportEventType.TURN_DONE);
        assertThat(later.get()).as("a turn_started listener registered after the throwing one was called").isEqualTo(1);
        assertThat(t.status()).as("status after throwing listeners").isEqualTo(ConnectionStatus.CONNECTED);
        t.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
        wire.await("input_audio_buffer.clear");
    }

    @TckRule("RT-THREAD-002")
    default void concurrentSendsArriveWholeAndInOrderPerThread(TckHarness tck) throws Exception {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        int threads = 8;
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perThread; n++) {
                        // frames of growing size (the padding rides in the item id, so the event stays valid)
                        t.sendEvent(RealtimeClientMessage.of(Map.of("type", "conversation.item.retrieve",
                                "item_id", "t" + thread + "_" + n + "_" + "x".repeat(n * 7))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(tck.timing().signalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int expected = threads * perThread;
        tck.awaitCondition(() -> wire.clientEvents("conversation.item.retrieve").size() >= expected,
                expected + " retrieve events on the wire", () -> wire.clientEvents("conversation.item.retrieve").size()
                        + " arrived");
        long unparsable = wire.session().frames().stream().filter(f -> f.direction() == Frame.Direction.CLIENT
                && f.kind() == Frame.Kind.TEXT && !f.text().startsWith("{")).count();
        assertThat(unparsable).as("client text frames that are not whole JSON objects").isZero();
        Map<String, Integer> last = new HashMap<>();
        List<ObjectNode> retrieves = wire.clientEvents("conversation.item.retrieve");
        for (ObjectNode e : retrieves) {
            String[] id = e.path("item_id").asString("").split("_");
            int n = Integer.parseInt(id[1]);
            Integer previous = last.put(id[0], n);
            if (previous == null ? n != 0 : n != previous + 1) {
                throw wire.violation("each thread's events in its call order without gaps or duplicates",
                        "after " + id[0] + "_" + previous + " came " + id[0] + "_" + n, e);
            }
        }
        assertThat(retrieves).as("retrieve events").hasSize(expected);
    }

    @TckRule("RT-THREAD-003")
    default void listenersAreSerialAndInArrivalOrder(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        int count = 150;
        TransportToolCallEvent call = new TransportToolCallEvent("item_ser", "call_ser", "f", "{}", null, null);
        for (int i = 0; i < count; i++) {
            wire.push(ServerEvents.rateLimits(i));
            if (i % 10 == 0) {
                t.sendFunctionCallOutput(call, "o" + i, false);
            }
        }
        tck.awaitCondition(() -> tck.events().any().stream().filter(e -> e.type().equals("rate_limits.updated"))
                .count() >= count, count + " raw events", () -> tck.events().any().size() + " arrived");
        List<Object> order = new ArrayList<>();
        for (RealtimeServerEvent e : tck.events().any()) {
            if (e.type().equals("rate_limits.updated")) {
                order.add(e.get("tck_seq"));
            }
        }
        for (int i = 0; i < count; i++) {
            if (!Integer.valueOf(i).equals(order.get(i))) {
                throw new TckViolation("server events delivered in arrival order", "position " + i + " holds event #"
                        + order.get(i), List.of());
            }
        }
        String concurrent = tck.events().concurrentCall();
        if (concurrent != null) {
            throw new TckViolation("listeners of one transport never called concurrently", concurrent, List.of());
        }
    }

    @TckRule("RT-THREAD-004")
    default void listenerExceptionIsReportedAsError(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        ListenerBoom boom = new ListenerBoom("TCK listener failure to be reported (expected)");
        t.once(TransportEventType.TURN_STARTED, e -> {
            throw boom;
        });
        wire.push(ServerEvents.responseCreated("resp_report"));
        TransportError error = tck.events().await(TransportEventType.ERROR, e -> e instanceof TransportError.Failure f
                && causes(f.cause(), boom), "an error event (Failure) carrying the listener's exception");
        assertThat(error).isInstanceOf(TransportError.Failure.class);
    }

    @TckRule("RT-THREAD-005")
    default void blockedListenerDoesNotBlockSendersOnOtherThreads(TckHarness tck) throws Exception {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        long bound = tck.timing().signalTimeout().toMillis();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        t.on(TransportEventType.AUDIO, audio -> {
            entered.countDown();
            try {
                release.await(3 * bound, TimeUnit.MILLISECONDS); // a speaker write that takes long; never forever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService microphone = Executors.newSingleThreadExecutor();
        try {
            wire.push(ServerEvents.responseCreated("resp_block"));
            wire.push(ServerEvents.audioDelta("resp_block", "item_block", ServerEvents.pcmMillis(20)));
            if (!entered.await(bound, TimeUnit.MILLISECONDS)) {
                throw new TckViolation("an audio event within " + bound + " ms", "none arrived", wire.lastClientFrames(3));
            }
            Future<?> send = microphone.submit(() -> {
                t.sendAudio(new byte[] {1, 2, 3, 4}, false);
                t.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
            });
            try {
                send.get(bound, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException blocked) {
                throw new TckViolation("sendAudio and sendEvent on another thread return while an audio listener is "
                        + "blocked", "they had not returned after " + bound + " ms: the sender waits for the listener",
                        wire.lastClientFrames(3));
            }
            // the listener is released only in the finally below: these frames reach the server while it blocks
            wire.await("input_audio_buffer.append");
            wire.await("input_audio_buffer.clear");
        } finally {
            release.countDown();
            microphone.shutdownNow();
        }
    }

    private static boolean causes(Throwable t, Throwable target) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c == target) {
                return true;
            }
        }
        return false;
    }
}
