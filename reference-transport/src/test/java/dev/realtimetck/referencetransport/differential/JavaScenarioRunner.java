package dev.realtimetck.referencetransport.differential;

import static dev.realtimetck.referencetransport.differential.ApiShapes.map;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransportBuilder;
import dev.realtimetck.referencetransport.TransportTestHooks;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one scenario of {@code interop/differential/scenarios.json} against the reference transport, connected over
 * loopback to a silent mock server that plays the scenario's server frames, and records the same trace the Node
 * script records for the TypeScript transport: per step whether it threw, its result, the sockets it opened, the
 * client frames it caused and the events the transport emitted (in the TypeScript shape, see {@link EventShapes}).
 *
 * <p>Steps are separated by a barrier, so every effect of a step is recorded with it: while connected, the server
 * sends a {@code tck.barrier} frame, a {@code '*'} listener answers it with a {@code conversation.item.retrieve}
 * client frame whose {@code event_id} is {@code tck_barrier_ack_<n>},
 * and the step ends when the server has that answer (every earlier event was delivered and every earlier frame
 * arrived); while disconnected, the step ends when the dispatch thread has delivered what was posted to it. The
 * barrier frames are left out of the trace. The transport's clock is a fake that only {@code clock} steps move.
 */
final class JavaScenarioRunner {

    /** The server event types the TypeScript transport handles (rules, Appendix A). */
    static final List<String> KNOWN_SERVER_TYPES = List.of("conversation.created", "conversation.item.added",
            "conversation.item.done", "conversation.item.deleted",
            "conversation.item.input_audio_transcription.completed",
            "conversation.item.input_audio_transcription.delta", "conversation.item.input_audio_transcription.failed",
            "conversation.item.retrieved", "conversation.item.truncated", "error", "input_audio_buffer.cleared",
            "input_audio_buffer.committed", "input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
            "output_audio_buffer.started", "output_audio_buffer.stopped", "output_audio_buffer.cleared",
            "rate_limits.updated", "response.output_audio.delta", "response.output_audio.done",
            "response.output_audio_transcript.delta", "response.output_audio_transcript.done",
            "response.content_part.added", "response.content_part.done", "response.created", "response.done",
            "response.function_call_arguments.delta", "response.function_call_arguments.done",
            "response.output_item.added", "response.output_item.done", "response.output_text.delta",
            "response.output_text.done", "session.created", "session.updated", "mcp_list_tools.in_progress",
            "mcp_list_tools.completed", "mcp_list_tools.failed", "response.mcp_call_arguments.delta",
            "response.mcp_call_arguments.done", "response.mcp_call.in_progress", "response.mcp_call.completed");

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String BARRIER = "tck.barrier";
    /** The answer to a barrier: a client event the silent mock server accepts and ignores. */
    private static final String BARRIER_ACK_TYPE = "conversation.item.retrieve";
    private static final String BARRIER_ACK_ID = "tck_barrier_ack_";
    private static final Pattern RESPONSE_CREATE_ID = Pattern.compile("^\\{responseCreateId:(\\d+)\\}$");
    private static final Pattern HISTORY_ID = Pattern.compile("^\\{historyId:(delete|create):(\\d+)\\}$");
    private static final Pattern ZEROS = Pattern.compile("^\\{base64Zeros:(\\d+)\\}$");

    private final JsonMapper mapper = JsonMapper.shared();
    private final MockRealtimeServer server;
    private final String host;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final List<ObjectNode> pendingEvents = new ArrayList<>();
    private final Map<Integer, CompletableFuture<Void>> barriers = new ConcurrentHashMap<>();
    private RealtimeWebSocketTransport transport;
    private MockSession session;
    private int consumedFrames;
    private int barrierCount;
    private ObjectNode current;

    JavaScenarioRunner(MockRealtimeServer server) {
        this.server = server;
        this.host = server.realtimeUrl().getAuthority();
    }

    /** Runs the scenario on a fresh transport and returns {@code {name, steps}}. */
    ObjectNode run(JsonNode scenario) throws Exception {
        Map<String, Object> options = map(substitute(mapper.convertValue(scenario.path("transport"), Map.class)));
        RealtimeWebSocketTransportBuilder builder = RealtimeWebSocketTransport.builder()
                .baseUrl(server.realtimeUrl()).pingInterval(Duration.ZERO);
        if (options.get("model") != null) {
            builder.model((String) options.get("model"));
        }
        if (options.get("apiKey") != null) {
            builder.apiKey((String) options.get("apiKey"));
        }
        transport = TransportTestHooks.nanoClock(builder, nanos::get).build();
        listen(serverTypes(scenario));
        ObjectNode trace = mapper.createObjectNode();
        trace.put("name", scenario.path("name").asString());
        ArrayNode steps = trace.putArray("steps");
        try {
            for (JsonNode rawStep : scenario.path("steps")) {
                Map<String, Object> step = map(substitute(mapper.convertValue(rawStep, Map.class)));
                steps.add(runStep(step));
            }
        } finally {
            transport.close();
        }
        return trace;
    }

