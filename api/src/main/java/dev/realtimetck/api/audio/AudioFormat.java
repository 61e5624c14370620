package dev.realtimetck.api.audio;

import java.time.Duration;
import java.util.Objects;

/**
 * An audio format of the Realtime GA protocol.
 *
 * <p>Renders the TypeScript {@code RealtimeAudioFormat} union of {@code @openai/agents-realtime}: the GA
 * object forms {@code {"type":"audio/pcm","rate":24000}}, {@code {"type":"audio/pcmu"}} and
 * {@code {"type":"audio/pcma"}}. The legacy strings {@code pcm16}, {@code g711_ulaw} and {@code g711_alaw}
 * parse to the same values ({@link #parse(String)}).
 */
public sealed interface AudioFormat permits AudioFormat.Pcm, AudioFormat.Pcmu, AudioFormat.Pcma {

    /** The PCM sample rate the protocol assumes when none is given, in Hz. */
    int DEFAULT_PCM_RATE = 24_000;

    /** 16-bit signed little-endian mono PCM at 24 kHz, the protocol's default. */
    Pcm PCM16_24K = new Pcm(DEFAULT_PCM_RATE);

    /** G.711 mu-law at 8 kHz. */
    Pcmu PCMU = new Pcmu();

    /** G.711 A-law at 8 kHz. */
    Pcma PCMA = new Pcma();

    /** The wire {@code type} string, for example {@code "audio/pcm"}. */
    String wireType();

    /** Samples per second. */
    int sampleRate();

    /** Bytes one sample takes in this format (2 for PCM16, 1 for G.711). */
    int bytesPerSample();

    /**
     * Duration in milliseconds of {@code byteCount} bytes of mono audio in this format.
     *
     * @throws IllegalArgumentException if {@code byteCount} is negative
     */
    default double durationMillis(long byteCount) {
        if (byteCount < 0) {
            throw new IllegalArgumentException("byteCount must be >= 0, was " + byteCount);
        }
        return byteCount * 1000.0 / ((double) sampleRate() * bytesPerSample());
    }

    /**
     * Bytes one second of mono audio takes in this format.
     *
     * @return {@code sampleRate() * bytesPerSample()}
     */
    default int bytesPerSecond() {
        return sampleRate() * bytesPerSample();
    }

    /**
     * Whole samples in {@code byteCount} bytes; a trailing partial sample is not counted.
     *
     * @param byteCount number of bytes, non-negative
     * @return {@code byteCount / bytesPerSample()}
     * @throws IllegalArgumentException naming {@code byteCount} if it is negative
     */
    default long sampleCount(long byteCount) {
        if (byteCount < 0) {
            throw new IllegalArgumentException("byteCount must be >= 0, was " + byteCount);
        }
        return byteCount / bytesPerSample();
    }

    /**
     * Duration of {@code byteCount} bytes of mono audio, truncated to whole nanoseconds.
     *
     * @param byteCount number of bytes, non-negative
     * @return the playing time
     * @throws IllegalArgumentException naming {@code byteCount} if it is negative
     */
    default Duration duration(long byteCount) {
        if (byteCount < 0) {
            throw new IllegalArgumentException("byteCount must be >= 0, was " + byteCount);
        }
        long perSecond = bytesPerSecond();
        long nanos = (byteCount % perSecond) * 1_000_000_000L / perSecond;
        return Duration.ofSeconds(byteCount / perSecond, nanos);
    }

    /**
     * Samples in {@code duration}, rounded to the nearest whole sample (halves round up).
     *
     * @param duration a non-negative duration
     * @return the sample count
     * @throws IllegalArgumentException naming {@code duration} if it is negative
     */
    default long samplesFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, was " + duration);
        }
        long rate = sampleRate();
        long wholeSeconds = Math.multiplyExact(duration.getSeconds(), rate);
        long fraction = (duration.getNano() * rate + 500_000_000L) / 1_000_000_000L;
        return Math.addExact(wholeSeconds, fraction);
    }

    /**
     * Bytes of mono audio in {@code duration}, rounded to the nearest whole sample: the inverse of
     * {@link #duration(long)}.
     *
     * @param duration a non-negative duration
     * @return {@code samplesFor(duration) * bytesPerSample()}
     * @throws IllegalArgumentException naming {@code duration} if it is negative
     */
    default long bytesFor(Duration duration) {
        return Math.multiplyExact(samplesFor(duration), bytesPerSample());
    }

    /**
     * Bytes of mono audio in {@code millis} milliseconds, rounded to the nearest whole sample: the inverse of
     * {@link #durationMillis(long)}.
     *
     * @param millis a finite, non-negative number of milliseconds (fractions allowed)
     * @return the byte count, a multiple of {@link #bytesPerSample()}
     * @throws IllegalArgumentException naming {@code millis} if it is negative, NaN or infinite
     */
    default long bytesForMillis(double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new IllegalArgumentException("millis must be finite and >= 0, was " + millis);
        }
        long samples = Math.round(millis * sampleRate() / 1000.0);
        return Math.multiplyExact(samples, bytesPerSample());
    }

    /**
     * Parses a wire {@code type} string ({@code audio/pcm}, {@code audio/pcmu}, {@code audio/pcma}) or a
     * legacy string ({@code pcm16}, {@code g711_ulaw}, {@code g711_alaw}).
     *
     * @param name the type or legacy name
     * @return the format; {@code audio/pcm} and {@code pcm16} give PCM at 24 kHz
     * @throws IllegalArgumentException naming {@code name} if it is none of these
     */
    static AudioFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case "audio/pcm", "pcm16" -> PCM16_24K;
            case "audio/pcmu", "g711_ulaw" -> PCMU;
            case "audio/pcma", "g711_alaw" -> PCMA;
            default -> throw new IllegalArgumentException(
                    "name: unknown audio format '" + name + "' (expected audio/pcm, audio/pcmu, audio/pcma, "
                            + "pcm16, g711_ulaw or g711_alaw)");
        };
    }

    /**
     * 16-bit signed little-endian mono PCM ({@code {"type":"audio/pcm","rate":rate}}).
     *
     * @param rate samples per second, positive
     */
    record Pcm(int rate) implements AudioFormat {
        /** Validates the rate. */
        public Pcm {
            if (rate <= 0) {
                throw new IllegalArgumentException("rate must be positive, was " + rate);
            }
        }

        @Override
        public String wireType() {
            return "audio/pcm";
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public int bytesPerSample() {
            return 2;
        }
    }

    /** G.711 mu-law, 8 kHz ({@code {"type":"audio/pcmu"}}). */
    record Pcmu() implements AudioFormat {
        @Override
        public String wireType() {
            return "audio/pcmu";
        }

        @Override
        public int sampleRate() {
            return 8_000;
        }

        @Override
        public int bytesPerSample() {
            return 1;
        }
    }

    /** G.711 A-law, 8 kHz ({@code {"type":"audio/pcma"}}). */
    record Pcma() implements AudioFormat {
        @Override
        public String wireType() {
            return "audio/pcma";
        }

        @Override
        public int sampleRate() {
            return 8_000;
        }

        @Override
        public int bytesPerSample() {
            return 1;
        }
    }
}
