package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;

/** Encodes and decodes the protocol's audio formats to and from 16-bit samples at the format's own rate. */
final class AudioCodec {

    private AudioCodec() {
    }

    /** Decodes {@code data} (PCM16 little-endian, or one G.711 byte per sample). */
    static short[] decode(byte[] data, AudioFormat format) {
        if (format instanceof AudioFormat.Pcm) {
            short[] out = new short[data.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            }
            return out;
        }
        throw new UnsupportedOperationException("G.711 pending the audio branch: " + format);
    }

    /** Encodes {@code samples} in {@code format}. */
    static byte[] encode(short[] samples, AudioFormat format) {
        if (format instanceof AudioFormat.Pcm) {
            byte[] out = new byte[samples.length * 2];
            for (int i = 0; i < samples.length; i++) {
                out[2 * i] = (byte) samples[i];
                out[2 * i + 1] = (byte) (samples[i] >> 8);
            }
            return out;
        }
        throw new UnsupportedOperationException("G.711 pending the audio branch: " + format);
    }
}
