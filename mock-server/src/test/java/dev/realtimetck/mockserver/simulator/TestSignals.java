package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import java.time.Duration;

/** Test audio: silence and {@link SyntheticAudio#speechLike} PCM samples, and their wire bytes. */
final class TestSignals {

    private TestSignals() {
    }

    static short[] silence(long millis, int rate) {
        return new short[(int) (millis * rate / 1000)];
    }

    static short[] speech(long millis, int rate) {
        AudioFormat format = new AudioFormat.Pcm(rate);
        return AudioCodec.decode(SyntheticAudio.speechLike(format, Duration.ofMillis(millis)), format);
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
