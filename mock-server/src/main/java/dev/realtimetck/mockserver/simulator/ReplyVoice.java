package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import java.time.Duration;

/**
 * The simulated assistant voice: {@link SyntheticAudio#speechLike} audio, its pitch and syllable rate chosen by
 * the voice name, its length following the transcript ({@code speechMillisPerCharacter} per character, at least
 * 200 ms; none for an empty transcript). Equal inputs give equal audio.
 */
final class ReplyVoice {

    private ReplyVoice() {
    }

    static long durationMillis(String transcript, int millisPerCharacter) {
        if (transcript.isEmpty()) {
            return 0;
        }
        return Math.max(200L, (long) transcript.length() * millisPerCharacter);
    }

    static AudioClip synthesize(String transcript, String voice, AudioFormat format, int millisPerCharacter) {
        Duration duration = Duration.ofMillis(durationMillis(transcript, millisPerCharacter));
        byte[] wire = SyntheticAudio.speechLike(format, duration, voice.hashCode());
        return new AudioClip(AudioCodec.decode(wire, format), format);
    }
}
