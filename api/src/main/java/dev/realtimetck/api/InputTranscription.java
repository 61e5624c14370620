package dev.realtimetck.api;

import java.util.Map;

/**
 * Input audio transcription ({@code audio.input.transcription}). Renders TypeScript
 * {@code RealtimeInputAudioTranscriptionConfig}. A null field in {@link AudioInputConfig} means "unspecified"
 * (the reference transport then sends its default); {@link #disabled()} is the explicit JSON {@code null}.
 */
public sealed interface InputTranscription permits InputTranscription.Off, InputTranscription.Config {

    /** Transcription explicitly off (JSON {@code null}). */
    static InputTranscription disabled() {
        return Off.INSTANCE;
    }

    /** Transcription with a model and nothing else. */
    static InputTranscription model(String model) {
        return new Config(model, null, null, Map.of());
    }

    /** Explicitly off. */
    enum Off implements InputTranscription {
        /** The only value. */
        INSTANCE
    }

    /**
     * A transcription configuration.
     *
     * @param model the transcription model, or null
     * @param language the input language (ISO-639-1), or null
     * @param prompt a prompt to guide the transcription, or null
     * @param extra other keys passed through verbatim (for example {@code keywords}, {@code delay}); may be empty
     */
    record Config(String model, String language, String prompt, Map<String, Object> extra)
            implements InputTranscription {
        /** Copies. */
        public Config {
            extra = JsonValues.copyOrEmpty(extra);
        }
    }
}
