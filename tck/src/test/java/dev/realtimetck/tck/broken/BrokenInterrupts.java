package dev.realtimetck.tck.broken;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Signal;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportEventType;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Broken interrupts (rules A27-A30 of 0.20). The decorator replaces {@code interrupt()} with its own tracking of
 * the output audio (from the raw server events) and sends {@code response.cancel} and the truncate through
 * {@code sendEvent}, emitting {@code audio_interrupted} to its listeners itself. Without a flaw it would behave as
 * the rules say; each {@link Flaw} breaks one rule. Interrupts the transport makes by itself
 * ({@code speech_started}) stay the delegate's.
 */
public final class BrokenInterrupts extends ForwardingTransport {

    /** What this transport gets wrong. */
    public enum Flaw {
        /** 0.17: {@code interrupt()} after {@code response.output_audio.done} does nothing (RT-CLIENT-031). */
        NOOP_AFTER_AUDIO_DONE,
        /** The truncate is sent even when generation is done and the audio has played out (RT-CLIENT-032). */
        TRUNCATE_PLAYED_OUT,
        /** 0.17: a delta of another part does not restart tracking, so elapsed time spans parts (RT-CLIENT-033). */
        SPANS_PARTS,
        /** 0.17: durations always use the last session.updated format, never the response's (RT-CLIENT-038). */
        SESSION_FORMAT_ONLY,
        /** Durations always assume 24 kHz PCM, whatever the output format (RT-CLIENT-025). */
        FIXED_PCM
    }

    private final Flaw flaw;
    private final List<Consumer<? super Signal>> interruptedListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Object> responseFormats = new HashMap<>();
    private Object sessionFormat;
    private String itemId;
    private long contentIndex;
    private boolean started;
    private long firstNanos;
    private double receivedMs;
    private boolean generationDone;
    private boolean responseActive;
    private boolean cancelSent;

    public BrokenInterrupts(RealtimeTransportLayer delegate, Flaw flaw) {
        super(delegate);
        this.flaw = flaw;
        delegate.onAny(this::observe);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        Subscription own = delegate.on(type, listener); // the delegate's own interrupts (speech_started)
        if (type != TransportEventType.AUDIO_INTERRUPTED) {
            return own;
        }
        Consumer<? super Signal> signal = (Consumer<? super Signal>) listener;
        interruptedListeners.add(signal);
        return () -> {
            interruptedListeners.remove(signal);
            own.remove();
        };
    }

    @Override
    public void interrupt() {
        String item;
        long index;
        long endMs;
        boolean cancel;
        boolean truncate;
        boolean connected = delegate.status() == ConnectionStatus.CONNECTED;
        synchronized (this) {
            if (itemId == null || !connected || (flaw == Flaw.NOOP_AFTER_AUDIO_DONE && generationDone)) {
                return;
            }
            double elapsed = (System.nanoTime() - firstNanos) / 1_000_000.0;
            truncate = flaw == Flaw.TRUNCATE_PLAYED_OUT || !(generationDone && Math.floor(elapsed) >= receivedMs);
            endMs = Math.max(0L, (long) Math.floor(Math.min(elapsed, receivedMs)));
            item = itemId;
            index = contentIndex;
            cancel = responseActive && !cancelSent;
            cancelSent |= cancel;
            resetTracking();
        }
        if (cancel) {
            delegate.sendEvent(RealtimeClientMessage.of("response.cancel"));
        }
        interruptedListeners.forEach(l -> l.accept(Signal.INSTANCE));
        if (truncate) {
            delegate.sendEvent(RealtimeClientMessage.of(Map.of("type", "conversation.item.truncate", "item_id", item,
                    "content_index", index, "audio_end_ms", endMs)));
        }
    }

    private synchronized void observe(RealtimeServerEvent event) {
        switch (event.type()) {
            case "session.updated" -> sessionFormat = outputFormat(event.get("session"));
            case "response.created" -> {
                responseActive = true;
                cancelSent = false;
                if (event.get("response") instanceof Map<?, ?> response && response.get("id") instanceof String id) {
                    Object format = outputFormat(response);
                    responseFormats.put(id, format != null ? format : sessionFormat);
                }
            }
            case "response.done" -> {
                responseActive = false;
                cancelSent = false;
                if (event.get("response") instanceof Map<?, ?> response) {
                    responseFormats.remove(response.get("id"));
                }
            }
            case "response.output_audio.delta" -> delta(event);
            case "response.output_audio.done" -> generationDone = true;
            case "input_audio_buffer.speech_started" -> {
                resetTracking(); // the delegate interrupted by itself
                cancelSent |= responseActive;
            }
            default -> { }
        }
    }

    private void delta(RealtimeServerEvent event) {
        String item = String.valueOf(event.get("item_id"));
        long index = event.get("content_index") instanceof Number n ? n.longValue() : 0;
        if (flaw != Flaw.SPANS_PARTS && (!item.equals(itemId) || index != contentIndex)) {
            resetTracking();
        }
        itemId = item;
        contentIndex = index;
        if (!started) {
            started = true;
            firstNanos = System.nanoTime();
            receivedMs = 0;
        }
        int bytes = Base64.getDecoder().decode(String.valueOf(event.get("delta"))).length;
        Object format = switch (flaw) {
            case FIXED_PCM -> null;
            case SESSION_FORMAT_ONLY -> sessionFormat;
            default -> {
                Object recorded = responseFormats.get(String.valueOf(event.get("response_id")));
                yield recorded != null ? recorded : sessionFormat;
            }
        };
        receivedMs += millis(bytes, format);
    }

    private void resetTracking() {
        itemId = null;
        contentIndex = 0;
        started = false;
        receivedMs = 0;
        generationDone = false;
    }

    private static Object outputFormat(Object sessionOrResponse) {
        if (sessionOrResponse instanceof Map<?, ?> map && map.get("audio") instanceof Map<?, ?> audio
                && audio.get("output") instanceof Map<?, ?> output) {
            return output.get("format");
        }
        return null;
    }

    private static double millis(int bytes, Object format) {
        if (format instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if ("audio/pcmu".equals(type) || "audio/pcma".equals(type)) {
                return bytes / 8.0;
            }
            if ("audio/pcm".equals(type)) {
                double rate = map.get("rate") instanceof Number n ? n.doubleValue() : 24_000;
                return bytes / 2.0 / rate * 1000.0;
            }
        } else if (format instanceof String name && name.startsWith("g711_")) {
            return bytes / 8.0;
        }
        return bytes / 48.0;
    }
}
