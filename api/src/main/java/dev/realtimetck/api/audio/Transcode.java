package dev.realtimetck.api.audio;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Converts mono audio between {@link AudioFormat}s of the same sample rate: PCM16 at 8 kHz to and from
 * {@code audio/pcmu} and {@code audio/pcma}, and between the two G.711 laws.
 *
 * <p>No resampling is done: converting {@code audio/pcm} at 24 kHz to G.711 (8 kHz) is rejected with an
 * {@link IllegalArgumentException} naming the {@code to} argument. Converting a format to itself returns a
 * copy. Each method returns a new array and leaves its input untouched.
 */
public final class Transcode {

    private Transcode() {
    }

    /**
     * Converts {@code data} from one format to another.
     *
     * @param data audio in format {@code from}
     * @param from the format of {@code data}
     * @param to the wanted format, same sample rate as {@code from}
     * @return the audio in format {@code to}
     * @throws IllegalArgumentException naming {@code to} if the sample rates differ, or {@code data} if its
     *     length is not a whole number of samples
     */
    public static byte[] convert(byte[] data, AudioFormat from, AudioFormat to) {
        Objects.requireNonNull(data, "data");
        return convert(data, 0, data.length, from, to);
    }

    /**
     * Converts a range of {@code data} from one format to another.
     *
     * @param data audio in format {@code from}
     * @param offset first byte of the range
     * @param length bytes in the range, a whole number of samples of {@code from}
     * @param from the format of {@code data}
     * @param to the wanted format, same sample rate as {@code from}
     * @return the audio in format {@code to}
     * @throws IllegalArgumentException naming {@code to} if the sample rates differ, or {@code length} if it
     *     is not a whole number of samples
     */
    public static byte[] convert(byte[] data, int offset, int length, AudioFormat from, AudioFormat to) {
        Checks.range("data", data, offset, length);
        checkFormats(from, to);
        if (length % from.bytesPerSample() != 0) {
            throw new IllegalArgumentException("length: " + length + " bytes is not a whole number of "
                    + from.bytesPerSample() + "-byte " + from.wireType() + " samples");
        }
        if (from.equals(to)) {
            return Arrays.copyOfRange(data, offset, offset + length);
        }
        if (from instanceof AudioFormat.Pcm) {
            return to instanceof AudioFormat.Pcmu
                    ? G711.encodeMulaw(data, offset, length)
                    : G711.encodeAlaw(data, offset, length);
        }
        if (to instanceof AudioFormat.Pcm) {
            return from instanceof AudioFormat.Pcmu
                    ? G711.decodeMulaw(data, offset, length)
                    : G711.decodeAlaw(data, offset, length);
        }
        byte[] out = new byte[length];
        if (from instanceof AudioFormat.Pcmu) {
            G711.mulawToAlaw(data, offset, length, out, 0);
        } else {
            G711.alawToMulaw(data, offset, length, out, 0);
        }
        return out;
    }

    /**
     * Converts the bytes between position and limit of {@code data}; the buffer's position is unchanged.
     *
     * @param data audio in format {@code from}
     * @param from the format of {@code data}
     * @param to the wanted format, same sample rate as {@code from}
     * @return the audio in format {@code to}
     * @throws IllegalArgumentException naming {@code to} if the sample rates differ
     */
    public static byte[] convert(ByteBuffer data, AudioFormat from, AudioFormat to) {
        Objects.requireNonNull(data, "data");
        if (data.hasArray()) {
            return convert(data.array(), data.arrayOffset() + data.position(), data.remaining(), from, to);
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return convert(copy, 0, copy.length, from, to);
    }

    /**
     * Length in bytes that {@code length} bytes of {@code from} audio take in {@code to}.
     *
     * @param length bytes of {@code from} audio, a whole number of samples
     * @param from the source format
     * @param to the target format, same sample rate as {@code from}
     * @return the converted length
     * @throws IllegalArgumentException naming {@code to} if the sample rates differ, or {@code length} if it
     *     is negative or not a whole number of samples
     */
    public static long convertedLength(long length, AudioFormat from, AudioFormat to) {
        checkFormats(from, to);
        if (length < 0 || length % from.bytesPerSample() != 0) {
            throw new IllegalArgumentException("length: must be a non-negative whole number of "
                    + from.bytesPerSample() + "-byte samples, was " + length);
        }
        return length / from.bytesPerSample() * to.bytesPerSample();
    }

    private static void checkFormats(AudioFormat from, AudioFormat to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.sampleRate() != to.sampleRate()) {
            throw new IllegalArgumentException("to: " + to.wireType() + " at " + to.sampleRate()
                    + " Hz differs from the " + from.sampleRate() + " Hz of from (" + from.wireType()
                    + "); Transcode does not resample");
        }
    }
}
