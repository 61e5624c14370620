package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.G711;
import dev.realtimetck.api.audio.Pcm16;

/** Encodes and decodes the protocol's audio formats to and from 16-bit samples at the format's own rate. */
final class AudioCodec {

    private AudioCodec() {
    }

    /** Decodes {@code data} (PCM16 little-endian with an even length, or one G.711 byte per sample). */
    static short[] decode(byte[] data, AudioFormat format) {
        if (format instanceof AudioFormat.Pcmu) {
            return Pcm16.toSamples(G711.decodeMulaw(data));
        }
        if (format instanceof AudioFormat.Pcma) {
            return Pcm16.toSamples(G711.decodeAlaw(data));
        }
        return Pcm16.toSamples(data);
    }

    /** Encodes {@code samples} in {@code format}. */
    static byte[] encode(short[] samples, AudioFormat format) {
        byte[] pcm = Pcm16.toBytes(samples);
        if (format instanceof AudioFormat.Pcmu) {
            return G711.encodeMulaw(pcm);
        }
        if (format instanceof AudioFormat.Pcma) {
            return G711.encodeAlaw(pcm);
        }
        return pcm;
    }
}
