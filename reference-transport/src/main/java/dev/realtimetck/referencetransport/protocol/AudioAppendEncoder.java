package dev.realtimetck.referencetransport.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A14: {@code input_audio_buffer.append} frames built with the intrinsic {@link Base64.Encoder#encode(byte[],
 * byte[])} into arrays this instance reuses; the only allocation per frame is the Latin-1 String itself.
 *
 * <p>Not thread-safe: one per protocol instance, whose calls the transport serialises. The frame String is
 * complete before {@link #frame} returns, so the arrays can be reused by the next call. Arrays above
 * {@link #MAX_RETAINED} bytes are used once and not kept.
 */
final class AudioAppendEncoder {

    private static final byte[] PREFIX =
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.ISO_8859_1);
    static final int MAX_RETAINED = 256 * 1024;

    private byte[] input = new byte[0];
    private byte[] base64 = new byte[0];
    private byte[] frame = new byte[0];

    /**
     * @param audio the PCM bytes from position to limit; its position is left alone
     * @return the complete frame
     */
    String frame(ByteBuffer audio) {
        ByteBuffer src = audio.duplicate();
        int length = src.remaining();
        int encoded = 4 * ((length + 2) / 3);
        byte[] raw = wholeArray(src, length);
        if (raw == null) {
            raw = input.length == length ? input : retain(new byte[length], 0);
            src.get(raw, 0, length);
        }
        byte[] text = base64.length >= encoded ? base64 : retain(new byte[encoded], 1);
        Base64.getEncoder().encode(raw, text);
        int total = PREFIX.length + encoded + SUFFIX.length;
        byte[] out = frame.length >= total ? frame : retain(new byte[total], 2);
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        System.arraycopy(text, 0, out, PREFIX.length, encoded);
        System.arraycopy(SUFFIX, 0, out, PREFIX.length + encoded, SUFFIX.length);
        return new String(out, 0, total, StandardCharsets.ISO_8859_1);
    }

    /** The backing array when it holds exactly the bytes to encode (a wrapped array), else null. */
    private static byte[] wholeArray(ByteBuffer src, int length) {
        if (src.hasArray()) { // false for direct and read-only buffers
            byte[] array = src.array();
            if (src.arrayOffset() + src.position() == 0 && array.length == length) {
                return array;
            }
        }
        return null;
    }

    private byte[] retain(byte[] array, int which) {
        if (array.length <= MAX_RETAINED) {
            switch (which) {
                case 0 -> input = array;
                case 1 -> base64 = array;
                default -> frame = array;
            }
        }
        return array;
    }
}
