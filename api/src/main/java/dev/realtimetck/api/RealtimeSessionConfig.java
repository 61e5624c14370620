package dev.realtimetck.api;

import java.util.List;
import java.util.Map;

/**
 * A (partial) session configuration. Renders the GA shape of TypeScript {@code RealtimeSessionConfig}
 * ({@code Partial<RealtimeSessionConfig>} where the interface takes a partial config). Every field is optional;
 * null means "unspecified".
 *
 * <p>Deliberate differences from TypeScript: the deprecated flat config shape ({@code modalities},
 * {@code inputAudioFormat}, {@code turnDetection} at the top level, ...) is not modelled; the legacy format
 * strings are, through {@link dev.realtimetck.api.audio.AudioFormat#parse}. Explicit JSON {@code null} settings
 * are values of their own ({@link TurnDetection#disabled()}, {@link InputTranscription#disabled()},
 * {@link NoiseReduction#disabled()}, {@link TracingConfig#disabled()}).
 *
 * @param instructions system instructions
 * @param model the model
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"}, or a tool-choice object
 * @param tools the tools
 * @param parallelToolCalls whether tool calls may run in parallel
 * @param reasoning reasoning settings, for example {@code {"effort":"low"}}
 * @param tracing tracing
 * @param prompt a stored prompt
 * @param outputModalities {@code ["audio"]} or {@code ["text"]}
 * @param audio audio input and output settings
 * @param voice the voice (the reference transport prefers {@code audio.output.voice})
 * @param providerData extra top-level keys merged into the wire payload
 */
public record RealtimeSessionConfig(String instructions, String model, Object toolChoice, List<RealtimeTool> tools,
        Boolean parallelToolCalls, Map<String, Object> reasoning, TracingConfig tracing, Prompt prompt,
        List<String> outputModalities, AudioConfig audio, String voice, Map<String, Object> providerData) {

    /** Validates and copies. */
    @SuppressWarnings("unchecked")
    public RealtimeSessionConfig {
        if (toolChoice != null && !(toolChoice instanceof String)) {
            if (!(toolChoice instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("toolChoice: expected a string or an object, found "
                        + toolChoice.getClass().getName());
            }
            toolChoice = JsonValues.copyOf((Map<String, ?>) map);
        }
        tools = Checks.listOf(tools, "tools");
        reasoning = JsonValues.copyOf(reasoning);
        outputModalities = Checks.listOf(outputModalities, "outputModalities");
        providerData = JsonValues.copyOf(providerData);
    }

    /** An empty (all unspecified) configuration. */
    public static RealtimeSessionConfig empty() {
        return builder().build();
    }

    /** A builder with every field unspecified. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().instructions(instructions).model(model).toolChoice(toolChoice).tools(tools)
                .parallelToolCalls(parallelToolCalls).reasoning(reasoning).tracing(tracing).prompt(prompt)
                .outputModalities(outputModalities).audio(audio).voice(voice).providerData(providerData);
    }

    /** Builds {@link RealtimeSessionConfig}. */
    public static final class Builder {
        private String instructions;
        private String model;
        private Object toolChoice;
        private List<RealtimeTool> tools;
        private Boolean parallelToolCalls;
        private Map<String, Object> reasoning;
        private TracingConfig tracing;
        private Prompt prompt;
        private List<String> outputModalities;
        private AudioConfig audio;
        private String voice;
        private Map<String, Object> providerData;

        private Builder() {
        }

        /** Sets {@code instructions}. */
        public Builder instructions(String v) {
            instructions = v;
            return this;
        }

        /** Sets {@code model}. */
        public Builder model(String v) {
            model = v;
            return this;
        }

        /** Sets {@code toolChoice}: a string or a JSON object. */
        public Builder toolChoice(Object v) {
            toolChoice = v;
            return this;
        }

        /** Sets {@code tools}. */
        public Builder tools(List<RealtimeTool> v) {
            tools = v;
            return this;
        }

        /** Sets {@code parallelToolCalls}. */
        public Builder parallelToolCalls(Boolean v) {
            parallelToolCalls = v;
            return this;
        }

        /** Sets {@code reasoning}. */
        public Builder reasoning(Map<String, Object> v) {
            reasoning = v;
            return this;
        }

        /** Sets {@code tracing}. */
        public Builder tracing(TracingConfig v) {
            tracing = v;
            return this;
        }

        /** Sets {@code prompt}. */
        public Builder prompt(Prompt v) {
            prompt = v;
            return this;
        }

        /** Sets {@code outputModalities}. */
        public Builder outputModalities(List<String> v) {
            outputModalities = v;
            return this;
        }

        /** Sets {@code audio}. */
        public Builder audio(AudioConfig v) {
            audio = v;
            return this;
        }

        /** Sets {@code voice}. */
        public Builder voice(String v) {
            voice = v;
            return this;
        }

        /** Sets {@code providerData}. */
        public Builder providerData(Map<String, Object> v) {
            providerData = v;
            return this;
        }

        /** Builds the configuration. */
        public RealtimeSessionConfig build() {
            return new RealtimeSessionConfig(instructions, model, toolChoice, tools, parallelToolCalls, reasoning,
                    tracing, prompt, outputModalities, audio, voice, providerData);
        }
    }
}
