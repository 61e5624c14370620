package dev.realtimetck.api;

import dev.realtimetck.api.audio.AudioFormat;

/**
 * Input audio settings ({@code audio.input}). Renders TypeScript {@code RealtimeAudioInputConfig}. Every field is
 * optional; null means "unspecified".
 *
 * @param format the input format
 * @param noiseReduction noise reduction, or {@link NoiseReduction#disabled()}
 * @param transcription transcription, or {@link InputTranscription#disabled()}
 * @param turnDetection turn detection, or {@link TurnDetection#disabled()}
 */
public record AudioInputConfig(AudioFormat format, NoiseReduction noiseReduction, InputTranscription transcription,
        TurnDetection turnDetection) {
}
