package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;

/**
 * The simulated assistant voice: deterministic, speech-like audio whose length follows the transcript
 * ({@code speechMillisPerCharacter} per character, at least 200 ms).
 */
final class ReplyVoice {

    private ReplyVoice() {
    }

    static long durationMillis(String transcript, int millisPerCharacter) {
        return Math.max(200L, (long) transcript.length() * millisPerCharacter);
    }

    static AudioClip synthesize(String transcript, AudioFormat format, int millisPerCharacter) {
        long millis = durationMillis(transcript, millisPerCharacter);
        int rate = format.sampleRate();
        short[] samples = new short[(int) (millis * rate / 1000)];
        // a 140 Hz voice with three harmonics, its loudness rising and falling four times a second like syllables
        for (int i = 0; i < samples.length; i++) {
            double t = (double) i / rate;
            double syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
            double voice = Math.sin(2 * Math.PI * 140 * t) + 0.5 * Math.sin(2 * Math.PI * 280 * t)
                    + 0.25 * Math.sin(2 * Math.PI * 420 * t);
            samples[i] = (short) Math.round(voice / 1.75 * syllable * 0.5 * Short.MAX_VALUE);
        }
        return new AudioClip(samples, format);
    }
}
