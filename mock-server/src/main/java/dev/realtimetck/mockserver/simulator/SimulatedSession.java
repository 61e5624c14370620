package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.mockserver.core.ProtocolErrors;
import dev.realtimetck.mockserver.core.SessionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated state of one session (configuration, conversation, input audio buffer, voice-activity
 * detector, active responses) and its handling of every client event. Runs on the session's serial executor.
 */
final class SimulatedSession implements ResponseRun.Listener {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** With turn detection on and no speech going on, audio older than this is dropped from the input buffer. */
    static final long MAX_IDLE_BUFFER_MS = 30_000;

    private final SessionContext ctx;
    private final SimulatorOptions options;
    private final SessionConfig config;
    private final Conversation conversation;
    private final ConversationCommands items;
    private final AudioCommits committer;
    private InputAudioBuffer buffer;
    private VoiceActivityDetector vad;
    private String speechItemId;
    private long speechStartMs;
    private final Map<String, ResponseRun> active = new LinkedHashMap<>();
    private String lastAudioResponseId;
    private boolean audioSent;
    /** Input timeline position since which the session is idle (no speech since the last response), or -1. */
    private long idleSinceMs = -1;

    SimulatedSession(SessionContext ctx, SimulatorOptions options) {
        this.ctx = ctx;
        this.options = options;
        String model = ctx.model().filter(m -> !m.isBlank()).orElse(options.defaultModel());
        this.config = SessionConfig.initial(ctx.id(), model, Instant.now().plusSeconds(1800).getEpochSecond());
        this.conversation = new Conversation(ctx.ids().next("conv"));
        this.items = new ConversationCommands(ctx, conversation, config);
        this.committer = new AudioCommits(ctx, conversation, config);
        this.buffer = new InputAudioBuffer(config.inputFormat(), 0);
        this.vad = TurnDetectors.create(config.turnDetection(), buffer, options);
    }

    void open() {
        send(event("session.created").set("session", config.json()));
        if (options.sendConversationCreated()) {
            ObjectNode conv = JSON.objectNode().put("id", conversation.id()).put("object", "realtime.conversation");
            send(event("conversation.created").set("conversation", conv));
        }
    }

    void close() {
        for (ResponseRun run : new ArrayList<>(active.values())) {
            run.abandon();
        }
        active.clear();
    }

    void handle(ObjectNode event) {
        String type = event.path("type").asString("");
        switch (type) {
            case "session.update" -> sessionUpdate(event);
            case "input_audio_buffer.append" -> append(event);
            case "input_audio_buffer.commit" -> commit(event);
            case "input_audio_buffer.clear" -> clearInput();
            case "output_audio_buffer.clear" -> clearOutput(event);
            case "conversation.item.create" -> items.create(event);
            case "conversation.item.retrieve" -> items.retrieve(event);
            case "conversation.item.delete" -> items.delete(event);
            case "conversation.item.truncate" -> items.truncate(event);
            case "response.create" -> createResponse(event);
            case "response.cancel" -> cancelResponse(event);
            default -> error("invalid_event", "The client event type '" + type + "' is not supported.", "type", event);
        }
    }

    // ---- session ----

    private void sessionUpdate(ObjectNode event) {
        JsonNode update = event.path("session");
        if (!update.isObject()) {
            error("missing_required_parameter", "Missing required parameter: 'session'.", "session", event);
            return;
        }
        AudioFormat oldInput = config.inputFormat();
        Optional<ObjectNode> oldTurnDetection = config.turnDetection().map(ObjectNode::deepCopy);
        Optional<SessionConfig.Rejection> rejection = config.update((ObjectNode) update, audioSent);
        if (rejection.isPresent()) {
            error("invalid_value", rejection.get().message(), rejection.get().param(), event);
            return;
        }
        if (!config.inputFormat().equals(oldInput)) {
            // buffered audio was in the old format; it cannot be mixed with the new one
            buffer = new InputAudioBuffer(config.inputFormat(), buffer.endMillis());
        }
        if (!config.inputFormat().equals(oldInput) || !config.turnDetection().equals(oldTurnDetection)) {
            vad = TurnDetectors.create(config.turnDetection(), buffer, options);
            speechItemId = null;
        }
        send(event("session.updated").set("session", config.json()));
    }

    // ---- input audio ----

