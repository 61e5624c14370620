package dev.realtimetck.api.audio;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Sample access and measurements for 16-bit signed little-endian PCM, the layout of the protocol's
 * {@code audio/pcm} format and of PCM WAV files.
 *
 * <p>Sample indexes count samples, not bytes. {@link ByteBuffer} methods address samples from the
 * buffer's position, read bytes explicitly as little-endian whatever the buffer's {@link ByteBuffer#order()},
 * and never change its position.
 */
public final class Pcm16 {

    /** Bytes per PCM16 sample. */
    public static final int BYTES_PER_SAMPLE = 2;

    /** Full-scale magnitude used to normalise levels: {@code 32768}. */
    public static final double FULL_SCALE = 32_768.0;

    private Pcm16() {
    }

    /**
     * Number of samples in {@code byteCount} bytes.
     *
     * @param byteCount PCM16 byte count, even and non-negative
     * @return {@code byteCount / 2}
     * @throws IllegalArgumentException naming {@code byteCount} if it is negative or odd
     */
    public static int sampleCount(int byteCount) {
        if (byteCount < 0) {
            throw new IllegalArgumentException("byteCount: must be >= 0, was " + byteCount);
        }
        Checks.evenPcmLength("byteCount", byteCount);
        return byteCount / 2;
    }

    /**
     * Number of samples between the position and the limit of {@code pcm}.
     *
     * @param pcm PCM16 audio
     * @return {@code pcm.remaining() / 2}
     * @throws IllegalArgumentException naming {@code pcm} if an odd number of bytes remains
     */
    public static int sampleCount(ByteBuffer pcm) {
        Objects.requireNonNull(pcm, "pcm");
        Checks.evenPcmLength("pcm", pcm.remaining());
        return pcm.remaining() / 2;
    }

    /**
     * Reads sample {@code index} of {@code pcm}.
     *
     * @param pcm PCM16 LE bytes
     * @param index sample index (byte offset {@code 2 * index})
     * @return the sample
     * @throws IndexOutOfBoundsException naming {@code index} if the sample is not inside {@code pcm}
     */
    public static short getSample(byte[] pcm, int index) {
        Objects.requireNonNull(pcm, "pcm");
        int at = byteIndex(index, pcm.length);
        return (short) ((pcm[at] & 0xFF) | pcm[at + 1] << 8);
    }

    /**
     * Writes sample {@code index} of {@code pcm}.
     *
     * @param pcm PCM16 LE bytes
     * @param index sample index (byte offset {@code 2 * index})
     * @param sample the value
     * @throws IndexOutOfBoundsException naming {@code index} if the sample is not inside {@code pcm}
     */
    public static void putSample(byte[] pcm, int index, short sample) {
        Objects.requireNonNull(pcm, "pcm");
        int at = byteIndex(index, pcm.length);
        pcm[at] = (byte) sample;
        pcm[at + 1] = (byte) (sample >> 8);
    }

    /**
     * Reads sample {@code index}, counted from the buffer's position; the position is unchanged.
     *
     * @param pcm PCM16 LE audio
     * @param index sample index relative to the position
     * @return the sample
     * @throws IndexOutOfBoundsException naming {@code index} if the sample is not before the limit
     */
    public static short getSample(ByteBuffer pcm, int index) {
        Objects.requireNonNull(pcm, "pcm");
        int at = pcm.position() + byteIndex(index, pcm.remaining());
        return (short) ((pcm.get(at) & 0xFF) | pcm.get(at + 1) << 8);
    }

    /**
     * Writes sample {@code index}, counted from the buffer's position; the position is unchanged.
     *
     * @param pcm PCM16 LE audio, writable
     * @param index sample index relative to the position
     * @param sample the value
     * @throws IndexOutOfBoundsException naming {@code index} if the sample is not before the limit
     */
    public static void putSample(ByteBuffer pcm, int index, short sample) {
        Objects.requireNonNull(pcm, "pcm");
        int at = pcm.position() + byteIndex(index, pcm.remaining());
        pcm.put(at, (byte) sample);
        pcm.put(at + 1, (byte) (sample >> 8));
    }

    /**
     * Unpacks PCM16 LE bytes into samples.
     *
     * @param pcm PCM16 LE bytes, even length
     * @return one value per sample
     */
    public static short[] toSamples(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        return toSamples(pcm, 0, pcm.length);
    }

    /**
     * Unpacks a range of PCM16 LE bytes into samples.
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte
     * @param length bytes, even
     * @return {@code length / 2} samples
     */
    public static short[] toSamples(byte[] pcm, int offset, int length) {
        Checks.range("pcm", pcm, offset, length);
        Checks.evenPcmLength("length", length);
        short[] samples = new short[length / 2];
        for (int i = 0, at = offset; i < samples.length; i++, at += 2) {
            samples[i] = (short) ((pcm[at] & 0xFF) | pcm[at + 1] << 8);
        }
        return samples;
    }

    /**
     * Packs samples as PCM16 LE bytes.
     *
     * @param samples the samples
     * @return two bytes per sample
     */
    public static byte[] toBytes(short[] samples) {
        Objects.requireNonNull(samples, "samples");
        return toBytes(samples, 0, samples.length);
    }

    /**
     * Packs a range of samples as PCM16 LE bytes.
     *
     * @param samples the samples
     * @param offset first sample
     * @param length number of samples
     * @return {@code 2 * length} bytes
     */
    public static byte[] toBytes(short[] samples, int offset, int length) {
        Objects.requireNonNull(samples, "samples");
        Checks.range("samples", samples.length, offset, length);
        byte[] pcm = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            short sample = samples[offset + i];
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    /**
     * Clamps an integer to the PCM16 range {@code [-32768, 32767]}.
     *
     * @param value any value
     * @return the nearest PCM16 sample
     */
    public static short clamp(long value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }

    /**
     * Root mean square of the samples in a byte range, in sample units ({@code 0} to {@code 32768}).
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte
     * @param length bytes, even; an empty range has RMS {@code 0}
     * @return the RMS level
     */
    public static double rms(byte[] pcm, int offset, int length) {
        Checks.range("pcm", pcm, offset, length);
        Checks.evenPcmLength("length", length);
        if (length == 0) {
            return 0.0;
        }
        double sumOfSquares = 0;
        for (int at = offset, end = offset + length; at < end; at += 2) {
            int sample = (short) ((pcm[at] & 0xFF) | pcm[at + 1] << 8);
            sumOfSquares += (double) sample * sample;
        }
        return Math.sqrt(sumOfSquares / (length / 2));
    }

    /**
     * Root mean square of all samples of {@code pcm}.
     *
     * @param pcm PCM16 LE bytes, even length
     * @return the RMS level in sample units
     */
    public static double rms(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        return rms(pcm, 0, pcm.length);
    }

    /**
     * Root mean square of the samples between position and limit; the position is unchanged.
     *
     * @param pcm PCM16 LE audio, even number of bytes remaining
     * @return the RMS level in sample units
     */
    public static double rms(ByteBuffer pcm) {
        int samples = sampleCount(pcm);
        if (pcm.hasArray()) {
            return rms(pcm.array(), pcm.arrayOffset() + pcm.position(), 2 * samples);
        }
        if (samples == 0) {
            return 0.0;
        }
        double sumOfSquares = 0;
        for (int i = 0; i < samples; i++) {
            int sample = getSample(pcm, i);
            sumOfSquares += (double) sample * sample;
        }
        return Math.sqrt(sumOfSquares / samples);
    }

    /**
     * Largest absolute sample value in a byte range ({@code 0} to {@code 32768}).
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte
     * @param length bytes, even; an empty range has peak {@code 0}
     * @return the peak magnitude
     */
    public static int peak(byte[] pcm, int offset, int length) {
        Checks.range("pcm", pcm, offset, length);
        Checks.evenPcmLength("length", length);
        int peak = 0;
        for (int at = offset, end = offset + length; at < end; at += 2) {
            int sample = (short) ((pcm[at] & 0xFF) | pcm[at + 1] << 8);
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }

    /**
     * Largest absolute sample value of {@code pcm}.
     *
     * @param pcm PCM16 LE bytes, even length
     * @return the peak magnitude
     */
    public static int peak(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        return peak(pcm, 0, pcm.length);
    }

    /**
     * Largest absolute sample value between position and limit; the position is unchanged.
     *
     * @param pcm PCM16 LE audio, even number of bytes remaining
     * @return the peak magnitude
     */
    public static int peak(ByteBuffer pcm) {
        int samples = sampleCount(pcm);
        int peak = 0;
        for (int i = 0; i < samples; i++) {
            peak = Math.max(peak, Math.abs(getSample(pcm, i)));
        }
        return peak;
    }

    /**
     * Level in dBFS of an RMS or peak value: {@code 20 * log10(level / 32768)}, {@code -Infinity} for 0.
     *
     * @param level an RMS or peak value in sample units, non-negative
     * @return the level relative to full scale
     * @throws IllegalArgumentException naming {@code level} if it is negative or not finite
     */
    public static double toDbfs(double level) {
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new IllegalArgumentException("level: must be finite and >= 0, was " + level);
        }
        return 20 * Math.log10(level / FULL_SCALE);
    }

    private static int byteIndex(int index, int byteLength) {
        if (index < 0 || (long) 2 * index + 1 >= byteLength) {
            throw new IndexOutOfBoundsException(
                    "index: sample " + index + " is outside 0.." + (byteLength / 2 - 1));
        }
        return 2 * index;
    }
}
