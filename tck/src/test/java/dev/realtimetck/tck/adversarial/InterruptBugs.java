package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.INTERRUPT;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose audio tracking or interrupt is wrong (A27-A31, D9). */
final class InterruptBugs {

    private InterruptBugs() {
    }

    /** Rewrites the truncate the transport writes, given what was tracked when it was written. */
    abstract static class TruncateRewrite extends FrameBug {
        abstract void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked);

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (!isType(frame, "conversation.item.truncate")) {
                out.send(text);
                return;
            }
            AudioClock.Snapshot tracked = seam.clock.snapshot(System.nanoTime());
            seam.clock.clear();
            if (tracked == null) {
                out.send(text);
                return;
            }
            rewrite(frame, tracked);
            out.send(frame);
        }

        static long floorMin(double elapsed, double total) {
            return (long) Math.floor(Math.max(0, Math.min(elapsed, total)));
        }
    }

    /** A30 (MUST), interrupt: audio_end_ms in seconds. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is computed in seconds (elapsed / 1000), as the playback clock of the app reports it")
    static final class AudioEndInSeconds extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", truncate.get("audio_end_ms").asLong() / 1000);
        }
    }

    /** A30 (MUST), interrupt: audio_end_ms in samples. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is the number of 24 kHz samples played, not milliseconds")
    static final class AudioEndInSamples extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", truncate.get("audio_end_ms").asLong() * 24);
        }
    }

    /** A30 (MUST), interrupt: audio_end_ms in bytes. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is the number of PCM16 bytes played, not milliseconds")
    static final class AudioEndInBytes extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", truncate.get("audio_end_ms").asLong() * 48);
        }
    }

    /** A27 (SHOULD duration) / A30 (MUST), interrupt: one byte per sample. */
    @Bug(rules = {"A30", "A27"}, category = INTERRUPT,
            mistake = "the received duration is computed with one byte per sample (bytes / 24 ms at 24 kHz), doubling it, so audio_end_ms can exceed the audio received")
    static final class OneBytePerSample extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", floorMin(tracked.elapsedMs(), tracked.bytes() / 24.0));
        }
    }

    /** A27 (SHOULD duration), interrupt: the output format is ignored. */
    @Bug(rules = {"A27", "B22"}, category = INTERRUPT,
            mistake = "the received duration always assumes PCM16 at 24 kHz (bytes / 48), ignoring a G.711 or other-rate output format")
    static final class OutputFormatIgnored extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", floorMin(tracked.elapsedMs(), tracked.bytes() / 48.0));
        }
    }

    /** A27 (SHOULD duration), interrupt: the latest session format is used. */
    @Bug(rules = "A27", category = INTERRUPT,
            mistake = "the duration uses the latest session.updated output format (the 0.17 rule), not the format stored for the response at response.created")
    static final class LatestSessionFormat extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", floorMin(tracked.elapsedMs(), tracked.sessionFormatTotalMs()));
        }
    }

    /** A27 (MUST), interrupt: the first audio part of the response stays tracked. */
    @Bug(rules = "A27", category = INTERRUPT,
            mistake = "tracking starts at a response's first audio delta and never switches to a new item or content part, so the truncate names the first part with the whole response's totals")
    static final class FirstPartStaysTracked extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("item_id", tracked.responseFirstItemId());
            truncate.put("content_index", tracked.responseFirstContentIndex());
            truncate.put("audio_end_ms", floorMin(tracked.responseElapsedMs(), tracked.responseTotalMs()));
        }
    }

    /** A29 (MUST), interrupt: content_index always 0. */
    @Bug(rules = "A29", category = INTERRUPT,
            mistake = "the truncate hard-codes content_index 0 instead of the tracked content index")
    static final class ContentIndexZero extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("content_index", 0);
        }
    }

    /** A30 (MUST), interrupt: not clamped to the received duration. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is the wall-clock time since the first delta, not clamped to the audio actually received")
    static final class AudioEndUnclamped extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", (long) Math.floor(Math.max(0, tracked.elapsedMs())));
        }
    }

    /** A30 (MUST), interrupt: the whole received duration. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is the whole received duration, as if everything received had already been played")
    static final class AudioEndWholePart extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            truncate.put("audio_end_ms", (long) Math.floor(tracked.totalMs()));
        }
    }

    /** A30 (MUST), interrupt: not an integer. */
    @Bug(rules = "A30", category = INTERRUPT,
            mistake = "audio_end_ms is written as the unrounded double (for example 42.8)")
    static final class AudioEndUnrounded extends TruncateRewrite {
        @Override
        void rewrite(ObjectNode truncate, AudioClock.Snapshot tracked) {
            double value = Math.max(0, Math.min(tracked.elapsedMs(), tracked.totalMs()));
            truncate.put("audio_end_ms", Math.floor(value) == value ? value + 0.5 : value);
        }
    }

    /** Interrupt bugs that see the whole interrupt() call: marks before and after it. */
    abstract static class InterruptCall extends BuggyTransport implements FrameHooks {
        InterruptCall(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void interrupt() {
            if (delegate.status() != ConnectionStatus.CONNECTED) {
                super.interrupt();
                return;
            }
            AudioClock.Snapshot tracked = seam.clock.liveSnapshot(System.nanoTime());
            mark("begin", Map.of());
            super.interrupt();
            seam.clock.clear();
            mark("end", tracked == null ? Map.of() : Map.of("item_id", tracked.itemId(),
                    "content_index", tracked.contentIndex(),
                    "audio_end_ms", TruncateRewrite.floorMin(tracked.elapsedMs(), tracked.totalMs())));
        }
    }

    /** A29 (MUST), interrupt: the truncate is always written. */
    @Bug(rules = "A29", category = INTERRUPT,
            mistake = "interrupt() always writes the truncate, also when generation finished and playback is estimated complete, so a fully played item loses its transcript")
    static final class TruncateAlways extends InterruptCall {
        private boolean truncated;

        TruncateAlways(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (FrameBug.isType(frame, "conversation.item.truncate")) {
                truncated = true;
            }
            out.send(text);
        }

        @Override
        public void mark(String name, ObjectNode payload, FrameSeam.Out out) {
            if (name.equals("begin")) {
                truncated = false;
            } else if (!truncated && payload != null && payload.has("item_id")) {
                ObjectNode truncate = Json.MAPPER.createObjectNode();
                truncate.put("type", "conversation.item.truncate");
                truncate.set("item_id", payload.get("item_id"));
                truncate.set("content_index", payload.get("content_index"));
                truncate.set("audio_end_ms", payload.get("audio_end_ms"));
                out.send(truncate);
            }
        }
    }

    /** A29 (MUST), interrupt: truncate before cancel. */
    @Bug(rules = "A29", category = INTERRUPT,
            mistake = "interrupt() truncates the item first and cancels the response second")
    static final class TruncateBeforeCancel extends InterruptCall {
        private final List<String> held = new ArrayList<>();
        private boolean holding;

        TruncateBeforeCancel(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (holding && FrameBug.isType(frame, "conversation.item.truncate")) {
                out.send(text);
            } else if (holding) {
                held.add(text);
            } else {
                out.send(text);
            }
        }

        @Override
        public void mark(String name, ObjectNode payload, FrameSeam.Out out) {
            holding = name.equals("begin");
            if (!holding) {
                held.forEach(out::send);
                held.clear();
            }
        }
    }

    /** A28 (MUST), interrupt: output_audio.done ends tracking. */
    @Bug(rules = "A28", category = INTERRUPT,
            mistake = "response.output_audio.done clears audio tracking (the 0.17 rule), so interrupt() after it does nothing: no cancel, no audio_interrupted, no truncate")
    static final class AudioDoneEndsTracking extends BuggyTransport {
        AudioDoneEndsTracking(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void interrupt() {
            AudioClock.Snapshot tracked = seam.clock.liveSnapshot(System.nanoTime());
            if (tracked == null) {
                return;
            }
            seam.clock.clear();
            if (!tracked.generationDone()) {
                super.interrupt();
            }
        }
    }

    /** A29 (MUST), interrupt: no audio_interrupted. */
    @Bug(rules = "A29", category = INTERRUPT,
            mistake = "interrupt() cancels and truncates but never emits audio_interrupted")
    static final class NoAudioInterrupted extends BuggyTransport {
        NoAudioInterrupted(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(TransportEventType.AUDIO_INTERRUPTED.name())) {
                listener.accept(event);
            }
        }
    }

    /** A29 (MUST), interrupt: audio_interrupted twice. */
    @Bug(rules = "A29", category = INTERRUPT,
            mistake = "audio_interrupted is emitted both by interrupt() and by the code path that clears tracking, so listeners get it twice")
    static final class AudioInterruptedTwice extends BuggyTransport {
        AudioInterruptedTwice(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            listener.accept(event);
            if (key.equals(TransportEventType.AUDIO_INTERRUPTED.name())) {
                listener.accept(event);
            }
        }
    }

    /** D9 (MUST(seq)), interrupt: cancel after response.done. */
    @Bug(rules = {"D9", "A29"}, category = INTERRUPT,
            mistake = "interrupt() cancels whenever audio is tracked, without checking that a response is still active, so a cancel follows response.done")
    static final class CancelAfterResponseDone extends BuggyTransport {
        CancelAfterResponseDone(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void interrupt() {
            if (delegate.status() == ConnectionStatus.CONNECTED && !seam.responseActive()
                    && seam.clock.liveSnapshot(System.nanoTime()) != null) {
                ObjectNode cancel = Json.MAPPER.createObjectNode();
                cancel.put("type", "response.cancel");
                raw(cancel);
            }
            super.interrupt();
            seam.clock.clear();
        }
    }

    /** A31 (MUST), interrupt: speech_started ignores interrupt_response. */
    @Bug(rules = "A31", category = INTERRUPT,
            mistake = "on speech_started the transport always cancels, ignoring interrupt_response:true in the last session.updated")
    static final class SpeechStartedAlwaysCancels extends FrameBug {
        private volatile boolean serverInterrupts;

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            if (isType(frame, "session.updated")) {
                JsonNode value = frame.at("/session/audio/input/turn_detection/interrupt_response");
                serverInterrupts = value.isBoolean() && value.asBoolean();
            } else if (isType(frame, "input_audio_buffer.speech_started") && serverInterrupts
                    && seam.responseActive() && seam.clock.snapshot(System.nanoTime()) != null) {
                seam.writeNow(List.of("{\"type\":\"response.cancel\"}"));
            }
            in.deliver(text);
        }
    }
}
