package dev.realtimetck.mockserver.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * An energy-based voice-activity detector over decoded PCM samples, measuring the RMS of fixed-length frames.
 *
 * <p>Speech starts at the first frame whose RMS reaches the threshold; the reported start lies
 * {@code prefixPaddingMs} earlier (never before {@code floorMs}, the start of the audio still in the buffer).
 * Speech stops once {@code silenceDurationMs} of consecutive frames stayed below the threshold; the reported end
 * is the end of that silence, i.e. the end of the last loud frame plus the silence duration (rounded up to whole
 * frames). Positions are milliseconds since the first sample the session received. Not thread-safe.
 */
final class VoiceActivityDetector {

    /** What the detector saw; positions in milliseconds since the session's first input sample. */
    sealed interface Event permits SpeechStarted, SpeechStopped {
    }

    /** Speech began; {@code audioStartMs} includes the prefix padding. */
    record SpeechStarted(long audioStartMs) implements Event {
    }

    /** Speech ended; {@code audioEndMs} includes the trailing silence. */
    record SpeechStopped(long audioEndMs) implements Event {
    }

    private final int sampleRate;
    private final int frameSamples;
    private final double rmsThreshold;
    private final long prefixPaddingMs;
    private final long silenceDurationMs;

    private final short[] frame;
    private int frameFill;
    /** Samples consumed into completed frames, plus the base offset, in samples since the session start. */
    private long frameStartSample;
    private final long baseMillis;

    private boolean speaking;
    private long silenceSamples;

    /**
     * @param sampleRate sample rate of the audio fed in
     * @param frameMillis frame length
     * @param rmsThreshold frame RMS (0..1 of full scale) that counts as speech
     * @param prefixPaddingMs padding reported before the first loud frame
     * @param silenceDurationMs silence that ends speech
     * @param startMillis position of the first sample fed in, in milliseconds since the session start
     */
    VoiceActivityDetector(int sampleRate, long frameMillis, double rmsThreshold, long prefixPaddingMs,
            long silenceDurationMs, long startMillis) {
        this.sampleRate = sampleRate;
        this.frameSamples = (int) Math.max(1, sampleRate * frameMillis / 1000);
        this.rmsThreshold = rmsThreshold;
        this.prefixPaddingMs = prefixPaddingMs;
        this.silenceDurationMs = silenceDurationMs;
        this.frame = new short[frameSamples];
        this.baseMillis = startMillis;
    }

    boolean speaking() {
        return speaking;
    }

    /** Forgets an ongoing speech segment (after a manual commit or clear). */
    void reset() {
        speaking = false;
        silenceSamples = 0;
    }

    /**
     * Feeds samples and returns what was detected in the frames they completed.
     *
     * @param samples decoded samples at this detector's rate
     * @param floorMs the earliest position a speech start may be reported at (start of the buffered audio)
     */
    List<Event> accept(short[] samples, long floorMs) {
        List<Event> events = new ArrayList<>(0);
        for (short sample : samples) {
            frame[frameFill++] = sample;
            if (frameFill == frameSamples) {
                onFrame(events, floorMs);
                frameStartSample += frameSamples;
                frameFill = 0;
            }
        }
        return events;
    }

    private void onFrame(List<Event> events, long floorMs) {
        double sum = 0;
        for (short s : frame) {
            double v = s / 32768.0;
            sum += v * v;
        }
        boolean loud = Math.sqrt(sum / frameSamples) >= rmsThreshold;
        if (!speaking) {
            if (loud) {
                speaking = true;
                silenceSamples = 0;
                long onset = millis(frameStartSample);
                events.add(new SpeechStarted(Math.max(floorMs, onset - prefixPaddingMs)));
            }
            return;
        }
        if (loud) {
            silenceSamples = 0;
            return;
        }
        silenceSamples += frameSamples;
        if (silenceSamples * 1000 >= silenceDurationMs * sampleRate) {
            speaking = false;
            silenceSamples = 0;
            events.add(new SpeechStopped(millis(frameStartSample + frameSamples)));
        }
    }

    private long millis(long sample) {
        return baseMillis + sample * 1000 / sampleRate;
    }
}