    private void append(ObjectNode event) {
        JsonNode audio = event.path("audio");
        if (!audio.isString()) {
            error("missing_required_parameter", "Missing required parameter: 'audio'.", "audio", event);
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(audio.asString());
        } catch (IllegalArgumentException e) {
            error("invalid_value", "Invalid 'audio': not valid base64 (" + e.getMessage() + ").", "audio", event);
            return;
        }
        short[] samples = buffer.append(bytes);
        if (vad == null) {
            return;
        }
        for (VoiceActivityDetector.Event detected : vad.accept(samples, buffer.startMillis())) {
            if (detected instanceof VoiceActivityDetector.SpeechStarted started) {
                speechStarted(Math.max(started.audioStartMs(), buffer.startMillis()));
            } else if (detected instanceof VoiceActivityDetector.SpeechStopped stopped) {
                speechStopped(stopped.audioEndMs());
            }
        }
        if (!vad.speaking()) {
            checkIdleTimeout();
            // silence long before any speech can never be committed by VAD; bound the memory it takes
            buffer.dropBefore(buffer.endMillis() - MAX_IDLE_BUFFER_MS);
        }
    }

    /**
     * With {@code idle_timeout_ms} set, fires once the input timeline has run that long without speech since the
     * last response finished: {@code input_audio_buffer.timeout_triggered}, a commit of that span, and a response.
     */
    private void checkIdleTimeout() {
        if (idleSinceMs < 0 || !config.turnDetection().isPresent()) {
            return;
        }
        JsonNode timeout = config.turnDetection().get().path("idle_timeout_ms");
        if (!timeout.isIntegralNumber() || buffer.endMillis() - idleSinceMs < timeout.asLong()) {
            return;
        }
        long start = Math.max(idleSinceMs, buffer.startMillis());
        long end = buffer.endMillis();
        idleSinceMs = -1;
        String itemId = ctx.ids().next("item");
        send(event("input_audio_buffer.timeout_triggered").put("audio_start_ms", start).put("audio_end_ms", end)
                .put("item_id", itemId));
        committer.commit(buffer.take(start, end), itemId);
        if (config.turnDetection().get().path("create_response").asBoolean(true) && defaultRun().isEmpty()) {
            startResponse(JSON.objectNode());
        }
    }

    private void speechStarted(long audioStartMs) {
        idleSinceMs = -1;
        speechItemId = ctx.ids().next("item");
        speechStartMs = audioStartMs;
        send(event("input_audio_buffer.speech_started").put("audio_start_ms", audioStartMs)
                .put("item_id", speechItemId));
        ObjectNode td = config.turnDetection().orElseThrow();
        if (td.path("interrupt_response").asBoolean(true)) {
            defaultRun().ifPresent(run -> run.cancel("turn_detected"));
        }
    }

    private void speechStopped(long audioEndMs) {
        String itemId = speechItemId;
        speechItemId = null;
        send(event("input_audio_buffer.speech_stopped").put("audio_end_ms", audioEndMs).put("item_id", itemId));
        committer.commit(buffer.take(speechStartMs, audioEndMs), itemId);
        ObjectNode td = config.turnDetection().orElseThrow();
        if (td.path("create_response").asBoolean(true) && defaultRun().isEmpty()) {
            startResponse(JSON.objectNode());
        }
    }

    private void commit(ObjectNode event) {
        long millis = buffer.endMillis() - buffer.startMillis();
        if (buffer.isEmpty() || millis < 100) {
            error("input_audio_buffer_commit_empty", String.format(Locale.ROOT,
                    "Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, "
                            + "but buffer only has %.2fms of audio.", (double) millis), null, event);
            return;
        }
        String itemId = speechItemId != null ? speechItemId : ctx.ids().next("item");
        speechItemId = null;
        if (vad != null) {
            vad.reset();
        }
        committer.commit(buffer.takeAll(), itemId);
    }

    private void clearInput() {
        buffer.clear();
        if (vad != null) {
            vad.reset();
        }
        speechItemId = null;
        send(event("input_audio_buffer.cleared"));
    }

    private void clearOutput(ObjectNode event) {
        Optional<ResponseRun> playing = active.values().stream().filter(ResponseRun::producesAudio).findFirst();
        playing.ifPresent(run -> run.cancel("client_cancelled"));
        if (lastAudioResponseId == null && playing.isEmpty()) {
            error("invalid_value", "There is no response audio to clear.", null, event);
            return;
        }
        String responseId = playing.map(ResponseRun::id).orElse(lastAudioResponseId);
        send(event("output_audio_buffer.cleared").put("response_id", responseId));
    }

    // ---- responses ----

    private Optional<ResponseRun> defaultRun() {
        return active.values().stream().filter(ResponseRun::inConversation).findFirst();
    }

