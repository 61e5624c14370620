package dev.realtimetck.benchmarks;

import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.referencetransport.protocol.EventSink;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The listener side of the dispatch benchmark for {@link ReferenceTransportTarget}: an {@link EventSink} with
 * the typical listeners registered (each passes its event to the benchmark's sink), and optionally {@code '*'}.
 * Listeners run on the calling thread, as the transport's dispatch does once it has chosen the thread.
 */
final class TypicalListeners implements EventSink {

    static final Set<TransportEventType<?>> TYPICAL = Set.of(TransportEventType.AUDIO, TransportEventType.ITEM_UPDATE,
            TransportEventType.TURN_DONE, TransportEventType.AUDIO_TRANSCRIPT_DELTA,
            TransportEventType.OUTPUT_TEXT_DELTA, TransportEventType.FUNCTION_CALL);

    private final Consumer<Object> sink;
    private final boolean any;

    /** With a null {@code listeners} nothing listens (the encoder's protocol emits nothing anyway). */
    TypicalListeners(BenchmarkListeners listeners, boolean any) {
        this.sink = listeners == null ? event -> { } : listeners.sink();
        this.any = any;
    }

    @Override
    public <E> void emit(TransportEventType<E> type, E event) {
        if (TYPICAL.contains(type)) {
            sink.accept(event);
        }
    }

    @Override
    public void emitServerEvent(RealtimeServerEvent event) {
        // no listener on individual server event names
    }

    /** No listener on individual server event names, so the protocol need not build their events. */
    @Override
    public boolean hasServerEventListeners(String serverEventType) {
        return false;
    }

    @Override
    public void emitAny(Supplier<RealtimeServerEvent> rawCopy) {
        if (any) {
            sink.accept(rawCopy.get());
        }
    }

    @Override
    public boolean hasAnyListeners() {
        return any;
    }
}
