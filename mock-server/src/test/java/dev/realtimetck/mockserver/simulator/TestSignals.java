package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;

/** Test audio: silence and speech-like PCM, as wire bytes of a format. */
final class TestSignals {

    private TestSignals() {
    }

    static short[] silence(long millis, int rate) {
        return new short[(int) (millis * rate / 1000)];
    }

    static short[] speech(long millis, int rate) {
        return ReplyVoice.synthesize("x".repeat((int) Math.max(1, millis / 60)), new AudioFormat.Pcm(rate), 60)
                .truncate(millis).samples();
    }

    static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] encode(short[] samples, AudioFormat format) {
        return AudioCodec.encode(samples, format);
    }
}
