package dev.realtimetck.api.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The audio of a RIFF/WAVE file: its {@code fmt } chunk fields and the bytes of its {@code data} chunk.
 *
 * <p>Supported encodings are 16-bit little-endian PCM ({@link #FORMAT_PCM}) and 8-bit G.711 A-law
 * ({@link #FORMAT_ALAW}) and mu-law ({@link #FORMAT_MULAW}), mono or stereo (interleaved), at any positive
 * sample rate. The data array is copied on the way in and out, so an instance is immutable.
 *
 * @param formatTag the WAVE format tag: 1, 6 or 7
 * @param channels 1 (mono) or 2 (stereo)
 * @param sampleRate frames per second, positive
 * @param bitsPerSample 16 for PCM, 8 for G.711
 * @param data the samples, a whole number of frames of {@code channels * bitsPerSample / 8} bytes
 */
public record WavAudio(int formatTag, int channels, int sampleRate, int bitsPerSample, byte[] data) {

    /** {@code WAVE_FORMAT_PCM}: linear PCM (16-bit little-endian here). */
    public static final int FORMAT_PCM = 1;

    /** {@code WAVE_FORMAT_ALAW}: G.711 A-law, 8 bits per sample. */
    public static final int FORMAT_ALAW = 6;

    /** {@code WAVE_FORMAT_MULAW}: G.711 mu-law, 8 bits per sample. */
    public static final int FORMAT_MULAW = 7;

    /**
     * Validates every field and copies {@code data}.
     *
     * @throws IllegalArgumentException naming the field that is unsupported or inconsistent
     */
    public WavAudio {
        if (formatTag != FORMAT_PCM && formatTag != FORMAT_ALAW && formatTag != FORMAT_MULAW) {
            throw new IllegalArgumentException("formatTag: unsupported WAVE format tag " + formatTag
                    + " (supported: 1 PCM, 6 A-law, 7 mu-law)");
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels: only mono (1) and stereo (2) are supported, was "
                    + channels);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate: must be positive, was " + sampleRate);
        }
        int expectedBits = formatTag == FORMAT_PCM ? 16 : 8;
        if (bitsPerSample != expectedBits) {
            throw new IllegalArgumentException("bitsPerSample: format tag " + formatTag + " needs "
                    + expectedBits + " bits per sample, was " + bitsPerSample);
        }
        Objects.requireNonNull(data, "data");
        int blockAlign = channels * bitsPerSample / 8;
        if (data.length % blockAlign != 0) {
            throw new IllegalArgumentException("data: " + data.length + " bytes is not a whole number of "
                    + blockAlign + "-byte frames");
        }
        data = data.clone();
    }

    /**
     * Mono audio in a protocol {@link AudioFormat}: PCM16 at its rate, or G.711 at 8 kHz.
     *
     * @param format the format of {@code data}
     * @param data mono audio in that format
     * @return the WAV description of it
     * @throws IllegalArgumentException naming {@code data} if it is not a whole number of samples
     */
    public static WavAudio of(AudioFormat format, byte[] data) {
        Objects.requireNonNull(format, "format");
        if (format instanceof AudioFormat.Pcm pcm) {
            return new WavAudio(FORMAT_PCM, 1, pcm.rate(), 16, data);
        }
        int tag = format instanceof AudioFormat.Pcmu ? FORMAT_MULAW : FORMAT_ALAW;
        return new WavAudio(tag, 1, format.sampleRate(), 8, data);
    }

    /**
     * A copy of the sample bytes.
     *
     * @return the {@code data} chunk content
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Number of bytes of sample data, without copying it.
     *
     * @return {@code data().length}
     */
    public int dataLength() {
        return data.length;
    }

    /** Copies the sample bytes into {@code out} at {@code at} without an intermediate copy. */
    void copyDataTo(byte[] out, int at) {
        System.arraycopy(data, 0, out, at, data.length);
    }

    /**
     * Bytes per frame (one sample of every channel).
     *
     * @return {@code channels * bitsPerSample / 8}
     */
    public int blockAlign() {
        return channels * bitsPerSample / 8;
    }

    /**
     * Bytes per second.
     *
     * @return {@code sampleRate * blockAlign()}
     */
    public long byteRate() {
        return (long) sampleRate * blockAlign();
    }

    /**
     * Number of frames (samples per channel).
     *
     * @return {@code dataLength() / blockAlign()}
     */
    public int frameCount() {
        return data.length / blockAlign();
    }

    /**
     * Playing time, truncated to whole nanoseconds.
     *
     * @return the duration of the data
     */
    public Duration duration() {
        long frames = frameCount();
        return Duration.ofSeconds(frames / sampleRate, (frames % sampleRate) * 1_000_000_000L / sampleRate);
    }

    /**
     * This audio with its channels averaged into one; mono audio is returned as is. G.711 is decoded,
     * averaged in PCM16 and encoded again with the same law.
     *
     * @return mono audio with the same format tag and sample rate
     */
    public WavAudio mono() {
        if (channels == 1) {
            return this;
        }
        int frames = frameCount();
        short[] mixed = new short[frames];
        for (int frame = 0; frame < frames; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += sampleAt(frame * channels + channel);
            }
            mixed[frame] = (short) Math.floorDiv(sum, channels);
        }
        byte[] pcm = Pcm16.toBytes(mixed);
        byte[] out = switch (formatTag) {
            case FORMAT_MULAW -> G711.encodeMulaw(pcm);
            case FORMAT_ALAW -> G711.encodeAlaw(pcm);
            default -> pcm;
        };
        return new WavAudio(formatTag, 1, sampleRate, bitsPerSample, out);
    }

    private int sampleAt(int index) {
        return switch (formatTag) {
            case FORMAT_MULAW -> G711.decodeMulaw(data[index]);
            case FORMAT_ALAW -> G711.decodeAlaw(data[index]);
            default -> Pcm16.getSample(data, index);
        };
    }

    /**
     * The protocol format of this audio, for mono files: {@code audio/pcm} at the file's rate, or
     * {@code audio/pcmu} / {@code audio/pcma} for 8 kHz G.711.
     *
     * @return the matching {@link AudioFormat}
     * @throws IllegalStateException if the audio is stereo, or G.711 at a rate other than 8000 Hz
     */
    public AudioFormat audioFormat() {
        if (channels != 1) {
            throw new IllegalStateException("channels: stereo audio has no mono AudioFormat; "
                    + "use mono() first");
        }
        if (formatTag == FORMAT_PCM) {
            return new AudioFormat.Pcm(sampleRate);
        }
        if (sampleRate != 8_000) {
            throw new IllegalStateException("sampleRate: G.711 in the Realtime protocol is 8000 Hz, this audio is "
                    + sampleRate + " Hz");
        }
        return formatTag == FORMAT_MULAW ? AudioFormat.PCMU : AudioFormat.PCMA;
    }

    /** Compares all fields, the sample bytes by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WavAudio that
                && formatTag == that.formatTag
                && channels == that.channels
                && sampleRate == that.sampleRate
                && bitsPerSample == that.bitsPerSample
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatTag, channels, sampleRate, bitsPerSample, Arrays.hashCode(data));
    }

    /** Describes the format and the data length, not the sample bytes. */
    @Override
    public String toString() {
        return "WavAudio[formatTag=" + formatTag + ", channels=" + channels + ", sampleRate=" + sampleRate
                + ", bitsPerSample=" + bitsPerSample + ", dataLength=" + data.length + "]";
    }
}
