package dev.realtimetck.api;

/**
 * Audio settings ({@code audio}). Renders TypeScript {@code RealtimeAudioConfig}.
 *
 * @param input input settings, or null
 * @param output output settings, or null
 */
public record AudioConfig(AudioInputConfig input, AudioOutputConfig output) {
}
