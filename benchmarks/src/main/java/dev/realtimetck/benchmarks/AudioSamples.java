package dev.realtimetck.benchmarks;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import java.time.Duration;
import java.util.Arrays;

/** Deterministic speech-like PCM16 (24 kHz mono) chunks, so every run encodes the same bytes. */
final class AudioSamples {

    private AudioSamples() {
    }

    /**
     * A PCM16 chunk of exactly {@code bytes} bytes.
     *
     * @throws IllegalArgumentException naming {@code chunkBytes} unless it is a positive even number
     */
    static byte[] pcm16(int bytes) {
        if (bytes <= 0 || bytes % 2 != 0) {
            throw new IllegalArgumentException("chunkBytes: must be a positive even number, was " + bytes);
        }
        AudioFormat format = AudioFormat.PCM16_24K;
        long millis = (long) Math.ceil(format.durationMillis(bytes)) + 1;
        byte[] audio = SyntheticAudio.speechLike(format, Duration.ofMillis(millis));
        return Arrays.copyOf(audio, bytes);
    }
}
