package dev.realtimetck.referencetransport.differential;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.InputTranscription;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.NoiseReduction;
import dev.realtimetck.api.Prompt;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTool;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.UserContent;
import dev.realtimetck.api.audio.AudioFormat;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the arguments of a scenario step, written in the TypeScript API's JSON shapes (camelCase options, the
 * {@code RealtimeSessionConfig} GA shape, {@code RealtimeItem}s), into the Java API's values. Only the shapes the
 * scenarios use are accepted; anything else fails with the key that was not understood.
 */
final class ApiShapes {

    private ApiShapes() {
    }

    static RealtimeTransportConnectOptions connectOptions(Map<String, Object> options) {
        RealtimeTransportConnectOptions.Builder builder = RealtimeTransportConnectOptions.builder();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            switch (e.getKey()) {
                case "apiKey" -> builder.apiKey((String) e.getValue());
                case "model" -> builder.model((String) e.getValue());
                case "url" -> builder.url(URI.create((String) e.getValue()));
                case "callId" -> builder.callId((String) e.getValue());
                case "initialSessionConfig" -> builder.initialSessionConfig(sessionConfig(map(e.getValue())));
                default -> throw unknown("connect options", e.getKey());
            }
        }
        return builder.build();
    }

    static RealtimeSessionConfig sessionConfig(Map<String, Object> config) {
        RealtimeSessionConfig.Builder b = RealtimeSessionConfig.builder();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "instructions" -> b.instructions((String) v);
                case "model" -> b.model((String) v);
                case "voice" -> b.voice((String) v);
                case "toolChoice" -> b.toolChoice(v);
                case "parallelToolCalls" -> b.parallelToolCalls((Boolean) v);
                case "reasoning" -> b.reasoning(map(v));
                case "providerData" -> b.providerData(map(v));
                case "outputModalities" -> b.outputModalities(strings(v));
                case "prompt" -> {
                    Map<String, Object> p = map(v);
                    b.prompt(new Prompt((String) p.get("promptId"), (String) p.get("version"),
                            p.get("variables") == null ? null : map(p.get("variables"))));
                }
                case "tools" -> b.tools(list(v).stream().map(t -> tool(map(t))).toList());
                case "tracing" -> b.tracing(tracing(v));
                case "audio" -> b.audio(audio(map(v)));
                default -> throw unknown("session config", e.getKey());
            }
        }
        return b.build();
    }

    private static TracingConfig tracing(Object v) {
        if (v == null) {
            return TracingConfig.disabled();
        }
        if ("auto".equals(v)) {
            return TracingConfig.auto();
        }
        Map<String, Object> t = map(v);
        return new TracingConfig.Custom((String) t.get("workflow_name"), (String) t.get("group_id"),
                t.get("metadata") == null ? null : map(t.get("metadata")));
    }

    private static RealtimeTool tool(Map<String, Object> t) {
        if ("mcp".equals(t.get("type"))) {
            return new RealtimeTool.HostedMcpTool((String) t.get("server_label"), (String) t.get("server_url"),
                    (String) t.get("server_description"), (String) t.get("connector_id"),
                    (String) t.get("authorization"), t.get("headers") == null ? null : map(t.get("headers")),
                    t.get("allowed_tools"), t.get("require_approval"));
        }
        return new RealtimeTool.FunctionTool((String) t.get("name"), (String) t.get("description"),
                t.get("parameters") == null ? null : map(t.get("parameters")), (Boolean) t.get("strict"));
    }

    private static AudioConfig audio(Map<String, Object> audio) {
        AudioInputConfig input = null;
        AudioOutputConfig output = null;
        if (audio.get("input") != null) {
            Map<String, Object> in = map(audio.get("input"));
            requireKnown(in, "audio.input", Set.of("format", "noiseReduction", "transcription", "turnDetection"));
            input = new AudioInputConfig(format(in.get("format")),
                    in.containsKey("noiseReduction") ? noiseReduction(in.get("noiseReduction")) : null,
                    in.containsKey("transcription") ? transcription(in.get("transcription")) : null,
                    in.containsKey("turnDetection") ? turnDetection(in.get("turnDetection")) : null);
        }
        if (audio.get("output") != null) {
            Map<String, Object> out = map(audio.get("output"));
            requireKnown(out, "audio.output", Set.of("format", "voice", "speed"));
            output = new AudioOutputConfig(format(out.get("format")), (String) out.get("voice"),
                    out.get("speed") == null ? null : ((Number) out.get("speed")).doubleValue());
        }
        return new AudioConfig(input, output);
    }

    private static AudioFormat format(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String name) {
            return AudioFormat.parse(name);
        }
        Map<String, Object> f = map(v);
        if ("audio/pcm".equals(f.get("type"))) {
            return new AudioFormat.Pcm(f.get("rate") == null ? 24000 : ((Number) f.get("rate")).intValue());
        }
        return AudioFormat.parse((String) f.get("type"));
    }

    private static NoiseReduction noiseReduction(Object v) {
        return v == null ? NoiseReduction.disabled() : NoiseReduction.of((String) map(v).get("type"));
    }

    private static InputTranscription transcription(Object v) {
        if (v == null) {
            return InputTranscription.disabled();
        }
        Map<String, Object> t = new LinkedHashMap<>(map(v));
        String model = (String) t.remove("model");
        String language = (String) t.remove("language");
        String prompt = (String) t.remove("prompt");
        return new InputTranscription.Config(model, language, prompt, t);
    }

    /** TypeScript accepts camelCase and snake_case keys (camelCase wins); unknown keys go to {@code extra}. */
    private static TurnDetection turnDetection(Object v) {
        if (v == null) {
            return TurnDetection.disabled();
        }
        Map<String, Object> t = new LinkedHashMap<>(map(v));
        TurnDetection.Config.Builder b = TurnDetection.Config.builder();
        b.type((String) t.remove("type"));
        b.eagerness((String) t.remove("eagerness"));
        Object threshold = t.remove("threshold");
        b.threshold(threshold == null ? null : ((Number) threshold).doubleValue());
        b.createResponse((Boolean) either(t, "createResponse", "create_response"));
        b.interruptResponse((Boolean) either(t, "interruptResponse", "interrupt_response"));
        b.prefixPaddingMs(integer(either(t, "prefixPaddingMs", "prefix_padding_ms")));
        b.silenceDurationMs(integer(either(t, "silenceDurationMs", "silence_duration_ms")));
        b.idleTimeoutMs(integer(either(t, "idleTimeoutMs", "idle_timeout_ms")));
        b.modelVersion((String) either(t, "modelVersion", "model_version"));
        b.extra(t);
        return b.build();
    }

    private static Object either(Map<String, Object> m, String camel, String snake) {
        Object c = m.remove(camel);
        Object s = m.remove(snake);
        return c != null ? c : s;
    }

    private static Integer integer(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    static RealtimeUserInput userInput(Object message) {
        if (message instanceof String text) {
            return RealtimeUserInput.text(text);
        }
        List<UserContent> content = new ArrayList<>();
        for (Object part : list(map(message).get("content"))) {
            Map<String, Object> p = map(part);
            switch ((String) p.get("type")) {
                case "input_text" -> content.add(new UserContent.InputText((String) p.get("text")));
                case "input_image" -> content.add(new UserContent.InputImage((String) p.get("image"),
                        p.get("providerData") == null ? Map.of() : map(p.get("providerData"))));
                default -> throw unknown("user content", (String) p.get("type"));
            }
        }
        return RealtimeUserInput.message(content);
    }

    static TransportToolCallEvent toolCall(Map<String, Object> t) {
        return new TransportToolCallEvent((String) t.get("id"), (String) t.get("callId"), (String) t.get("name"),
                (String) t.get("arguments"), (String) t.get("responseId"), (String) t.get("previousItemId"));
    }

    static RealtimeItem.McpApprovalRequest approvalRequest(Map<String, Object> r) {
        return new RealtimeItem.McpApprovalRequest((String) r.get("itemId"), (String) r.get("serverLabel"),
                (String) r.get("name"), map(r.get("arguments")), (Boolean) r.get("approved"));
    }

    static List<RealtimeItem> history(Object items) {
        return list(items).stream().map(i -> item(map(i))).toList();
    }

    private static RealtimeItem item(Map<String, Object> i) {
        String itemId = (String) i.get("itemId");
        String previous = (String) i.get("previousItemId");
        ItemStatus status = i.get("status") == null ? null : ItemStatus.fromWire((String) i.get("status"));
        return switch ((String) i.get("type")) {
            case "message" -> new RealtimeItem.Message(itemId, previous, Role.fromWire((String) i.get("role")),
                    list(i.get("content")).stream().map(c -> contentPart(map(c))).toList(), status);
            case "function_call" -> new RealtimeItem.FunctionCall(itemId, previous, (String) i.get("callId"),
                    (String) i.get("name"), (String) i.get("arguments"), status, (String) i.get("output"));
            case "mcp_call", "mcp_tool_call" -> new RealtimeItem.McpCall(itemId, previous, (String) i.get("type"),
                    status, (String) i.get("name"), (String) i.get("arguments"), (String) i.get("output"));
            default -> throw unknown("history item", (String) i.get("type"));
        };
    }

    private static ContentPart contentPart(Map<String, Object> p) {
        return switch ((String) p.get("type")) {
            case "input_text" -> new ContentPart.InputText((String) p.get("text"));
            case "output_text" -> new ContentPart.OutputText((String) p.get("text"));
            case "input_audio" -> new ContentPart.InputAudio((String) p.get("audio"), (String) p.get("transcript"));
            case "output_audio" -> new ContentPart.OutputAudio((String) p.get("audio"), (String) p.get("transcript"));
            case "input_image" -> new ContentPart.InputImage((String) p.get("image_url"), (String) p.get("detail"));
            default -> throw unknown("content part", (String) p.get("type"));
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, was " + v);
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array, was " + v);
        }
        return (List<Object>) v;
    }

    private static List<String> strings(Object v) {
        return list(v).stream().map(String.class::cast).toList();
    }

    private static void requireKnown(Map<String, Object> m, String where, Set<String> known) {
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                throw unknown(where, key);
            }
        }
    }

    private static IllegalArgumentException unknown(String where, String key) {
        return new IllegalArgumentException("differential scenario: " + where + ": key or type '" + key
                + "' is not mapped to the Java API (extend ApiShapes)");
    }
}
