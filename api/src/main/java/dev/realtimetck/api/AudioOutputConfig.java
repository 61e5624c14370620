package dev.realtimetck.api;

import dev.realtimetck.api.audio.AudioFormat;

/**
 * Output audio settings ({@code audio.output}). Renders TypeScript {@code RealtimeAudioOutputConfig}. Every field
 * is optional; null means "unspecified".
 *
 * @param format the output format
 * @param voice the voice, for example {@code alloy}
 * @param speed the speaking speed, positive
 */
public record AudioOutputConfig(AudioFormat format, String voice, Double speed) {
    /** Validates. */
    public AudioOutputConfig {
        if (speed != null && !(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
    }
}
