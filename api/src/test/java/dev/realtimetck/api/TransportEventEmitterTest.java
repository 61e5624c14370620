package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TransportEventEmitterTest {

    private static final TextDelta DELTA = new TextDelta("hi", "item_1", "resp_1");
    private static final RealtimeServerEvent RAW = new RealtimeServerEvent("response.output_text.delta",
            Map.of("delta", "hi"));

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final TransportEventEmitter emitter =
            new TransportEventEmitter((name, error) -> failures.add(name + ":" + error.getMessage()));

    @Test
    void listenerReceivesTheTypedPayload() {
        List<TextDelta> seen = new ArrayList<>();
        emitter.on(TransportEventType.OUTPUT_TEXT_DELTA, seen::add);

        emitter.emit(TransportEventType.OUTPUT_TEXT_DELTA, DELTA);
        emitter.emit(TransportEventType.AUDIO_TRANSCRIPT_DELTA, new TranscriptDelta("x", "i", "r"));

        assertThat(seen).containsExactly(DELTA);
    }

    @Test
    void removeIsIdempotentAndStopsDelivery() {
        List<Signal> seen = new ArrayList<>();
        Subscription subscription = emitter.on(TransportEventType.AUDIO_DONE, seen::add);

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        subscription.remove();
        subscription.remove();
        subscription.close();
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(seen).hasSize(1);
        assertThat(emitter.hasListeners(TransportEventType.AUDIO_DONE)).isFalse();
    }

    @Test
    void closingTheSubscriptionRemovesTheListener() {
        List<Signal> seen = new ArrayList<>();
        try (Subscription subscription = emitter.on(TransportEventType.AUDIO_DONE, seen::add)) {
            emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        }
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(seen).hasSize(1);
    }

    @Test
    void removingOneRegistrationOfTheSameListenerKeepsTheOther() {
        List<Signal> seen = new ArrayList<>();
        java.util.function.Consumer<Signal> listener = seen::add;
        Subscription first = emitter.on(TransportEventType.AUDIO_DONE, listener);
        emitter.on(TransportEventType.AUDIO_DONE, listener);

        first.remove();
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(seen).hasSize(1);
    }

    @Test
    void onceIsCalledOnce() {
        AtomicInteger calls = new AtomicInteger();
        emitter.once(TransportEventType.AUDIO_INTERRUPTED, s -> calls.incrementAndGet());

        emitter.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);
        emitter.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);

        assertThat(calls).hasValue(1);
        assertThat(emitter.hasListeners(TransportEventType.AUDIO_INTERRUPTED)).isFalse();
    }

    @Test
    void onceRemovedBeforeTheEventIsNeverCalled() {
        AtomicInteger calls = new AtomicInteger();
        Subscription subscription = emitter.once(TransportEventType.AUDIO_INTERRUPTED, s -> calls.incrementAndGet());

        subscription.remove();
        emitter.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);

        assertThat(calls).hasValue(0);
    }

    @Test
    void onceThatReEmitsIsNotCalledAgain() {
        AtomicInteger calls = new AtomicInteger();
        emitter.once(TransportEventType.AUDIO_DONE, s -> {
            calls.incrementAndGet();
            emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        });

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(calls).hasValue(1);
    }

    @Test
    void listenersRunInRegistrationOrderMixingOnAndOnce() {
        List<String> order = new ArrayList<>();
        emitter.on(TransportEventType.AUDIO_DONE, s -> order.add("a"));
        emitter.once(TransportEventType.AUDIO_DONE, s -> order.add("b"));
        emitter.on(TransportEventType.AUDIO_DONE, s -> order.add("c"));

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(order).containsExactly("a", "b", "c", "a", "c");
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersAndReachesTheHandlerWithTheEventName() {
        List<String> order = new ArrayList<>();
        emitter.on(TransportEventType.OUTPUT_TEXT_DELTA, d -> order.add("first"));
        emitter.on(TransportEventType.OUTPUT_TEXT_DELTA, d -> {
            throw new IllegalStateException("boom");
        });
        emitter.on(TransportEventType.OUTPUT_TEXT_DELTA, d -> order.add("third"));

        emitter.emit(TransportEventType.OUTPUT_TEXT_DELTA, DELTA);

        assertThat(order).containsExactly("first", "third");
        assertThat(failures).containsExactly("output_text_delta:boom");
    }

    @Test
    void failuresOfRawAndServerEventListenersNameTheirStream() {
        emitter.onAny(e -> {
            throw new IllegalStateException("any");
        });
        emitter.onServerEvent(RAW.type(), e -> {
            throw new AssertionError("server");
        });

        emitter.emitAny(RAW);
        emitter.emitServerEvent(RAW);

        assertThat(failures).containsExactly("*:any", "response.output_text.delta:server");
    }

    @Test
    void aThrowingErrorHandlerDoesNotStopDispatch() {
        AtomicInteger calls = new AtomicInteger();
        TransportEventEmitter strict = new TransportEventEmitter((name, error) -> {
            throw new AssertionError("handler failed");
        });
        strict.on(TransportEventType.AUDIO_DONE, s -> {
            throw new IllegalStateException("listener failed");
        });
        strict.on(TransportEventType.AUDIO_DONE, s -> calls.incrementAndGet());

        strict.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(calls).hasValue(1);
    }

    @Test
    void aListenerRemovedDuringDispatchIsNotCalledAfterwards() {
        List<String> order = new ArrayList<>();
        AtomicReference<Subscription> second = new AtomicReference<>();
        emitter.on(TransportEventType.AUDIO_DONE, s -> {
            order.add("first");
            second.get().remove();
        });
        second.set(emitter.on(TransportEventType.AUDIO_DONE, s -> order.add("second")));

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(order).containsExactly("first", "first");
    }

    @Test
    void aListenerCanRemoveItselfDuringDispatch() {
        List<String> order = new ArrayList<>();
        AtomicReference<Subscription> self = new AtomicReference<>();
        self.set(emitter.on(TransportEventType.AUDIO_DONE, s -> {
            order.add("self");
            self.get().remove();
        }));
        emitter.on(TransportEventType.AUDIO_DONE, s -> order.add("other"));

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(order).containsExactly("self", "other", "other");
    }

    @Test
    void aListenerAddedDuringDispatchWaitsForTheNextEvent() {
        List<String> order = new ArrayList<>();
        emitter.once(TransportEventType.AUDIO_DONE,
                s -> emitter.on(TransportEventType.AUDIO_DONE, t -> order.add("added")));

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        assertThat(order).isEmpty();

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        assertThat(order).containsExactly("added");
    }

    @Test
    void removeAllListenersAlsoStopsTheRestOfTheCurrentDispatch() {
        List<String> order = new ArrayList<>();
        emitter.on(TransportEventType.AUDIO_DONE, s -> {
            order.add("first");
            emitter.removeAllListeners();
        });
        emitter.on(TransportEventType.AUDIO_DONE, s -> order.add("second"));
        emitter.onAny(e -> order.add("any"));
        emitter.onServerEvent(RAW.type(), e -> order.add("server"));

        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
        emitter.emitAny(RAW);
        emitter.emitServerEvent(RAW);

        assertThat(order).containsExactly("first");
        assertThat(emitter.hasAnyListeners()).isFalse();
        assertThat(emitter.hasServerEventListeners(RAW.type())).isFalse();
        assertThat(emitter.hasListeners(TransportEventType.AUDIO_DONE)).isFalse();
    }

    @Test
    void onAnyAndOnServerEventAreSeparateStreams() {
        List<String> order = new ArrayList<>();
        emitter.onAny(e -> order.add("any:" + e.type()));
        emitter.onServerEvent("response.output_text.delta", e -> order.add("named:" + e.type()));
        emitter.onServerEvent("response.done", e -> order.add("wrong"));

        emitter.emitAny(RAW);
        emitter.emitServerEvent(RAW);

        assertThat(order).containsExactly("any:response.output_text.delta", "named:response.output_text.delta");
    }

    @Test
    void hasListenerQueriesFollowRegistrationAndRemoval() {
        assertThat(emitter.hasAnyListeners()).isFalse();
        assertThat(emitter.hasServerEventListeners("response.done")).isFalse();
        assertThat(emitter.hasListeners(TransportEventType.ERROR)).isFalse();

        Subscription any = emitter.onAny(e -> { });
        Subscription server = emitter.onServerEvent("response.done", e -> { });
        Subscription error = emitter.on(TransportEventType.ERROR, e -> { });

        assertThat(emitter.hasAnyListeners()).isTrue();
        assertThat(emitter.hasServerEventListeners("response.done")).isTrue();
        assertThat(emitter.hasServerEventListeners("response.created")).isFalse();
        assertThat(emitter.hasListeners(TransportEventType.ERROR)).isTrue();
        assertThat(emitter.hasListeners(TransportEventType.AUDIO)).isFalse();

        any.remove();
        server.remove();
        error.remove();

        assertThat(emitter.hasAnyListeners()).isFalse();
        assertThat(emitter.hasServerEventListeners("response.done")).isFalse();
        assertThat(emitter.hasListeners(TransportEventType.ERROR)).isFalse();
    }

    @Test
    void argumentsAreNamedWhenNull() {
        assertThatThrownBy(() -> emitter.on(null, e -> { })).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> emitter.on(TransportEventType.ERROR, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("listener");
        assertThatThrownBy(() -> emitter.once(TransportEventType.ERROR, null))
                .isInstanceOf(NullPointerException.class).hasMessage("listener");
        assertThatThrownBy(() -> emitter.onAny(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("listener");
        assertThatThrownBy(() -> emitter.onServerEvent("", e -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("serverEventType");
        assertThatThrownBy(() -> emitter.emit(TransportEventType.ERROR, null))
                .isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> emitter.emitAny(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> emitter.hasServerEventListeners(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("serverEventType");
        assertThatThrownBy(() -> emitter.hasListeners(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> new TransportEventEmitter(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("errorHandler");
    }

    @Test
    void concurrentRegistrationFromManyThreadsLosesNothing() throws Exception {
        int threads = 8;
        int perThread = 250;
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Subscription>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<Subscription> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(emitter.on(TransportEventType.AUDIO_DONE, s -> calls.incrementAndGet()));
                        // dispatching concurrently with registration must not throw
                        emitter.emitAny(RAW);
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Subscription> all = new ArrayList<>();
            for (Future<List<Subscription>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }

            emitter.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
            assertThat(calls).hasValue(threads * perThread);

            List<Future<?>> removals = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Subscription> slice = all.subList(t * perThread, (t + 1) * perThread);
                removals.add(pool.submit(() -> slice.forEach(Subscription::remove)));
            }
            for (Future<?> removal : removals) {
                removal.get(30, TimeUnit.SECONDS);
            }
            assertThat(emitter.hasListeners(TransportEventType.AUDIO_DONE)).isFalse();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void defaultConstructorLogsInsteadOfThrowing() {
        TransportEventEmitter logging = new TransportEventEmitter();
        AtomicInteger calls = new AtomicInteger();
        logging.on(TransportEventType.AUDIO_DONE, s -> {
            throw new IllegalStateException("expected in this test");
        });
        logging.on(TransportEventType.AUDIO_DONE, s -> calls.incrementAndGet());

        logging.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);

        assertThat(calls).hasValue(1);
    }
}
