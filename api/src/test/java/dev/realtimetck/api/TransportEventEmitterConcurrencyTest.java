package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TransportEventEmitter} when registration, removal and dispatch happen on different threads: the
 * "registration is thread-safe and takes effect for the next event" half of the threading contract.
 */
class TransportEventEmitterConcurrencyTest {

    private static final long TIMEOUT_SECONDS = 30;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Throwable> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TransportEventEmitter emitter = new TransportEventEmitter((name, error) -> handled.add(error));

    @AfterEach
    void shutDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(handled).isEmpty();
    }

    @Test
    void aListenerRegisteredOnAnotherThreadSeesTheNextEvent() throws Exception {
        for (int i = 0; i < 200; i++) {
            AtomicInteger calls = new AtomicInteger();
            Subscription subscription = pool.submit(() -> emitter.on(TransportEventType.ITEM_DELETED,
                    event -> calls.incrementAndGet())).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String id = "item_" + i;
            pool.submit(() -> emitter.emit(TransportEventType.ITEM_DELETED, new ItemDeleted(id)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(calls).as("registration %d", i).hasValue(1);
            pool.submit(subscription::remove).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            pool.submit(() -> emitter.emit(TransportEventType.ITEM_DELETED, new ItemDeleted(id)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(calls).as("after removal %d", i).hasValue(1);
        }
        assertThat(emitter.hasListeners(TransportEventType.ITEM_DELETED)).isFalse();
    }

    @Test
    void noEventThatStartsAfterRemoveReturnedReachesTheListener() throws Exception {
        int total = 200_000;
        AtomicLong started = new AtomicLong();
        AtomicLong lastSeen = new AtomicLong(-1);
        CountDownLatch running = new CountDownLatch(1);
        Subscription subscription = emitter.onAny(event -> {
            lastSeen.set(((Number) event.get("seq")).longValue());
            running.countDown();
        });
        Future<?> dispatcher = pool.submit(() -> {
            for (long seq = 1; seq <= total; seq++) {
                started.set(seq);
                emitter.emitAny(new RealtimeServerEvent("tick", java.util.Map.of("seq", seq)));
            }
        });
        assertThat(running.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        subscription.remove();
        long startedBeforeRemoveReturned = started.get();

        dispatcher.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // the event in flight when remove() ran may still arrive; none that started later may
        assertThat(lastSeen.get()).isBetween(1L, startedBeforeRemoveReturned);
        assertThat(emitter.hasAnyListeners()).isFalse();
    }

    @Test
    void aOnceListenerFiresExactlyOnceEvenWhenSeveralThreadsEmitAtTheSameTime() throws Exception {
        for (int round = 0; round < 100; round++) {
            AtomicInteger calls = new AtomicInteger();
            emitter.once(TransportEventType.AUDIO_DONE, signal -> calls.incrementAndGet());
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<?>> emitters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                emitters.add(pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
                    return null;
                }));
            }
            for (Future<?> f : emitters) {
                f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(calls).as("round %d", round).hasValue(1);
            assertThat(emitter.hasListeners(TransportEventType.AUDIO_DONE)).isFalse();
        }
    }

    @Test
    void registrationsAndRemovalsRacingWithDispatchKeepTheListsConsistent() throws Exception {
        int threads = 3;
        int perThread = 2_000;
        AtomicInteger permanentCalls = new AtomicInteger();
        Subscription permanent =
                emitter.on(TransportEventType.AUDIO_INTERRUPTED, signal -> permanentCalls.incrementAndGet());
        CountDownLatch done = new CountDownLatch(threads);
        List<Future<?>> churn = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            churn.add(pool.submit(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        Subscription s = emitter.on(TransportEventType.AUDIO_INTERRUPTED, signal -> { });
                        Subscription o = emitter.once(TransportEventType.AUDIO_INTERRUPTED, signal -> { });
                        s.remove();
                        o.remove();
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        int emitted = 0;
        while (done.getCount() > 0) {
            emitter.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);
            emitted++;
        }
        for (Future<?> f : churn) {
            f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        emitter.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);
        emitted++;

        // the permanent listener saw every event; no temporary registration was left behind
        assertThat(permanentCalls).hasValue(emitted);
        permanent.remove();
        assertThat(emitter.hasListeners(TransportEventType.AUDIO_INTERRUPTED)).isFalse();
    }
}
