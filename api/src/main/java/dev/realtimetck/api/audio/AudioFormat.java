package dev.realtimetck.api.audio;

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