    private void createResponse(ObjectNode event) {
        JsonNode params = event.path("response");
        ObjectNode p = params.isObject() ? (ObjectNode) params : JSON.objectNode();
        boolean inConversation = !p.path("conversation").asString("auto").equals("none");
        if (inConversation && defaultRun().isPresent()) {
            error("conversation_already_has_active_response", "Conversation already has an active response in "
                    + "progress: " + defaultRun().get().id() + ". Wait until the response is finished before "
                    + "creating a new one.", null, event);
            return;
        }
        AudioFormat format = config.outputFormat();
        JsonNode formatParam = p.path("audio").path("output").path("format");
        if (!formatParam.isMissingNode()) {
            try {
                format = AudioFormats.parse(formatParam);
            } catch (IllegalArgumentException e) {
                error("invalid_value", "Invalid audio format: " + e.getMessage(), "response.audio.output.format",
                        event);
                return;
            }
        }
        List<Conversation.Entry> input = new ArrayList<>();
        if (p.path("input").isArray()) {
            for (JsonNode given : p.get("input")) {
                if (given.path("type").asString("").equals("item_reference")) {
                    Optional<Conversation.Entry> ref = conversation.find(given.path("id").asString(""));
                    if (ref.isEmpty()) {
                        error("item_not_found", "Item with id '" + given.path("id").asString("")
                                + "' not found in the conversation.", "response.input", event);
                        return;
                    }
                    input.add(ref.get());
                } else if (given.isObject()) {
                    input.add(new Conversation.Entry(((ObjectNode) given).deepCopy(), null));
                }
            }
        } else {
            input.addAll(conversation.entries());
        }
        startResponse(p, inConversation, format, input);
    }

    private void startResponse(ObjectNode params) {
        startResponse(params, true, config.outputFormat(), new ArrayList<>(conversation.entries()));
    }

    private void startResponse(ObjectNode p, boolean inConversation, AudioFormat format,
            List<Conversation.Entry> input) {
        List<String> modalities = new ArrayList<>();
        if (p.path("output_modalities").isArray()) {
            p.get("output_modalities").forEach(m -> modalities.add(m.asString()));
        } else {
            modalities.addAll(config.outputModalities());
        }
        List<String> effective = List.of(modalities.contains("audio") ? "audio" : "text");
        String voice = p.path("audio").path("output").path("voice").asString(config.voice());
        String instructions = p.path("instructions").asString(config.instructions());
        JsonNode tools = p.path("tools").isArray() ? p.get("tools") : config.tools();
        JsonNode toolChoice = p.has("tool_choice") ? p.get("tool_choice") : config.toolChoice();
        JsonNode maxTokens = p.has("max_output_tokens") ? p.get("max_output_tokens") : config.maxOutputTokens();
        JsonNode metadata = p.has("metadata") ? p.get("metadata") : JSON.nullNode();
        List<ObjectNode> inputJson = new ArrayList<>();
        input.forEach(e -> inputJson.add(e.item.deepCopy()));
        Optional<FunctionCallTrigger.Call> call = FunctionCallTrigger.decide(tools, toolChoice, inputJson);
        String reply = call.isPresent() ? "" : options.replyStrategy().reply(inputJson);
        ResponseSpec spec = new ResponseSpec(ctx.ids().next("resp"), inConversation, effective, format, voice,
                maxTokens, metadata, instructions, input, call, reply);
        ResponseRun run = new ResponseRun(ctx, options, spec, conversation, this);
        active.put(spec.id(), run);
        run.start();
    }

    private void cancelResponse(ObjectNode event) {
        JsonNode responseId = event.path("response_id");
        Optional<ResponseRun> run;
        if (responseId.isString() && !responseId.asString().isEmpty()) {
            run = Optional.ofNullable(active.get(responseId.asString()));
        } else {
            run = defaultRun().or(() -> active.values().stream().reduce((a, b) -> b));
        }
        if (run.isEmpty()) {
            error("response_cancel_not_active", "Cancellation failed: no active response found.", null, event);
            return;
        }
        run.get().cancel("client_cancelled");
    }

    @Override
    public void audioSent(ResponseRun run) {
        audioSent = true;
        lastAudioResponseId = run.id();
    }

    @Override
    public void finished(ResponseRun run) {
        active.remove(run.id());
        if (run.inConversation() && (vad == null || !vad.speaking())) {
            idleSinceMs = buffer.endMillis();
        }
    }

    // ---- helpers ----

    private void error(String code, String message, String param, ObjectNode event) {
        send(ProtocolErrors.invalidRequest(code, message, param, event));
    }

    private static ObjectNode event(String type) {
        return JSON.objectNode().put("type", type);
    }

    private void send(ObjectNode event) {
        ctx.send(event);
    }
}
