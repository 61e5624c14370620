package dev.realtimetck.tck.bridge;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.InputTranscription;
import dev.realtimetck.api.ItemDeleted;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolInfo;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.NoiseReduction;
import dev.realtimetck.api.Prompt;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTool;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.Signal;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.TurnStarted;
import dev.realtimetck.api.Usage;
import dev.realtimetck.api.UserContent;
import dev.realtimetck.api.audio.AudioFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Converts the API's Java values to and from the JSON shapes of the TypeScript API ({@code RealtimeItem},
 * {@code RealtimeSessionConfig}, the transport event payloads ...), as {@code Map}/{@code List} trees. Both sides of
 * the bridge use it: {@link BridgedTransport} encodes arguments and decodes events, a Java adapter does the reverse.
 * The shapes are documented in {@code tck/BRIDGE.md}; a value that does not fit fails with an
 * {@link IllegalArgumentException} naming the field.
 */
public final class BridgeCodec {

    private BridgeCodec() {
    }

    // ---------------------------------------------------------------- session configuration

    /** {@code RealtimeSessionConfig} (GA shape, camelCase; absent fields left out, "off" values as JSON null). */
    public static Map<String, Object> sessionConfig(RealtimeSessionConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "model", c.model());
        put(m, "instructions", c.instructions());
        put(m, "toolChoice", c.toolChoice());
        if (c.tools() != null) {
            m.put("tools", c.tools().stream().map(BridgeCodec::tool).toList());
        }
        put(m, "parallelToolCalls", c.parallelToolCalls());
        put(m, "reasoning", c.reasoning());
        if (c.tracing() != null) {
            m.put("tracing", tracing(c.tracing()));
        }
        if (c.prompt() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("promptId", c.prompt().promptId());
            put(p, "version", c.prompt().version());
            if (!c.prompt().variables().isEmpty()) {
                p.put("variables", c.prompt().variables());
            }
            m.put("prompt", p);
        }
        put(m, "outputModalities", c.outputModalities());
        if (c.audio() != null) {
            m.put("audio", audio(c.audio()));
        }
        put(m, "voice", c.voice());
        put(m, "providerData", c.providerData());
        return m;
    }

    /** The reverse of {@link #sessionConfig(RealtimeSessionConfig)}. */
    public static RealtimeSessionConfig sessionConfig(Map<String, Object> m) {
        RealtimeSessionConfig.Builder b = RealtimeSessionConfig.builder()
                .model(str(m, "model")).instructions(str(m, "instructions")).toolChoice(m.get("toolChoice"))
                .parallelToolCalls((Boolean) m.get("parallelToolCalls")).reasoning(obj(m, "reasoning"))
                .outputModalities(strings(m.get("outputModalities"))).voice(str(m, "voice"))
                .providerData(obj(m, "providerData"));
        if (m.get("tools") instanceof List<?> tools) {
            List<RealtimeTool> out = new ArrayList<>();
            for (Object t : tools) {
                out.add(tool(asObject(t, "tools[]")));
            }
            b.tools(out);
        }
        if (m.containsKey("tracing")) {
            b.tracing(tracing(m.get("tracing")));
        }
        if (m.get("prompt") instanceof Map<?, ?> p) {
            Map<String, Object> prompt = asObject(p, "prompt");
            b.prompt(new Prompt(str(prompt, "promptId"), str(prompt, "version"), obj(prompt, "variables")));
        }
        if (m.get("audio") instanceof Map<?, ?> a) {
            b.audio(audio(asObject(a, "audio")));
        }
        return b.build();
    }

    private static Map<String, Object> audio(AudioConfig a) {
        Map<String, Object> m = new LinkedHashMap<>();
        AudioInputConfig in = a.input();
        if (in != null) {
            Map<String, Object> i = new LinkedHashMap<>();
            if (in.format() != null) {
                i.put("format", format(in.format()));
            }
            if (in.noiseReduction() != null) {
                i.put("noiseReduction", in.noiseReduction() instanceof NoiseReduction.Config c
                        ? Map.of("type", c.type()) : null);
            }
            if (in.transcription() != null) {
                i.put("transcription", in.transcription() instanceof InputTranscription.Config c
                        ? transcription(c) : null);
            }
            if (in.turnDetection() != null) {
                i.put("turnDetection", in.turnDetection() instanceof TurnDetection.Config c
                        ? turnDetection(c) : null);
            }
            m.put("input", i);
        }
        AudioOutputConfig out = a.output();
        if (out != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            if (out.format() != null) {
                o.put("format", format(out.format()));
            }
            put(o, "voice", out.voice());
            put(o, "speed", out.speed());
            m.put("output", o);
        }
        return m;
    }

    private static AudioConfig audio(Map<String, Object> m) {
        AudioInputConfig input = null;
        if (m.get("input") instanceof Map<?, ?> raw) {
            Map<String, Object> i = asObject(raw, "audio.input");
            NoiseReduction nr = !i.containsKey("noiseReduction") ? null
                    : i.get("noiseReduction") == null ? NoiseReduction.disabled()
                    : NoiseReduction.of(str(asObject(i.get("noiseReduction"), "noiseReduction"), "type"));
            InputTranscription tr = !i.containsKey("transcription") ? null
                    : i.get("transcription") == null ? InputTranscription.disabled()
                    : transcription(asObject(i.get("transcription"), "transcription"));
            TurnDetection td = !i.containsKey("turnDetection") ? null
                    : i.get("turnDetection") == null ? TurnDetection.disabled()
                    : turnDetection(asObject(i.get("turnDetection"), "turnDetection"));
            input = new AudioInputConfig(format(i.get("format")), nr, tr, td);
        }
        AudioOutputConfig output = null;
        if (m.get("output") instanceof Map<?, ?> raw) {
            Map<String, Object> o = asObject(raw, "audio.output");
            Number speed = (Number) o.get("speed");
            output = new AudioOutputConfig(format(o.get("format")), str(o, "voice"),
                    speed == null ? null : speed.doubleValue());
        }
        return new AudioConfig(input, output);
    }

    /** An audio format as the GA definition object. */
    public static Map<String, Object> format(AudioFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", f.wireType());
        if (f instanceof AudioFormat.Pcm pcm) {
            m.put("rate", pcm.rate());
        }
        return m;
    }

    private static AudioFormat format(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String name) {
            return AudioFormat.parse(name);
        }
        Map<String, Object> m = asObject(raw, "format");
        String type = str(m, "type");
        if ("audio/pcm".equals(type) && m.get("rate") instanceof Number rate) {
            return new AudioFormat.Pcm(rate.intValue());
        }
        return AudioFormat.parse(type);
    }

    private static Map<String, Object> transcription(InputTranscription.Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "model", c.model());
        put(m, "language", c.language());
        put(m, "prompt", c.prompt());
        m.putAll(c.extra());
        return m;
    }

    private static InputTranscription transcription(Map<String, Object> m) {
        Map<String, Object> extra = new LinkedHashMap<>(m);
        extra.keySet().removeAll(List.of("model", "language", "prompt"));
        return new InputTranscription.Config(str(m, "model"), str(m, "language"), str(m, "prompt"), extra);
    }

    private static final List<String> TURN_KEYS = List.of("type", "createResponse", "interruptResponse",
            "prefixPaddingMs", "silenceDurationMs", "idleTimeoutMs", "threshold", "eagerness", "modelVersion");

    private static Map<String, Object> turnDetection(TurnDetection.Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "type", c.type());
        put(m, "createResponse", c.createResponse());
        put(m, "interruptResponse", c.interruptResponse());
        put(m, "prefixPaddingMs", c.prefixPaddingMs());
        put(m, "silenceDurationMs", c.silenceDurationMs());
        put(m, "idleTimeoutMs", c.idleTimeoutMs());
        put(m, "threshold", c.threshold());
        put(m, "eagerness", c.eagerness());
        put(m, "modelVersion", c.modelVersion());
        m.putAll(c.extra());
        return m;
    }

    private static TurnDetection turnDetection(Map<String, Object> m) {
        Map<String, Object> extra = new LinkedHashMap<>(m);
        extra.keySet().removeAll(TURN_KEYS);
        return TurnDetection.Config.builder().type(str(m, "type"))
                .createResponse((Boolean) m.get("createResponse")).interruptResponse((Boolean) m.get("interruptResponse"))
                .prefixPaddingMs(integer(m.get("prefixPaddingMs"))).silenceDurationMs(integer(m.get("silenceDurationMs")))
                .idleTimeoutMs(integer(m.get("idleTimeoutMs")))
                .threshold(m.get("threshold") == null ? null : ((Number) m.get("threshold")).doubleValue())
                .eagerness(str(m, "eagerness")).modelVersion(str(m, "modelVersion")).extra(extra).build();
    }

    private static Object tracing(TracingConfig t) {
        if (t instanceof TracingConfig.Auto) {
            return "auto";
        }
        if (t instanceof TracingConfig.Custom c) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "workflow_name", c.workflowName());
            put(m, "group_id", c.groupId());
            put(m, "metadata", c.metadata());
            return m;
        }
        return null;
    }

    private static TracingConfig tracing(Object raw) {
        if (raw == null) {
            return TracingConfig.disabled();
        }
        if ("auto".equals(raw)) {
            return TracingConfig.auto();
        }
        Map<String, Object> m = asObject(raw, "tracing");
        return new TracingConfig.Custom(str(m, "workflow_name"), str(m, "group_id"), obj(m, "metadata"));
    }

    private static Map<String, Object> tool(RealtimeTool t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t instanceof RealtimeTool.FunctionTool f) {
            m.put("type", "function");
            m.put("name", f.name());
            put(m, "description", f.description());
            put(m, "parameters", f.parameters());
            put(m, "strict", f.strict());
        } else if (t instanceof RealtimeTool.HostedMcpTool h) {
            m.put("type", "mcp");
            m.put("server_label", h.serverLabel());
            put(m, "server_url", h.serverUrl());
            put(m, "server_description", h.serverDescription());
            put(m, "connector_id", h.connectorId());
            put(m, "authorization", h.authorization());
            put(m, "headers", h.headers());
            put(m, "allowed_tools", h.allowedTools());
            put(m, "require_approval", h.requireApproval());
        }
        return m;
    }

    private static RealtimeTool tool(Map<String, Object> m) {
        if ("mcp".equals(m.get("type"))) {
            return new RealtimeTool.HostedMcpTool(str(m, "server_label"), str(m, "server_url"),
                    str(m, "server_description"), str(m, "connector_id"), str(m, "authorization"), obj(m, "headers"),
                    m.get("allowed_tools"), m.get("require_approval"));
        }
        return new RealtimeTool.FunctionTool(str(m, "name"), str(m, "description"), obj(m, "parameters"),
                (Boolean) m.get("strict"));
    }

    // ---------------------------------------------------------------- arguments of the sending methods

    /** {@code RealtimeUserInput}: a string, or a user message with input_text / input_image parts. */
    public static Object userInput(RealtimeUserInput input) {
        if (input instanceof RealtimeUserInput.Text t) {
            return t.text();
        }
        List<Object> content = new ArrayList<>();
        for (UserContent c : ((RealtimeUserInput.Message) input).content()) {
            Map<String, Object> part = new LinkedHashMap<>();
            if (c instanceof UserContent.InputText t) {
                part.put("type", "input_text");
                part.put("text", t.text());
            } else if (c instanceof UserContent.InputImage i) {
                part.put("type", "input_image");
                part.put("image", i.image());
                if (!i.providerData().isEmpty()) {
                    part.put("providerData", i.providerData());
                }
            }
            content.add(part);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("role", "user");
        m.put("content", content);
        return m;
    }

    /** The reverse of {@link #userInput(RealtimeUserInput)}. */
    public static RealtimeUserInput userInput(Object raw) {
        if (raw instanceof String s) {
            return RealtimeUserInput.text(s);
        }
        Map<String, Object> m = asObject(raw, "message");
        List<UserContent> content = new ArrayList<>();
        for (Object p : list(m, "content")) {
            Map<String, Object> part = asObject(p, "content[]");
            if ("input_image".equals(part.get("type"))) {
                content.add(new UserContent.InputImage(str(part, "image"), obj(part, "providerData")));
            } else {
                content.add(new UserContent.InputText(str(part, "text")));
            }
        }
        return RealtimeUserInput.message(content);
    }

    /** {@code TransportToolCallEvent}. */
    public static Map<String, Object> toolCall(TransportToolCallEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "function_call");
        m.put("id", e.id());
        m.put("callId", e.callId());
        m.put("name", e.name());
        m.put("arguments", e.arguments());
        put(m, "responseId", e.responseId());
        put(m, "previousItemId", e.previousItemId());
        return m;
    }

    /** The reverse of {@link #toolCall(TransportToolCallEvent)}. */
    public static TransportToolCallEvent toolCall(Map<String, Object> m) {
        return new TransportToolCallEvent(str(m, "id"), str(m, "callId"), str(m, "name"), str(m, "arguments"),
                str(m, "responseId"), str(m, "previousItemId"));
    }

    // ---------------------------------------------------------------- items

    /** {@code RealtimeItem} in the TypeScript shape (camelCase; an input_image part, which TypeScript does not model, in the wire shape {@code image_url}, {@code detail}). */
    public static Map<String, Object> item(RealtimeItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", item.itemId());
        m.put("type", item.type());
        if (item instanceof RealtimeItem.Message msg) {
            if (msg.hasPreviousItemId()) {
                m.put("previousItemId", msg.previousItemId()); // null: first in the conversation
            }
            m.put("role", msg.role().wireValue());
            if (msg.status() != null) {
                m.put("status", msg.status().wireValue());
            }
            m.put("content", msg.content().stream().map(BridgeCodec::part).toList());
        } else if (item instanceof RealtimeItem.FunctionCall fc) {
            put(m, "previousItemId", fc.previousItemId());
            put(m, "callId", fc.callId());
            m.put("name", fc.name());
            m.put("arguments", fc.arguments());
            m.put("status", fc.status().wireValue());
            m.put("output", fc.output());
        } else if (item instanceof RealtimeItem.McpCall mc) {
            put(m, "previousItemId", mc.previousItemId());
            m.put("status", mc.status().wireValue());
            m.put("name", mc.name());
            m.put("arguments", mc.arguments());
            m.put("output", mc.output());
        } else if (item instanceof RealtimeItem.McpApprovalRequest ar) {
            m.put("serverLabel", ar.serverLabel());
            m.put("name", ar.name());
            m.put("arguments", ar.arguments());
            m.put("approved", ar.approved());
        }
        return m;
    }

    /** The reverse of {@link #item(RealtimeItem)}. */
    public static RealtimeItem item(Map<String, Object> m) {
        String type = str(m, "type");
        String itemId = str(m, "itemId");
        if (type == null) {
            throw new IllegalArgumentException("item.type: missing");
        }
        return switch (type) {
            case "message" -> {
                List<ContentPart> content = new ArrayList<>();
                for (Object p : list(m, "content")) {
                    content.add(part(asObject(p, "content[]")));
                }
                // previousItemId has three states: an id, null (first in the conversation), absent (no placement)
                yield new RealtimeItem.Message(itemId, str(m, "previousItemId"), m.containsKey("previousItemId"),
                        Role.fromWire(str(m, "role")), content, status(m));
            }
            case "function_call" -> new RealtimeItem.FunctionCall(itemId, str(m, "previousItemId"),
                    str(m, "callId"), str(m, "name"), str(m, "arguments"), status(m), str(m, "output"));
            case "mcp_call", "mcp_tool_call" -> new RealtimeItem.McpCall(itemId, str(m, "previousItemId"), type,
                    status(m), str(m, "name"), str(m, "arguments"), str(m, "output"));
            case "mcp_approval_request" -> new RealtimeItem.McpApprovalRequest(itemId, str(m, "serverLabel"),
                    str(m, "name"), obj(m, "arguments"), (Boolean) m.get("approved"));
            default -> throw new IllegalArgumentException("item.type: unknown item type '" + type + "'");
        };
    }

    private static ItemStatus status(Map<String, Object> m) {
        String s = str(m, "status");
        return s == null ? null : ItemStatus.fromWire(s);
    }

    private static Map<String, Object> part(ContentPart p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type());
        if (p instanceof ContentPart.InputText t) {
            m.put("text", t.text());
        } else if (p instanceof ContentPart.OutputText t) {
            m.put("text", t.text());
        } else if (p instanceof ContentPart.InputAudio a) {
            m.put("audio", a.audio());
            m.put("transcript", a.transcript());
        } else if (p instanceof ContentPart.OutputAudio a) {
            m.put("audio", a.audio());
            m.put("transcript", a.transcript());
        } else if (p instanceof ContentPart.InputImage i) {
            m.put("image_url", i.imageUrl());
            put(m, "detail", i.detail());
        }
        return m;
    }

    private static ContentPart part(Map<String, Object> m) {
        String type = String.valueOf(m.get("type"));
        return switch (type) {
            case "input_text" -> new ContentPart.InputText(str(m, "text"));
            case "output_text" -> new ContentPart.OutputText(str(m, "text"));
            case "input_audio" -> new ContentPart.InputAudio(str(m, "audio"), str(m, "transcript"));
            case "output_audio" -> new ContentPart.OutputAudio(str(m, "audio"), str(m, "transcript"));
            case "input_image" -> new ContentPart.InputImage(m.containsKey("image_url") ? str(m, "image_url")
                    : str(m, "imageUrl"), str(m, "detail"));
            default -> throw new IllegalArgumentException("content[].type: unknown content part '" + type + "'");
        };
    }

    // ---------------------------------------------------------------- transport event payloads

    /**
     * The JSON payload of one emitted transport event ({@code null} for the events without one), keyed by the
     * TypeScript event name.
     */
    public static Object eventPayload(String name, Object payload) {
        if (payload == null || payload instanceof Signal) {
            return null;
        }
        if (payload instanceof ConnectionStatus s) {
            return s.wireValue();
        }
        if (payload instanceof RealtimeServerEvent e) {
            return e.toMap();
        }
        if (payload instanceof TransportError.ServerError e) {
            return Map.of("type", "error", "error", e.event().toMap());
        }
        if (payload instanceof TransportError.Failure f) {
            return Map.of("type", "error", "failure", BridgeErrors.describe(f.cause()));
        }
        if (payload instanceof TransportToolCallEvent e) {
            return toolCall(e);
        }
        if (payload instanceof TransportAudioEvent a) {
            return Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(a.copyBytes()),
                    "responseId", a.responseId());
        }
        if (payload instanceof TranscriptDelta d) {
            return Map.of("type", "transcript_delta", "itemId", d.itemId(), "delta", d.delta(),
                    "responseId", d.responseId());
        }
        if (payload instanceof TextDelta d) {
            return Map.of("type", "output_text_delta", "itemId", d.itemId(), "delta", d.delta(),
                    "responseId", d.responseId());
        }
        if (payload instanceof Usage u) {
            return usage(u);
        }
        if (payload instanceof RealtimeItem i) {
            return item(i);
        }
        if (payload instanceof ItemDeleted d) {
            return Map.of("itemId", d.itemId());
        }
        if (payload instanceof TurnStarted t) {
            return Map.of("type", "response_started", "providerData", t.providerData().toMap());
        }
        if (payload instanceof TurnDone t) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("id", t.response().id());
            response.put("output", t.response().output());
            response.put("usage", usage(t.response().usage()));
            return Map.of("type", "response_done", "response", response);
        }
        if (payload instanceof McpToolsListed l) {
            return Map.of("serverLabel", l.serverLabel(), "tools", l.tools().stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                put(m, "description", t.description());
                m.put("input_schema", t.inputSchema());
                m.putAll(t.extra());
                return m;
            }).toList());
        }
        throw new IllegalArgumentException(name + ": no bridge shape for " + payload.getClass().getName());
    }

    /**
     * Decodes the payload of a named transport event.
     *
     * @throws IllegalArgumentException naming the event when the payload does not fit the Java type
     */
    public static Object eventPayload(TransportEventType<?> type, Object raw, IntFunction<Throwable> refs) {
        try {
            return decode(type, raw, refs);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(type.name() + " payload: " + e.getMessage(), e);
        }
    }

    private static Object decode(TransportEventType<?> type, Object raw, IntFunction<Throwable> refs) {
        if (type == TransportEventType.AUDIO_DONE || type == TransportEventType.AUDIO_INTERRUPTED) {
            return Signal.INSTANCE;
        }
        if (type == TransportEventType.CONNECTION_CHANGE) {
            for (ConnectionStatus s : ConnectionStatus.values()) {
                if (s.wireValue().equals(raw)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown status " + raw);
        }
        Map<String, Object> m = asObject(raw, type.name());
        return switch (type.name()) {
            case "error" -> m.get("failure") instanceof Map<?, ?> f
                    ? new TransportError.Failure(BridgeErrors.exception(asObject(f, "failure"), refs))
                    : new TransportError.ServerError(serverEvent(m.get("error")));
            case "function_call" -> toolCall(m);
            case "audio" -> new TransportAudioEvent(ByteBuffer.wrap(Base64.getDecoder().decode(str(m, "data"))),
                    str(m, "responseId"));
            case "audio_transcript_delta" -> new TranscriptDelta(str(m, "delta"), str(m, "itemId"),
                    str(m, "responseId"));
            case "output_text_delta" -> new TextDelta(str(m, "delta"), str(m, "itemId"), str(m, "responseId"));
            case "usage_update" -> usage(m);
            case "item_update", "mcp_tool_call_completed", "mcp_approval_request" -> item(m);
            case "item_deleted" -> new ItemDeleted(str(m, "itemId"));
            case "turn_started" -> new TurnStarted(serverEvent(m.get("providerData")));
            case "turn_done" -> {
                Map<String, Object> r = asObject(m.get("response"), "response");
                List<Map<String, Object>> output = new ArrayList<>();
                if (r.get("output") instanceof List<?> l) {
                    for (Object o : l) {
                        output.add(asObject(o, "response.output[]"));
                    }
                }
                Object usage = r.get("usage");
                yield new TurnDone(new TurnDone.Response(str(r, "id"), output,
                        usage instanceof Map<?, ?> u ? usage(asObject(u, "usage")) : usage(Map.of())));
            }
            case "mcp_tools_listed" -> {
                List<McpToolInfo> tools = new ArrayList<>();
                for (Object t : list(m, "tools")) {
                    Map<String, Object> tool = asObject(t, "tools[]");
                    Map<String, Object> extra = new LinkedHashMap<>(tool);
                    extra.keySet().removeAll(List.of("name", "description", "input_schema"));
                    tools.add(new McpToolInfo(str(tool, "name"), str(tool, "description"),
                            obj(tool, "input_schema"), extra));
                }
                yield new McpToolsListed(str(m, "serverLabel"), tools);
            }
            default -> throw new IllegalArgumentException("unknown event " + type.name());
        };
    }

    /** A server event (the {@code '*'} payload and the payload of an event named after its server type). */
    public static RealtimeServerEvent serverEvent(Object raw) {
        return RealtimeServerEvent.of(asObject(raw, "event"));
    }

    private static Map<String, Object> usage(Usage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", u.requests());
        m.put("inputTokens", u.inputTokens());
        m.put("outputTokens", u.outputTokens());
        m.put("totalTokens", u.totalTokens());
        m.put("inputTokensDetails", u.inputTokensDetails());
        m.put("outputTokensDetails", u.outputTokensDetails());
        return m;
    }

    /** Usage; a details value that is a single object (as in TypeScript's turn_done) becomes a one-entry list. */
    private static Usage usage(Map<String, Object> m) {
        return new Usage(integer(m.getOrDefault("requests", 0)), number(m.get("inputTokens")),
                number(m.get("outputTokens")), number(m.get("totalTokens")), details(m.get("inputTokensDetails")),
                details(m.get("outputTokensDetails")));
    }

    private static List<Map<String, Object>> details(Object raw) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                out.add(asObject(o, "tokensDetails[]"));
            }
        } else if (raw instanceof Map<?, ?> single && !single.isEmpty()) {
            out.add(asObject(single, "tokensDetails"));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(key + ": expected a string, found " + v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object raw, String what) {
        if (raw instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + ": expected a JSON object, found " + raw);
    }

    static Map<String, Object> obj(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : asObject(v, key);
    }

    static List<?> list(Map<String, Object> m, String key) {
        if (m.get(key) instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(key + ": expected an array, found " + m.get(key));
    }

    private static List<String> strings(Object raw) {
        if (raw == null) {
            return null;
        }
        return ((List<?>) raw).stream().map(String::valueOf).toList();
    }

    private static Integer integer(Object raw) {
        return raw == null ? null : ((Number) raw).intValue();
    }

    private static long number(Object raw) {
        return raw == null ? 0 : ((Number) raw).longValue();
    }
}
