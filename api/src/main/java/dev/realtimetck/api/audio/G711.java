package dev.realtimetck.api.audio;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * ITU-T G.711 mu-law and A-law companding between 16-bit linear PCM and 8-bit codes.
 *
 * <p>The arithmetic is that of the classic Sun Microsystems {@code g711.c} that most telephony stacks
 * use: mu-law adds a bias of {@code 0x84} to the magnitude of the two's complement sample and clips it at
 * {@code 32635}; A-law works on the 13 most significant bits, takes the ones' complement magnitude of
 * negative samples (as the ITU-T G.191 reference does) and inverts the even bits of the code
 * ({@code 0x55}). Shortcuts that first reduce mu-law input to 14 bits (CPython's {@code audioop}, for one)
 * give a code one step away for some small negative samples; this class keeps the 16-bit arithmetic.
 * The codes the Realtime protocol calls {@code audio/pcmu} and {@code audio/pcma} are
 * exactly these bytes, one per 8 kHz sample.
 *
 * <p>Bulk methods read 16-bit little-endian PCM ({@link Pcm16}) and never change the position of a
 * {@link ByteBuffer} argument. The {@code (…, byte[] out, int outOffset)} variants write into a caller's
 * array and allocate nothing.
 */
public final class G711 {

    private static final int MULAW_BIAS = 0x84;
    private static final int MULAW_CLIP = 32_635;

    /** Upper magnitude bounds of the eight mu-law segments, after adding the bias. */
    private static final int[] MULAW_SEGMENT_END = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};

    /** Upper magnitude bounds of the eight A-law segments, in 13-bit units. */
    private static final int[] ALAW_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private static final byte[] MULAW_ENCODE = new byte[65_536];
    private static final byte[] ALAW_ENCODE = new byte[65_536];
    private static final short[] MULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];

    static {
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            MULAW_ENCODE[sample & 0xFFFF] = computeMulaw(sample);
            ALAW_ENCODE[sample & 0xFFFF] = computeAlaw(sample);
        }
        for (int code = 0; code < 256; code++) {
            MULAW_DECODE[code] = computeMulawLinear(code);
            ALAW_DECODE[code] = computeAlawLinear(code);
        }
    }

    private G711() {
    }

    // ---------------------------------------------------------------- single samples

    /**
     * Encodes one PCM16 sample as a mu-law code.
     *
     * @param sample the linear sample
     * @return the mu-law code; {@code 0} encodes as {@code 0xFF}
     */
    public static byte encodeMulaw(short sample) {
        return MULAW_ENCODE[sample & 0xFFFF];
    }

    /**
     * Decodes one mu-law code to a PCM16 sample.
     *
     * @param code the mu-law code
     * @return the linear sample, between {@code -32124} and {@code 32124}
     */
    public static short decodeMulaw(byte code) {
        return MULAW_DECODE[code & 0xFF];
    }

    /**
     * Encodes one PCM16 sample as an A-law code.
     *
     * @param sample the linear sample
     * @return the A-law code; {@code 0} encodes as {@code 0xD5}
     */
    public static byte encodeAlaw(short sample) {
        return ALAW_ENCODE[sample & 0xFFFF];
    }

    /**
     * Decodes one A-law code to a PCM16 sample.
     *
     * @param code the A-law code
     * @return the linear sample, between {@code -32256} and {@code 32256}
     */
    public static short decodeAlaw(byte code) {
        return ALAW_DECODE[code & 0xFF];
    }

    // ---------------------------------------------------------------- mu-law bulk

    /**
     * Encodes PCM16 little-endian audio as mu-law.
     *
     * @param pcm PCM16 LE bytes, even length
     * @return one code per sample
     * @throws IllegalArgumentException naming {@code pcm} if its length is odd
     */
    public static byte[] encodeMulaw(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        return encodeMulaw(pcm, 0, pcm.length);
    }

    /**
     * Encodes a range of PCM16 little-endian audio as mu-law.
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte of the range
     * @param length bytes in the range, even
     * @return one code per sample
     */
    public static byte[] encodeMulaw(byte[] pcm, int offset, int length) {
        return encode(MULAW_ENCODE, pcm, offset, length);
    }

    /**
     * Encodes a range of PCM16 little-endian audio as mu-law into {@code out}, without allocating.
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte of the range
     * @param length bytes in the range, even
     * @param out receives {@code length / 2} codes
     * @param outOffset where the first code goes
     * @return the number of codes written ({@code length / 2})
     */
    public static int encodeMulaw(byte[] pcm, int offset, int length, byte[] out, int outOffset) {
        return encode(MULAW_ENCODE, pcm, offset, length, out, outOffset);
    }

    /**
     * Encodes the remaining bytes of {@code pcm} (PCM16 LE) as mu-law; the buffer's position is unchanged.
     *
     * @param pcm PCM16 LE audio between position and limit, even length
     * @return one code per sample
     */
    public static byte[] encodeMulaw(ByteBuffer pcm) {
        return encode(MULAW_ENCODE, pcm);
    }

    /**
     * Decodes mu-law codes to PCM16 little-endian audio.
     *
     * @param codes mu-law codes
     * @return two bytes per code
     */
    public static byte[] decodeMulaw(byte[] codes) {
        Objects.requireNonNull(codes, "codes");
        return decodeMulaw(codes, 0, codes.length);
    }

    /**
     * Decodes a range of mu-law codes to PCM16 little-endian audio.
     *
     * @param codes mu-law codes
     * @param offset first code of the range
     * @param length codes in the range
     * @return two bytes per code
     */
    public static byte[] decodeMulaw(byte[] codes, int offset, int length) {
        return decode(MULAW_DECODE, codes, offset, length);
    }

    /**
     * Decodes a range of mu-law codes to PCM16 little-endian audio into {@code out}, without allocating.
     *
     * @param codes mu-law codes
     * @param offset first code of the range
     * @param length codes in the range
     * @param out receives {@code 2 * length} bytes
     * @param outOffset where the first byte goes
     * @return the number of bytes written ({@code 2 * length})
     */
    public static int decodeMulaw(byte[] codes, int offset, int length, byte[] out, int outOffset) {
        return decode(MULAW_DECODE, codes, offset, length, out, outOffset);
    }

    /**
     * Decodes the remaining mu-law codes of {@code codes} to PCM16 LE; the buffer's position is unchanged.
     *
     * @param codes mu-law codes between position and limit
     * @return two bytes per code
     */
    public static byte[] decodeMulaw(ByteBuffer codes) {
        return decode(MULAW_DECODE, codes);
    }

    // ---------------------------------------------------------------- A-law bulk

    /**
     * Encodes PCM16 little-endian audio as A-law.
     *
     * @param pcm PCM16 LE bytes, even length
     * @return one code per sample
     * @throws IllegalArgumentException naming {@code pcm} if its length is odd
     */
    public static byte[] encodeAlaw(byte[] pcm) {
        Objects.requireNonNull(pcm, "pcm");
        return encodeAlaw(pcm, 0, pcm.length);
    }

    /**
     * Encodes a range of PCM16 little-endian audio as A-law.
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte of the range
     * @param length bytes in the range, even
     * @return one code per sample
     */
    public static byte[] encodeAlaw(byte[] pcm, int offset, int length) {
        return encode(ALAW_ENCODE, pcm, offset, length);
    }

    /**
     * Encodes a range of PCM16 little-endian audio as A-law into {@code out}, without allocating.
     *
     * @param pcm PCM16 LE bytes
     * @param offset first byte of the range
     * @param length bytes in the range, even
     * @param out receives {@code length / 2} codes
     * @param outOffset where the first code goes
     * @return the number of codes written ({@code length / 2})
     */
    public static int encodeAlaw(byte[] pcm, int offset, int length, byte[] out, int outOffset) {
        return encode(ALAW_ENCODE, pcm, offset, length, out, outOffset);
    }

    /**
     * Encodes the remaining bytes of {@code pcm} (PCM16 LE) as A-law; the buffer's position is unchanged.
     *
     * @param pcm PCM16 LE audio between position and limit, even length
     * @return one code per sample
     */
    public static byte[] encodeAlaw(ByteBuffer pcm) {
        return encode(ALAW_ENCODE, pcm);
    }

    /**
     * Decodes A-law codes to PCM16 little-endian audio.
     *
     * @param codes A-law codes
     * @return two bytes per code
     */
    public static byte[] decodeAlaw(byte[] codes) {
        Objects.requireNonNull(codes, "codes");
        return decodeAlaw(codes, 0, codes.length);
    }

    /**
     * Decodes a range of A-law codes to PCM16 little-endian audio.
     *
     * @param codes A-law codes
     * @param offset first code of the range
     * @param length codes in the range
     * @return two bytes per code
     */
    public static byte[] decodeAlaw(byte[] codes, int offset, int length) {
        return decode(ALAW_DECODE, codes, offset, length);
    }

    /**
     * Decodes a range of A-law codes to PCM16 little-endian audio into {@code out}, without allocating.
     *
     * @param codes A-law codes
     * @param offset first code of the range
     * @param length codes in the range
     * @param out receives {@code 2 * length} bytes
     * @param outOffset where the first byte goes
     * @return the number of bytes written ({@code 2 * length})
     */
    public static int decodeAlaw(byte[] codes, int offset, int length, byte[] out, int outOffset) {
        return decode(ALAW_DECODE, codes, offset, length, out, outOffset);
    }

    /**
     * Decodes the remaining A-law codes of {@code codes} to PCM16 LE; the buffer's position is unchanged.
     *
     * @param codes A-law codes between position and limit
     * @return two bytes per code
     */
    public static byte[] decodeAlaw(ByteBuffer codes) {
        return decode(ALAW_DECODE, codes);
    }

    // ---------------------------------------------------------------- mu-law <-> A-law

    /**
     * Converts mu-law codes to A-law codes through their linear values (what G.711 Annex A tables
     * approximate), without allocating.
     *
     * @param mulaw mu-law codes
     * @param offset first code
     * @param length number of codes
     * @param out receives {@code length} A-law codes
     * @param outOffset where the first code goes
     * @return the number of codes written
     */
    public static int mulawToAlaw(byte[] mulaw, int offset, int length, byte[] out, int outOffset) {
        return recode(MULAW_DECODE, ALAW_ENCODE, "mulaw", mulaw, offset, length, out, outOffset);
    }

    /**
     * Converts A-law codes to mu-law codes through their linear values, without allocating.
     *
     * @param alaw A-law codes
     * @param offset first code
     * @param length number of codes
     * @param out receives {@code length} mu-law codes
     * @param outOffset where the first code goes
     * @return the number of codes written
     */
    public static int alawToMulaw(byte[] alaw, int offset, int length, byte[] out, int outOffset) {
        return recode(ALAW_DECODE, MULAW_ENCODE, "alaw", alaw, offset, length, out, outOffset);
    }

    // ---------------------------------------------------------------- shared loops

    private static byte[] encode(byte[] table, byte[] pcm, int offset, int length) {
        Checks.range("pcm", pcm, offset, length);
        Checks.evenPcmLength("length", length);
        byte[] out = new byte[length / 2];
        encode(table, pcm, offset, length, out, 0);
        return out;
    }

    private static int encode(byte[] table, byte[] pcm, int offset, int length, byte[] out, int outOffset) {
        Checks.range("pcm", pcm, offset, length);
        Checks.evenPcmLength("length", length);
        int samples = length / 2;
        Checks.room("out", out, outOffset, samples);
        for (int i = 0, in = offset; i < samples; i++, in += 2) {
            out[outOffset + i] = table[(pcm[in] & 0xFF) | (pcm[in + 1] & 0xFF) << 8];
        }
        return samples;
    }

    private static byte[] encode(byte[] table, ByteBuffer pcm) {
        Objects.requireNonNull(pcm, "pcm");
        int length = pcm.remaining();
        Checks.evenPcmLength("pcm", length);
        if (pcm.hasArray()) {
            return encode(table, pcm.array(), pcm.arrayOffset() + pcm.position(), length);
        }
        byte[] out = new byte[length / 2];
        for (int i = 0, in = pcm.position(); i < out.length; i++, in += 2) {
            out[i] = table[(pcm.get(in) & 0xFF) | (pcm.get(in + 1) & 0xFF) << 8];
        }
        return out;
    }

    private static byte[] decode(short[] table, byte[] codes, int offset, int length) {
        Checks.range("codes", codes, offset, length);
        byte[] out = new byte[2 * length];
        decode(table, codes, offset, length, out, 0);
        return out;
    }

    private static int decode(short[] table, byte[] codes, int offset, int length, byte[] out, int outOffset) {
        Checks.range("codes", codes, offset, length);
        Checks.room("out", out, outOffset, 2L * length);
        for (int i = 0, o = outOffset; i < length; i++, o += 2) {
            short sample = table[codes[offset + i] & 0xFF];
            out[o] = (byte) sample;
            out[o + 1] = (byte) (sample >> 8);
        }
        return 2 * length;
    }

    private static byte[] decode(short[] table, ByteBuffer codes) {
        Objects.requireNonNull(codes, "codes");
        int length = codes.remaining();
        if (codes.hasArray()) {
            return decode(table, codes.array(), codes.arrayOffset() + codes.position(), length);
        }
        byte[] out = new byte[2 * length];
        for (int i = 0, o = 0; i < length; i++, o += 2) {
            short sample = table[codes.get(codes.position() + i) & 0xFF];
            out[o] = (byte) sample;
            out[o + 1] = (byte) (sample >> 8);
        }
        return out;
    }

    private static int recode(short[] decode, byte[] encode, String name, byte[] in, int offset, int length,
            byte[] out, int outOffset) {
        Checks.range(name, in, offset, length);
        Checks.room("out", out, outOffset, length);
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = encode[decode[in[offset + i] & 0xFF] & 0xFFFF];
        }
        return length;
    }

    // ---------------------------------------------------------------- the G.711 arithmetic

    private static int segment(int magnitude, int[] segmentEnds) {
        for (int segment = 0; segment < segmentEnds.length; segment++) {
            if (magnitude <= segmentEnds[segment]) {
                return segment;
            }
        }
        return segmentEnds.length;
    }

    private static byte computeMulaw(int sample) {
        int magnitude;
        int mask;
        if (sample < 0) {
            magnitude = -sample;
            mask = 0x7F;
        } else {
            magnitude = sample;
            mask = 0xFF;
        }
        magnitude = Math.min(magnitude, MULAW_CLIP) + MULAW_BIAS;
        int segment = segment(magnitude, MULAW_SEGMENT_END); // always < 8 after clipping
        int code = segment << 4 | (magnitude >> (segment + 3)) & 0x0F;
        return (byte) (code ^ mask);
    }

    private static short computeMulawLinear(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0x0F) << 3) + MULAW_BIAS) << ((inverted & 0x70) >> 4);
        return (short) ((inverted & 0x80) != 0 ? MULAW_BIAS - magnitude : magnitude - MULAW_BIAS);
    }

    private static byte computeAlaw(int sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = segment(value, ALAW_SEGMENT_END); // always < 8: a 16-bit sample has 12 magnitude bits here
        int quantized = segment < 2 ? value >> 1 : value >> segment;
        return (byte) ((segment << 4 | quantized & 0x0F) ^ mask);
    }

    private static short computeAlawLinear(int code) {
        int value = (code & 0xFF) ^ 0x55;
        int magnitude = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        if (segment == 0) {
            magnitude += 8;
        } else {
            magnitude = (magnitude + 0x108) << (segment - 1);
        }
        return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
    }
}
