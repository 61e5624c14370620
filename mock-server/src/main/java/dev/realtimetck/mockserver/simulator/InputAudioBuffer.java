package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.Arrays;

/**
 * The session's input audio buffer: decoded samples appended since the last commit or clear, positioned on the
 * session's input timeline (milliseconds since the first input sample). Not thread-safe.
 */
final class InputAudioBuffer {

    private final AudioFormat format;
    private final long baseMillis;
    private short[] samples = new short[4096];
    private int size;
    /** Absolute index (since this buffer's base) of samples[0]. */
    private long startSample;
    /** A trailing odd byte of PCM16 input, waiting for its second half. */
    private int pendingByte = -1;

    /**
     * @param format the input format the appended bytes are in
     * @param baseMillis the timeline position of the first sample this buffer will receive
     */
    InputAudioBuffer(AudioFormat format, long baseMillis) {
        this.format = format;
        this.baseMillis = baseMillis;
    }

    AudioFormat format() {
        return format;
    }

    /** Decodes and appends {@code data}; returns the decoded samples. */
    short[] append(byte[] data) {
        byte[] bytes = data;
        if (format instanceof AudioFormat.Pcm) {
            int extra = pendingByte >= 0 ? 1 : 0;
            bytes = new byte[data.length + extra];
            if (extra == 1) {
                bytes[0] = (byte) pendingByte;
            }
            System.arraycopy(data, 0, bytes, extra, data.length);
            if (bytes.length % 2 == 1) {
                pendingByte = bytes[bytes.length - 1] & 0xff;
                bytes = Arrays.copyOf(bytes, bytes.length - 1);
            } else {
                pendingByte = -1;
            }
        }
        short[] decoded = AudioCodec.decode(bytes, format);
        if (size + decoded.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + decoded.length));
        }
        System.arraycopy(decoded, 0, samples, size, decoded.length);
        size += decoded.length;
        return decoded;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Timeline position of the first buffered sample. */
    long startMillis() {
        return toMillis(startSample);
    }

    /** Timeline position just after the last buffered sample. */
    long endMillis() {
        return toMillis(startSample + size);
    }

    /** Takes everything buffered, leaving the buffer empty. */
    AudioClip takeAll() {
        AudioClip clip = new AudioClip(Arrays.copyOf(samples, size), format);
        startSample += size;
        size = 0;
        return clip;
    }

    /**
     * Takes the audio between the timeline positions {@code fromMs} and {@code toMs}; audio before it is dropped,
     * audio after it stays buffered.
     */
    AudioClip take(long fromMs, long toMs) {
        int from = clamp(toSample(fromMs) - startSample);
        int to = Math.max(from, clamp(toSample(toMs) - startSample));
        AudioClip clip = new AudioClip(Arrays.copyOfRange(samples, from, to), format);
        System.arraycopy(samples, to, samples, 0, size - to);
        size -= to;
        startSample += to;
        return clip;
    }

    /** Drops the audio before the timeline position {@code millis}, if any. */
    void dropBefore(long millis) {
        int drop = clamp(toSample(millis) - startSample);
        if (drop > 0) {
            System.arraycopy(samples, drop, samples, 0, size - drop);
            size -= drop;
            startSample += drop;
        }
    }

    /** Drops everything buffered. */
    void clear() {
        startSample += size;
        size = 0;
        pendingByte = -1;
    }

    private int clamp(long index) {
        return (int) Math.max(0, Math.min(size, index));
    }

    private long toSample(long millis) {
        return (millis - baseMillis) * format.sampleRate() / 1000;
    }

    private long toMillis(long sample) {
        return baseMillis + sample * 1000 / format.sampleRate();
    }
}
