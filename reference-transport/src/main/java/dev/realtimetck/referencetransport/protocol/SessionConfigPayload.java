package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.InputTranscription;
import dev.realtimetck.api.NoiseReduction;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.TracingConfig;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules A16-A23: the {@code session} object of {@code session.update}. A full merge with defaults, not a diff
 * (A17/X14: every call resends every field). Tracing is never part of it (A23); {@link #tracing} renders the
 * separate tracing follow-up of A3.
 */
final class SessionConfigPayload {

    static final String DEFAULT_TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";

    private SessionConfigPayload() {
    }

    /**
     * The session payload.
     *
     * @param config the config, null for all defaults
     * @param model the model to use when {@code config.model()} is null
     * @throws IllegalArgumentException for invalid tool settings (A22), before anything is sent
     */
    static ObjectNode build(RealtimeSessionConfig config, String model) {
        RealtimeSessionConfig c = config == null ? RealtimeSessionConfig.empty() : config;
        ObjectNode s = Json.object();
        s.put("type", "realtime");
        Json.putIfPresent(s, "instructions", c.instructions());
        Json.putIfPresent(s, "model", c.model() != null ? c.model() : model);
        Json.putIfPresent(s, "output_modalities", c.outputModalities() != null ? c.outputModalities() : List.of("audio"));
        s.set("audio", audio(c.audio(), c.voice()));
        Json.putIfPresent(s, "tool_choice", c.toolChoice());
        Json.putIfPresent(s, "parallel_tool_calls", c.parallelToolCalls());
        Json.putIfPresent(s, "reasoning", c.reasoning());
        Json.spread(s, c.providerData());
        if (c.prompt() != null) {
            ObjectNode prompt = s.putObject("prompt");
            prompt.put("id", c.prompt().promptId());
            Json.putIfPresent(prompt, "version", c.prompt().version());
            if (!c.prompt().variables().isEmpty()) {
                prompt.set("variables", Json.tree(c.prompt().variables()));
            }
        }
        if (c.tools() != null && !c.tools().isEmpty()) {
            s.set("tools", ToolMapping.toWire(c.tools()));
        }
        return s;
    }

    private static ObjectNode audio(AudioConfig audio, String topLevelVoice) {
        AudioInputConfig in = audio == null ? null : audio.input();
        AudioOutputConfig out = audio == null ? null : audio.output();
        ObjectNode node = Json.object();
        ObjectNode input = node.putObject("input");
        input.set("format", AudioFormats.toWire(in == null ? null : in.format()));
        input.set("noise_reduction", noiseReduction(in == null ? null : in.noiseReduction()));
        input.set("transcription", transcription(in == null ? null : in.transcription()));
        input.set("turn_detection", TurnDetectionMapping.toWire(in == null ? null : in.turnDetection()));
        ObjectNode output = node.putObject("output");
        output.set("format", AudioFormats.toWire(out == null ? null : out.format()));
        String voice = out != null && out.voice() != null ? out.voice() : topLevelVoice;
        Json.putIfPresent(output, "voice", voice);
        output.set("speed", Json.number(out != null && out.speed() != null ? out.speed() : 1));
        return node;
    }

    private static JsonNode noiseReduction(NoiseReduction value) {
        if (value instanceof NoiseReduction.Config config) {
            return Json.event(config.type());
        }
        return Json.NODES.nullNode();
    }

    private static JsonNode transcription(InputTranscription value) {
        if (value == null) {
            ObjectNode node = Json.object();
            node.put("model", DEFAULT_TRANSCRIPTION_MODEL);
            return node;
        }
        if (value instanceof InputTranscription.Config config) {
            ObjectNode node = Json.object();
            Json.putIfPresent(node, "model", config.model());
            Json.putIfPresent(node, "language", config.language());
            Json.putIfPresent(node, "prompt", config.prompt());
            Json.spread(node, config.extra());
            return node;
        }
        return Json.NODES.nullNode();
    }

    /**
     * The A3 tracing value for the follow-up {@code session.update}, or null when none is to be sent.
     *
     * @param initial the tracing of the initial config (null: unspecified)
     * @param serverTracing {@code session.tracing} of {@code session.created}, null when absent
     */
    static JsonNode tracing(TracingConfig initial, JsonNode serverTracing) {
        if (initial == null || initial instanceof TracingConfig.Auto) {
            return Json.NODES.stringNode("auto");
        }
        if (serverTracing != null && serverTracing.isObject()) {
            return null; // the server already holds a tracing object; JS keeps it (X15)
        }
        if (initial instanceof TracingConfig.Custom custom) {
            ObjectNode node = Json.object();
            Json.putIfPresent(node, "workflow_name", custom.workflowName());
            Json.putIfPresent(node, "group_id", custom.groupId());
            Json.putIfPresent(node, "metadata", custom.metadata());
            return node;
        }
        return Json.NODES.nullNode();
    }
}
