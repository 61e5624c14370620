package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypicalListenersTest {

    private final List<Object> received = new ArrayList<>();

    @Test
    void typicalEventTypesReachTheSinkOthersDoNot() {
        TypicalListeners listeners = new TypicalListeners(new BenchmarkListeners(received::add, false), false);

        listeners.emit(TransportEventType.TURN_DONE, null);
        listeners.emit(TransportEventType.USAGE_UPDATE, null);
        listeners.emit(TransportEventType.FUNCTION_CALL, null);

        assertThat(received).hasSize(2);
        assertThat(TypicalListeners.TYPICAL).containsExactlyInAnyOrder(TransportEventType.AUDIO,
                TransportEventType.ITEM_UPDATE, TransportEventType.TURN_DONE, TransportEventType.AUDIO_TRANSCRIPT_DELTA,
                TransportEventType.OUTPUT_TEXT_DELTA, TransportEventType.FUNCTION_CALL);
    }

    @Test
    void rawCopyIsMadeOnlyWithAStarListener() {
        RealtimeServerEvent raw = RealtimeServerEvent.of(Map.of("type", "response.done"));
        TypicalListeners without = new TypicalListeners(new BenchmarkListeners(received::add, false), false);
        TypicalListeners with = new TypicalListeners(new BenchmarkListeners(received::add, true), true);

        without.emitAny(() -> {
            throw new AssertionError("copy made without a '*' listener");
        });
        with.emitAny(() -> raw);

        assertThat(without.hasServerEventListeners("response.done")).isFalse();
        assertThat(without.hasAnyListeners()).isFalse();
        assertThat(with.hasAnyListeners()).isTrue();
        assertThat(received).containsExactly(raw);
    }
}
