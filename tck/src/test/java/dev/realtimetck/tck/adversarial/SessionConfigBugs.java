package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.SESSION_CONFIG;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose session.update payloads are wrong (A1-A3, A16-A23, C7). */
final class SessionConfigBugs {

    private SessionConfigBugs() {
    }

    /** C7 (MUST), session config: the initial session.update has no model. */
    @Bug(rules = {"C7", "A1"}, category = SESSION_CONFIG,
            mistake = "the initial session.update leaves session.model out, relying on the ?model= of the URL")
    static final class InitialUpdateWithoutModel extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return firstSessionUpdateOfConnection(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).remove("model");
        }
    }

    /** C7 (MUST), session config: initialSessionConfig.model wins over the connect model. */
    @Bug(rules = "C7", category = SESSION_CONFIG,
            mistake = "the initial session.update takes initialSessionConfig.model when set, instead of the resolved connect model")
    static final class InitialConfigModelWins extends BuggyTransport implements FrameHooks {
        private volatile String configModel;
        private final FrameBug counter = new FrameBug() {
        };

        InitialConfigModelWins(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            counter.seam = seam;
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            configModel = options.initialSessionConfig() == null ? null : options.initialSessionConfig().model();
            return super.connect(options);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (frame != null && counter.firstSessionUpdateOfConnection(frame) && configModel != null) {
                ((ObjectNode) frame.get("session")).put("model", configModel);
                out.send(frame);
            } else {
                out.send(text);
            }
        }
    }

    /** A1 (MUST), session config: connect completes before the initial session.update is written. */
    @Bug(rules = "A1", category = SESSION_CONFIG,
            mistake = "connect completes when the socket opens and the initial session.update is written later from a background task, so frames sent right after connect overtake it")
    static final class InitialUpdateFromBackground extends FrameBug {
        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (frame != null && firstSessionUpdateOfConnection(frame)) {
                seam.writeLater(Duration.ofMillis(150), List.of(text));
            } else {
                out.send(text);
            }
        }
    }

    /** A2 (SHOULD), session config: the initial session.update goes before the connected listeners run. */
    @Bug(rules = "A2", category = SESSION_CONFIG,
            mistake = "the initial session.update is written in onOpen before the connected listeners are notified, so a frame a connected listener sends comes second")
    static final class InitialUpdateBeforeListeners extends FrameBug {
        private final List<String> held = new ArrayList<>();
        private int connection = -1;
        private boolean initialSeen;

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (seam.opened() != connection) {
                connection = seam.opened();
                initialSeen = false;
                held.clear();
            }
            if (initialSeen) {
                out.send(text);
            } else if (isType(frame, "session.update")) {
                initialSeen = true;
                out.send(text);
                held.forEach(out::send);
                held.clear();
            } else {
                held.add(text);
            }
        }
    }

    /** A3 (SHOULD), session config: no tracing follow-up. */
    @Bug(rules = {"A3", "B23"}, category = SESSION_CONFIG,
            mistake = "the transport never answers session.created with the tracing session.update")
    static final class NoTracingFollowUp extends FrameBug {
        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (frame == null || !isTracingUpdate(frame)) {
                out.send(text);
            }
        }
    }

    /** A3 (SHOULD), session config: tracing null sent as auto. */
    @Bug(rules = "A3", category = SESSION_CONFIG,
            mistake = "the tracing follow-up writes tracing ?: \"auto\", turning a configured null (tracing off) into \"auto\"")
    static final class TracingNullSentAsAuto extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isTracingUpdate(frame) && frame.get("session").get("tracing").isNull();
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).put("tracing", "auto");
        }
    }

    /** A3 (SHOULD), session config: the tracing follow-up carries more than type and tracing. */
    @Bug(rules = "A3", category = SESSION_CONFIG,
            mistake = "the tracing follow-up reuses the session payload builder and also carries output_modalities")
    static final class TracingUpdateCarriesMore extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isTracingUpdate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).putArray("output_modalities").add("audio");
        }
    }

    /** A23 (MUST), session config: tracing in every payload. */
    @Bug(rules = "A23", category = SESSION_CONFIG,
            mistake = "the session payload builder includes tracing, so updateSessionConfig and the initial update carry it")
    static final class TracingInEveryUpdate extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame) && !frame.get("session").has("tracing");
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).put("tracing", "auto");
        }
    }

    /** A16 (MUST), session config: session.update gets an event_id. */
    @Bug(rules = "A16", category = SESSION_CONFIG,
            mistake = "updateSessionConfig adds an event_id to session.update to correlate the session.updated answer")
    static final class SessionUpdateEventId extends FrameBug.Rewrite {
        private int next;

        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame) && !frame.has("event_id");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.put("event_id", "session_update_" + (++next));
        }
    }

    /** A17 (MUST), session config: a diff instead of the whole configuration. */
    @Bug(rules = "A17", category = SESSION_CONFIG,
            mistake = "session.update sends only what differs from the defaults (a partial update), not the whole configuration merged with defaults")
    static final class DefaultsLeftOut extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ObjectNode session = (ObjectNode) frame.get("session");
            removeIf(session, "output_modalities", "[\"audio\"]");
            ObjectNode input = Json.at(session, "audio", "input");
            if (input != null) {
                removeIf(input, "format", "{\"type\":\"audio/pcm\",\"rate\":24000}");
                removeIf(input, "noise_reduction", "null");
                removeIf(input, "transcription", "{\"model\":\"gpt-4o-mini-transcribe\"}");
                removeIf(input, "turn_detection", "{\"type\":\"semantic_vad\"}");
            }
            ObjectNode output = Json.at(session, "audio", "output");
            if (output != null) {
                removeIf(output, "format", "{\"type\":\"audio/pcm\",\"rate\":24000}");
                JsonNode speed = output.get("speed");
                if (speed != null && speed.isNumber() && speed.asDouble() == 1.0) {
                    output.remove("speed");
                }
            }
        }

        private static void removeIf(ObjectNode node, String key, String defaultJson) {
            JsonNode value = node.get(key);
            if (value != null && value.equals(Json.MAPPER.readTree(defaultJson))) {
                node.remove(key);
            }
        }
    }

    /** A17 (MUST), session config: explicit nulls dropped. */
    @Bug(rules = "A17", category = SESSION_CONFIG,
            mistake = "the session payload is serialised with NON_NULL inclusion, so \"noise_reduction\":null and other explicit nulls vanish")
    static final class SessionNullsDropped extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            removeNulls(frame.get("session"));
        }
    }

    /** A17 (SHOULD default), session config: server_vad default. */
    @Bug(rules = {"A17", "A20"}, category = SESSION_CONFIG,
            mistake = "the default turn detection is server_vad (the beta default) instead of semantic_vad")
    static final class ServerVadDefault extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            ObjectNode turn = turnDetection(frame);
            return turn != null && turn.size() == 1 && "semantic_vad".equals(Json.text(turn, "type"));
        }

        @Override
        void rewrite(ObjectNode frame) {
            turnDetection(frame).put("type", "server_vad");
        }
    }

    /** A17 (MUST), session config: parallel_tool_calls false dropped. */
    @Bug(rules = "A17", category = SESSION_CONFIG,
            mistake = "parallel_tool_calls is written only when truthy (if (parallelToolCalls)), so false is lost")
    static final class ParallelToolCallsFalseDropped extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            JsonNode value = Json.at(frame, "session") == null ? null : frame.get("session").get("parallel_tool_calls");
            return isFullSessionUpdate(frame) && value != null && value.isBoolean() && !value.asBoolean();
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).remove("parallel_tool_calls");
        }
    }

    /** A17 (MUST), session config: updateSessionConfig without model. */
    @Bug(rules = "A17", category = SESSION_CONFIG,
            mistake = "only the initial session.update carries the model; updateSessionConfig leaves it out")
    static final class UpdateWithoutModel extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            boolean first = firstSessionUpdateOfConnection(frame);
            return !first && isFullSessionUpdate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).remove("model");
        }
    }

    /** A17 (MUST), session config: providerData ignored. */
    @Bug(rules = "A17", category = SESSION_CONFIG,
            mistake = "the session payload mapping never spreads providerData into the payload")
    static final class ProviderDataIgnored extends BuggyTransport {
        ProviderDataIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            super.updateSessionConfig(config.toBuilder().providerData(null).build());
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            RealtimeSessionConfig initial = options.initialSessionConfig();
            return super.connect(initial == null ? options : new RealtimeTransportConnectOptions(options.apiKey(),
                    options.model(), options.url(), options.callId(), initial.toBuilder().providerData(null).build()));
        }
    }

    /** A21 (MUST), session config: a top-level voice alone is ignored. */
    @Bug(rules = "A21", category = SESSION_CONFIG,
            mistake = "the voice is read only from audio.output.voice; a top-level voice is ignored")
    static final class TopLevelVoiceIgnored extends BuggyTransport {
        TopLevelVoiceIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        static RealtimeSessionConfig map(RealtimeSessionConfig config) {
            return config == null ? null : config.toBuilder().voice(null).build();
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            super.updateSessionConfig(map(config));
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return super.connect(new RealtimeTransportConnectOptions(options.apiKey(), options.model(), options.url(),
                    options.callId(), map(options.initialSessionConfig())));
        }
    }

    /** A21 (MUST), session config: the top-level voice wins. */
    @Bug(rules = "A21", category = SESSION_CONFIG,
            mistake = "the top-level voice overrides audio.output.voice when both are given (the priority is inverted)")
    static final class TopLevelVoiceWins extends BuggyTransport {
        TopLevelVoiceWins(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        static RealtimeSessionConfig map(RealtimeSessionConfig config) {
            if (config == null || config.voice() == null || config.audio() == null
                    || config.audio().output() == null || config.audio().output().voice() == null) {
                return config;
            }
            AudioOutputConfig output = config.audio().output();
            return config.toBuilder().audio(new AudioConfig(config.audio().input(),
                    new AudioOutputConfig(output.format(), config.voice(), output.speed()))).build();
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            super.updateSessionConfig(map(config));
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return super.connect(new RealtimeTransportConnectOptions(options.apiKey(), options.model(), options.url(),
                    options.callId(), map(options.initialSessionConfig())));
        }
    }

    /** A19 (MUST), session config: G.711 formats get a rate. */
    @Bug(rules = "A19", category = SESSION_CONFIG,
            mistake = "every audio format is written with a rate, so G.711 becomes {\"type\":\"audio/pcmu\",\"rate\":8000}")
    static final class G711WithRate extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isType(frame, "session.update") && formats(frame).stream().anyMatch(G711WithRate::g711);
        }

        private static boolean g711(ObjectNode format) {
            String type = Json.text(format, "type");
            return "audio/pcmu".equals(type) || "audio/pcma".equals(type);
        }

        @Override
        void rewrite(ObjectNode frame) {
            formats(frame).stream().filter(G711WithRate::g711).forEach(format -> format.put("rate", 8000));
        }
    }

    /** A19 (MUST), session config: the PCM rate is always 24000. */
    @Bug(rules = "A19", category = SESSION_CONFIG,
            mistake = "an audio/pcm format is always written with rate 24000, whatever rate was configured")
    static final class PcmRateForced extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isType(frame, "session.update");
        }

        @Override
        void rewrite(ObjectNode frame) {
            formats(frame).stream().filter(format -> "audio/pcm".equals(Json.text(format, "type")))
                    .forEach(format -> format.put("rate", 24000));
        }
    }

    /** A20 (MUST), session config: turn detection keys stay camelCase. */
    @Bug(rules = "A20", category = SESSION_CONFIG,
            mistake = "turn detection is serialised with the Java field names (createResponse, silenceDurationMs, ...) instead of snake_case")
    static final class TurnDetectionCamelCase extends FrameBug.Rewrite {
        private static final Map<String, String> NAMES = Map.of("create_response", "createResponse",
                "interrupt_response", "interruptResponse", "prefix_padding_ms", "prefixPaddingMs",
                "silence_duration_ms", "silenceDurationMs", "idle_timeout_ms", "idleTimeoutMs",
                "model_version", "modelVersion");

        @Override
        boolean matches(ObjectNode frame) {
            ObjectNode turn = turnDetection(frame);
            return turn != null && NAMES.keySet().stream().anyMatch(turn::has);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ObjectNode turn = turnDetection(frame);
            NAMES.forEach((snake, camel) -> {
                if (turn.has(snake)) {
                    turn.set(camel, turn.remove(snake));
                }
            });
        }
    }

    /** A20 (MUST), session config: falsy turn detection values dropped. */
    @Bug(rules = "A20", category = SESSION_CONFIG,
            mistake = "turn detection keys are copied only when truthy, so false and 0 values disappear")
    static final class TurnDetectionFalsyDropped extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return turnDetection(frame) != null;
        }

        @Override
        void rewrite(ObjectNode frame) {
            ObjectNode turn = turnDetection(frame);
            for (String key : new ArrayList<>(turn.propertyNames())) {
                JsonNode value = turn.get(key);
                if ((value.isBoolean() && !value.asBoolean()) || (value.isNumber() && value.asDouble() == 0)) {
                    turn.remove(key);
                }
            }
        }
    }

    /** A20 (MUST), session config: unknown turn detection keys dropped. */
    @Bug(rules = "A20", category = SESSION_CONFIG,
            mistake = "turn detection is mapped through a whitelist of known keys, so keys the mapping does not know are dropped")
    static final class TurnDetectionUnknownKeysDropped extends FrameBug.Rewrite {
        private static final List<String> KNOWN = List.of("type", "eagerness", "threshold", "create_response",
                "interrupt_response", "prefix_padding_ms", "silence_duration_ms", "idle_timeout_ms", "model_version");

        @Override
        boolean matches(ObjectNode frame) {
            return turnDetection(frame) != null;
        }

        @Override
        void rewrite(ObjectNode frame) {
            turnDetection(frame).retain(KNOWN);
        }
    }

    /** A22 (MUST), session config: require_approval defaults to never. */
    @Bug(rules = "A22", category = SESSION_CONFIG,
            mistake = "an MCP tool without require_approval is written with \"require_approval\":\"never\"")
    static final class McpApprovalDefaultNever extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame) && frame.get("session").has("tools");
        }

        @Override
        void rewrite(ObjectNode frame) {
            for (JsonNode tool : frame.get("session").get("tools")) {
                if ("mcp".equals(Json.text(tool, "type")) && !tool.has("require_approval")) {
                    ((ObjectNode) tool).put("require_approval", "never");
                }
            }
        }
    }

    /** A22 (MUST), session config: an empty tools list is written. */
    @Bug(rules = "A22", category = SESSION_CONFIG,
            mistake = "the tools list is always serialised, so a configuration without tools sends \"tools\":[]")
    static final class EmptyToolsSent extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isFullSessionUpdate(frame) && !frame.get("session").has("tools");
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("session")).putArray("tools");
        }
    }

    /** A22 (MUST), session config: strict kept on function tools. */
    @Bug(rules = "A22", category = SESSION_CONFIG,
            mistake = "function tools are serialised with every record field, so strict reaches the wire")
    static final class FunctionToolStrictSent extends BuggyTransport implements FrameHooks {
        private final Map<String, Boolean> strict = new java.util.concurrent.ConcurrentHashMap<>();

        FunctionToolStrictSent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        private void remember(RealtimeSessionConfig config) {
            if (config != null) {
                config.tools().forEach(tool -> {
                    if (tool instanceof dev.realtimetck.api.RealtimeTool.FunctionTool function
                            && function.strict() != null) {
                        strict.put(function.name(), function.strict());
                    }
                });
            }
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            remember(config);
            super.updateSessionConfig(config);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            remember(options.initialSessionConfig());
            return super.connect(options);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            JsonNode tools = frame == null || !FrameBug.isFullSessionUpdate(frame) ? null
                    : frame.get("session").get("tools");
            if (tools == null) {
                out.send(text);
                return;
            }
            for (JsonNode tool : tools) {
                Boolean value = strict.get(Json.text(tool, "name"));
                if ("function".equals(Json.text(tool, "type")) && value != null) {
                    ((ObjectNode) tool).put("strict", value);
                }
            }
            out.send(frame);
        }
    }
}
