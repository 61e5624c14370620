package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decoded mono 16-bit audio with the format it came in or goes out in (the samples are at that format's rate).
 *
 * @param samples the samples; not copied, treat as immutable
 * @param format the wire format
 */
record AudioClip(short[] samples, AudioFormat format) {

    AudioClip {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(format, "format");
    }

    int sampleRate() {
        return format.sampleRate();
    }

    /** Duration in whole milliseconds, rounded down. */
    long durationMillis() {
        return samples.length * 1000L / sampleRate();
    }

    /** The first {@code millis} milliseconds. */
    AudioClip truncate(long millis) {
        int keep = (int) Math.min(samples.length, millis * sampleRate() / 1000);
        return new AudioClip(Arrays.copyOf(samples, keep), format);
    }

    /** The audio as wire bytes of its format. */
    byte[] encode() {
        return AudioCodec.encode(samples, format);
    }
}
