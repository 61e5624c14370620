package dev.realtimetck.api;

import java.util.Map;

/**
 * Turn detection ({@code audio.input.turn_detection}). Renders TypeScript {@code RealtimeTurnDetectionConfig}
 * (its camelCase keys; the wire uses snake_case). A null field in {@link AudioInputConfig} means "unspecified";
 * {@link #disabled()} is the explicit JSON {@code null} (no turn detection).
 */
public sealed interface TurnDetection permits TurnDetection.Off, TurnDetection.Config {

    /** Turn detection explicitly off (JSON {@code null}). */
    static TurnDetection disabled() {
        return Off.INSTANCE;
    }

    /** Server VAD with server defaults. */
    static Config serverVad() {
        return Config.builder().type("server_vad").build();
    }

    /** Semantic VAD with server defaults. */
    static Config semanticVad() {
        return Config.builder().type("semantic_vad").build();
    }

    /** Explicitly off. */
    enum Off implements TurnDetection {
        /** The only value. */
        INSTANCE
    }

    /**
     * A turn-detection configuration; every field is optional.
     *
     * @param type {@code server_vad} or {@code semantic_vad}
     * @param createResponse whether the server creates a response when a turn ends
     * @param interruptResponse whether the server cancels an ongoing response when speech starts
     * @param prefixPaddingMs audio kept before detected speech, in ms
     * @param silenceDurationMs silence that ends a turn, in ms
     * @param idleTimeoutMs idle time after which the server prompts, in ms
     * @param threshold activation threshold, 0 to 1
     * @param eagerness semantic VAD eagerness ({@code low}, {@code medium}, {@code high}, {@code auto})
     * @param modelVersion VAD model version
     * @param extra other keys passed through verbatim; may be empty
     */
    record Config(String type, Boolean createResponse, Boolean interruptResponse, Integer prefixPaddingMs,
            Integer silenceDurationMs, Integer idleTimeoutMs, Double threshold, String eagerness,
            String modelVersion, Map<String, Object> extra) implements TurnDetection {

        /** Copies. */
        public Config {
            extra = JsonValues.copyOrEmpty(extra);
        }

        /** A builder with every field unset. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Config}. */
        public static final class Builder {
            private String type;
            private Boolean createResponse;
            private Boolean interruptResponse;
            private Integer prefixPaddingMs;
            private Integer silenceDurationMs;
            private Integer idleTimeoutMs;
            private Double threshold;
            private String eagerness;
            private String modelVersion;
            private Map<String, Object> extra = Map.of();

            private Builder() {
            }

            /** Sets {@code type}. */
            public Builder type(String v) {
                type = v;
                return this;
            }

            /** Sets {@code createResponse}. */
            public Builder createResponse(Boolean v) {
                createResponse = v;
                return this;
            }

            /** Sets {@code interruptResponse}. */
            public Builder interruptResponse(Boolean v) {
                interruptResponse = v;
                return this;
            }

            /** Sets {@code prefixPaddingMs}. */
            public Builder prefixPaddingMs(Integer v) {
                prefixPaddingMs = v;
                return this;
            }

            /** Sets {@code silenceDurationMs}. */
            public Builder silenceDurationMs(Integer v) {
                silenceDurationMs = v;
                return this;
            }

            /** Sets {@code idleTimeoutMs}. */
            public Builder idleTimeoutMs(Integer v) {
                idleTimeoutMs = v;
                return this;
            }

            /** Sets {@code threshold}. */
            public Builder threshold(Double v) {
                threshold = v;
                return this;
            }

            /** Sets {@code eagerness}. */
            public Builder eagerness(String v) {
                eagerness = v;
                return this;
            }

            /** Sets {@code modelVersion}. */
            public Builder modelVersion(String v) {
                modelVersion = v;
                return this;
            }

            /** Sets the pass-through keys. */
            public Builder extra(Map<String, Object> v) {
                extra = v;
                return this;
            }

            /** Builds the configuration. */
            public Config build() {
                return new Config(type, createResponse, interruptResponse, prefixPaddingMs, silenceDurationMs,
                        idleTimeoutMs, threshold, eagerness, modelVersion, extra);
            }
        }
    }
}