    private ObjectNode runStep(Map<String, Object> step) throws Exception {
        String op = (String) step.get("op");
        current = mapper.createObjectNode();
        current.put("op", op);
        current.put("threw", false);
        ArrayNode opened = current.putArray("opened");
        Action action = action(op, step);
        try {
            Object result = action.perform();
            if (result != null) {
                current.set("result", mapper.valueToTree(result));
            }
            if ("connect".equals(op)) {
                session = server.awaitSession(WAIT);
                consumedFrames = 0;
                ObjectNode socket = opened.addObject();
                socket.put("model", session.model().orElse(null));
                socket.put("callId", session.callId().orElse(null));
            }
        } catch (ExecutionException e) {
            threw(e.getCause());
        } catch (RuntimeException e) {
            threw(e);
        }
        if ("serverClose".equals(op) || "serverDrop".equals(op)) {
            awaitStatus(ConnectionStatus.DISCONNECTED);
        }
        settle();
        ArrayNode frames = current.putArray("frames");
        for (JsonNode frame : newClientFrames()) {
            frames.add(frame);
        }
        ArrayNode events = current.putArray("events");
        synchronized (pendingEvents) {
            pendingEvents.forEach(events::add);
            pendingEvents.clear();
        }
        return current;
    }

    private void threw(Throwable error) {
        current.put("threw", true);
        current.put("message", String.valueOf(error.getMessage()));
    }

    @FunctionalInterface
    private interface Action {
        Object perform() throws Exception;
    }

    /** Converts the step's arguments first, so a scenario the Java side cannot express fails the test. */
    private Action action(String op, Map<String, Object> step) {
        switch (op) {
            case "connect" -> {
                RealtimeTransportConnectOptions options = ApiShapes.connectOptions(map(step.get("options")));
                return () -> transport.connect(options).toCompletableFuture().get(WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            case "close" -> {
                return () -> {
                    transport.close();
                    return null;
                };
            }
            case "status" -> {
                return () -> {
                    MuteState muted = transport.muted();
                    Map<String, Object> result = new java.util.LinkedHashMap<>();
                    result.put("status", transport.status().wireValue());
                    result.put("muted", muted == MuteState.NOT_HANDLED ? null : muted == MuteState.MUTED);
                    return result;
                };
            }
            case "mute" -> {
                boolean muted = (Boolean) step.get("muted");
                return () -> {
                    transport.mute(muted);
                    return null;
                };
            }
            case "sendEvent" -> {
                RealtimeClientMessage event = RealtimeClientMessage.of(map(step.get("event")));
                return run(() -> transport.sendEvent(event));
            }
            case "requestResponse" -> {
                if (!step.containsKey("response")) {
                    return run(transport::requestResponse);
                }
                Map<String, Object> response = step.get("response") == null ? null : map(step.get("response"));
                return run(() -> transport.requestResponse(response));
            }
            case "sendMessage" -> {
                RealtimeUserInput message = ApiShapes.userInput(step.get("message"));
                Map<String, Object> other = step.get("otherEventData") == null ? Map.of()
                        : map(step.get("otherEventData"));
                SendMessageOptions options = new SendMessageOptions(trigger(step));
                return run(() -> transport.sendMessage(message, other, options));
            }
            case "addImage" -> {
                String image = (String) step.get("image");
                boolean trigger = trigger(step);
                return run(() -> transport.addImage(image, trigger));
            }
            case "sendAudio" -> {
                byte[] audio = Base64.getDecoder().decode((String) step.get("base64"));
                Object commit = step.get("options") == null ? null : map(step.get("options")).get("commit");
                return run(() -> transport.sendAudio(audio, Boolean.TRUE.equals(commit)));
            }
            case "updateSessionConfig" -> {
                RealtimeSessionConfig config = ApiShapes.sessionConfig(map(step.get("config")));
                return run(() -> transport.updateSessionConfig(config));
            }
            case "sendFunctionCallOutput" -> {
                TransportToolCallEvent call = ApiShapes.toolCall(map(step.get("toolCall")));
                String output = (String) step.get("output");
                boolean start = !Boolean.FALSE.equals(step.get("startResponse"));
                return run(() -> transport.sendFunctionCallOutput(call, output, start));
            }
            case "sendMcpResponse" -> {
                RealtimeItem.McpApprovalRequest request = ApiShapes.approvalRequest(map(step.get("approvalRequest")));
                boolean approved = (Boolean) step.get("approved");
                String reason = (String) step.get("reason");
                return run(() -> transport.sendMcpResponse(request, approved, reason));
            }
            case "interrupt" -> {
                return run(transport::interrupt);
            }
            case "resetHistory" -> {
                List<RealtimeItem> oldHistory = ApiShapes.history(step.get("oldHistory"));
                List<RealtimeItem> newHistory = ApiShapes.history(step.get("newHistory"));
                return run(() -> transport.resetHistory(oldHistory, newHistory));
            }
            case "clock" -> {
                long millis = ((Number) step.get("advanceMs")).longValue();
                return run(() -> nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis)));
            }
            case "server" -> {
                String json = mapper.writeValueAsString(step.get("event"));
                return run(() -> session.sendRawText(json));
            }
            case "serverText" -> {
                String text = (String) step.get("text");
                return run(() -> session.sendRawText(text));
            }
            case "serverBinary" -> {
                byte[] data = Base64.getDecoder().decode((String) step.get("base64"));
                return run(() -> session.sendBinary(data));
            }
            case "serverClose" -> {
                return run(() -> session.close(1000, "scenario"));
            }
            case "serverDrop" -> {
                return run(session::drop); // the TCP connection ends without a close frame
            }
            default -> throw new IllegalArgumentException("differential scenario: unknown op " + op);
        }
    }

    private static Action run(Runnable body) {
        return () -> {
            body.run();
            return null;
        };
    }

    private static boolean trigger(Map<String, Object> step) {
        Object options = step.get("options");
        return options == null || !Boolean.FALSE.equals(map(options).get("triggerResponse"));
    }

    // ---------------------------------------------------------------- recording

    private void listen(Set<String> serverTypes) {
        for (TransportEventType<?> type : TransportEventType.values()) {
            transport.on(type, event -> record(type.name(), event));
        }
        transport.onAny(raw -> {
            if (BARRIER.equals(raw.type())) {
                int n = ((Number) raw.get("n")).intValue();
                transport.sendEvent(RealtimeClientMessage.of(Map.of("type", BARRIER_ACK_TYPE,
                        "item_id", BARRIER_ACK_ID, "event_id", BARRIER_ACK_ID + n)));
                barriers.computeIfAbsent(n, k -> new CompletableFuture<>()).complete(null);
                return;
            }
            record("*", raw);
        });
        for (String type : serverTypes) {
            transport.onServerEvent(type, raw -> record(type, raw));
        }
    }

    private void record(String name, Object event) {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("name", name);
        Object payload = EventShapes.payload(event);
        if (payload != null) {
            entry.set("payload", mapper.valueToTree(payload));
        }
        synchronized (pendingEvents) {
            pendingEvents.add(entry);
        }
    }

    private Set<String> serverTypes(JsonNode scenario) {
        Set<String> types = new LinkedHashSet<>(KNOWN_SERVER_TYPES);
        for (JsonNode step : scenario.path("steps")) {
            if (step.path("event").path("type").isString()) {
                types.add(step.path("event").path("type").asString());
            }
        }
        // "error" stays: a server error emitted under its own name as well would show as a second `error` (B5)
        return types;
    }

    private void settle() throws Exception {
        if (transport.status() == ConnectionStatus.CONNECTED && session != null && session.isOpen()) {
            int n = ++barrierCount;
            CompletableFuture<Void> seen = barriers.computeIfAbsent(n, k -> new CompletableFuture<>());
            session.sendRawText("{\"type\":\"" + BARRIER + "\",\"n\":" + n + "}");
            seen.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            session.awaitClientEvent(e -> (BARRIER_ACK_ID + n).equals(e.path("event_id").asString()), WAIT);
        } else {
            TransportTestHooks.dispatchIdle(transport).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void awaitStatus(ConnectionStatus status) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        var subscription = transport.on(TransportEventType.CONNECTION_CHANGE, s -> {
            if (s == status) {
                reached.complete(null);
            }
        });
        try {
            if (transport.status() != status) {
                reached.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            subscription.remove();
        }
    }

    private List<JsonNode> newClientFrames() {
        List<JsonNode> out = new ArrayList<>();
        if (session == null) {
            return out;
        }
        List<Frame> frames = session.frames().stream()
                .filter(f -> f.direction() == Frame.Direction.CLIENT && f.kind() == Frame.Kind.TEXT).toList();
        for (int i = consumedFrames; i < frames.size(); i++) {
            JsonNode frame = mapper.readTree(frames.get(i).text());
            if (!frame.path("event_id").asString("").startsWith(BARRIER_ACK_ID)) {
                out.add(frame);
            }
        }
        consumedFrames = frames.size();
        return out;
    }

    // ---------------------------------------------------------------- placeholders

    private Object substitute(Object value) {
        if (value instanceof String s) {
            Matcher m = RESPONSE_CREATE_ID.matcher(s);
            if (m.matches()) {
                return ProtocolOptions.defaults().eventIdPrefix() + m.group(1);
            }
            m = HISTORY_ID.matcher(s);
            if (m.matches()) {
                return "agents_" + m.group(1) + "_" + m.group(2);
            }
            m = ZEROS.matcher(s);
            if (m.matches()) {
                return Base64.getEncoder().encodeToString(new byte[Integer.parseInt(m.group(1))]);
            }
            return s.replace("{host}", host);
        }
        if (value instanceof List<?> l) {
            return l.stream().map(this::substitute).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, substitute(v)));
            return out;
        }
        return value;
    }
}
