package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.Signal;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.UserContent;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI Realtime GA client protocol without a socket: turns interface calls into client frames and inbound
 * server frames into transport events and follow-up client frames. One instance per transport; {@link #reset()}
 * on every (re)connect and disconnect. Not thread-safe by itself: the transport serialises calls (one lock, or
 * everything on one thread). Frames are written synchronously to the {@link FrameSink}.
 */
public final class RealtimeProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeProtocol.class);
    private static final int FUNCTION_CALL_MEMORY = 1024;
    private static final int RESPONSE_FORMAT_MEMORY = 64;

    private final FrameSink frames;
    private final ServerEventRouter.Emitter events;
    private final ProtocolOptions options;
    private final ResponseCreateSequencer sequencer;
    private final AudioTracker audio = new AudioTracker();
    private final HistoryRequests history = new HistoryRequests();
    private final Map<String, JsonNode> responseFormats = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > RESPONSE_FORMAT_MEMORY;
        }
    };
    private final AudioAppendEncoder appendEncoder = new AudioAppendEncoder();
    private final ServerEventRouter router;
    private final java.util.function.Predicate<String> needsTree;
    private final Map<String, Boolean> functionCallsSeen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FUNCTION_CALL_MEMORY;
        }
    };

    private String currentModel;
    private TracingConfig initialTracing;
    private boolean tracingSent;
    private JsonNode lastSession;
    private long generation;
    private long frameGeneration = -1;
    private boolean frameAborted;

    /**
     * A protocol writing to {@code frames} and delivering to {@code events}.
     *
     * @param frames where client frames go
     * @param events where transport events go
     * @param options tunables
     */
    public RealtimeProtocol(FrameSink frames, EventSink events, ProtocolOptions options) {
        this.frames = Objects.requireNonNull(frames, "frames");
        this.events = new ServerEventRouter.Emitter(Objects.requireNonNull(events, "events"));
        this.options = Objects.requireNonNull(options, "options");
        this.sequencer = new ResponseCreateSequencer(frames,
                failure -> this.events.emit(TransportEventType.ERROR, new TransportError.Failure(failure)), options);
        this.router = new ServerEventRouter(this, this.events);
        this.needsTree = type -> events.hasAnyListeners() || events.hasServerEventListeners(type);
    }

    /**
     * Forgets the sequencer state, audio tracking, per-response audio formats, pending history requests and stored
     * session (A24, C12, C14, D10). Generated event ids (response and history) keep counting. A reset during a
     * frame also skips that frame's follow-ups.
     */
    public void reset() {
        sequencer.reset();
        audio.reset();
        responseFormats.clear();
        history.clear();
        lastSession = null;
        tracingSent = false;
        functionCallsSeen.clear();
        generation++;
    }

    /**
     * Sends the first {@code session.update} after connecting (A1): the initial config with {@code model} as its
     * model ({@code initial.model()} is ignored, C7). Remembers {@code model} as the current model and the
     * initial tracing setting for the A3 follow-up.
     *
     * @param initial the initial config, null for none
     * @param model the model of the connection, not null
     * @throws IllegalArgumentException for invalid tool settings (nothing is sent then)
     */
    public void sendInitialSessionUpdate(RealtimeSessionConfig initial, String model) {
        Objects.requireNonNull(model, "model");
        RealtimeSessionConfig config = initial == null ? RealtimeSessionConfig.empty()
                : initial.toBuilder().model(model).build();
        String frame = ClientEvents.sessionUpdate(SessionConfigPayload.build(config, model));
        currentModel = model;
        initialTracing = initial == null ? null : initial.tracing();
        tracingSent = false;
        frames.sendText(frame);
    }

    /**
     * Sets the model {@link #updateSessionConfig} uses when the config names none.
     *
     * @param model the model
     */
    public void setCurrentModel(String model) {
        this.currentModel = model;
    }

    /**
     * Sends a client event (A4-A6). {@code response.create} goes through the sequencer as a manual request
     * (an {@code event_id} is added only when missing); {@code response.cancel} is written at once and, when a
     * response is active, keeps a later interrupt from cancelling twice; everything else is written verbatim.
     *
     * @param event the event
     */
    public void sendEvent(RealtimeClientMessage event) {
        Objects.requireNonNull(event, "event");
        checkTimeout();
        ObjectNode node = (ObjectNode) Json.tree(event.toMap());
        switch (event.type()) {
            case "response.create" -> sequencer.request(new ResponseCreateSequencer.Request(true, node, false));
            case "response.cancel" -> {
                frames.sendText(Json.write(node));
                sequencer.onCancelSent();
            }
            default -> frames.sendText(Json.write(node));
        }
    }

    /** Requests an automatic response (A8): {@code {"type":"response.create"}}, coalesced with other automatic ones. */
    public void requestResponse() {
        checkTimeout();
        sequencer.request(new ResponseCreateSequencer.Request(false, Json.event("response.create"), false));
    }

    /**
     * Requests a response with explicit parameters (A8): a manual request, never coalesced.
     *
     * @param response the {@code response} object, null for none (still manual)
     */
    public void requestResponse(Map<String, Object> response) {
        checkTimeout();
        ObjectNode payload = Json.event("response.create");
        if (response != null) {
            payload.set("response", Json.tree(response));
        }
        sequencer.request(new ResponseCreateSequencer.Request(true, payload, false));
    }

    /**
     * Sends a user message (A9-A12): the role is always {@code user}; image parts become {@code image_url} with
     * their provider data spread after it; {@code otherEventData} is spread over the top level last (X21).
     *
     * @param message the message
     * @param otherEventData extra top-level fields of the event, null for none
     * @param triggerResponse whether to request an automatic response afterwards
     */
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, boolean triggerResponse) {
        Objects.requireNonNull(message, "message");
        frames.sendText(ClientEvents.userMessage(message, otherEventData));
        if (triggerResponse) {
            requestResponse();
        }
    }

    /**
     * Sends an image as a user message (A13).
     *
     * @param image the image URL or data URL
     * @param triggerResponse whether to request an automatic response afterwards
     */
    public void addImage(String image, boolean triggerResponse) {
        Objects.requireNonNull(image, "image");
        sendMessage(RealtimeUserInput.message(List.of(new UserContent.InputImage(image))), null, triggerResponse);
    }

    /**
     * Appends audio to the input buffer, optionally committing it (A14). Any size; an empty buffer sends
     * {@code "audio":""}.
     *
     * @param audio the audio bytes (position to limit); not consumed
     * @param commit whether to send {@code input_audio_buffer.commit} afterwards
     */
    public void sendAudio(ByteBuffer audio, boolean commit) {
        Objects.requireNonNull(audio, "audio");
        frames.sendText(appendEncoder.frame(audio));
        if (commit) {
            frames.sendText(ClientEvents.COMMIT);
        }
    }

    /**
     * Sends one {@code session.update} with the full payload (A16-A23): a merge with defaults, not a diff, and
     * never tracing.
     *
     * @param config the config
     * @throws IllegalArgumentException for invalid tool settings, before anything is sent (A22)
     */
    public void updateSessionConfig(RealtimeSessionConfig config) {
        Objects.requireNonNull(config, "config");
        frames.sendText(ClientEvents.sessionUpdate(SessionConfigPayload.build(config, currentModel)));
    }

    /**
     * Sends a function call's output (A26): the {@code function_call_output} item, then {@code item_update} with
     * the completed call, then (if {@code startResponse}) an automatic response request.
     *
     * @param call the call
     * @param output the output
     * @param startResponse whether to request a response afterwards
     */
    public void sendFunctionCallOutput(TransportToolCallEvent call, String output, boolean startResponse) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(output, "output");
        frames.sendText(ClientEvents.functionCallOutput(call, output));
        events.emit(TransportEventType.ITEM_UPDATE, new RealtimeItem.FunctionCall(call.id(), call.previousItemId(),
                call.callId(), call.name(), call.arguments(), ItemStatus.COMPLETED, output));
        if (startResponse) {
            requestResponse();
        }
    }

    /**
     * Interrupts the playing response (A27-A30). Does nothing unless an output-audio part is tracked (before the
     * connection's first audio delta, or after an interrupt with no delta since). Otherwise sends
     * {@code response.cancel} (only if asked, a response is active and no cancel was sent for it), emits
     * {@code audio_interrupted}, sends {@code conversation.item.truncate} unless generation of the part is done and
     * its playback is estimated complete, and stops tracking. When the clock went backwards only the tracking is
     * reset.
     *
     * @param cancelOngoingResponse whether to cancel the active response
     */
    public void interrupt(boolean cancelOngoingResponse) {
        if (!audio.tracking()) {
            return;
        }
        // the tracked part is read and forgotten before the event leaves: a transport may run the listeners of
        // audio_interrupted without its lock, and an interrupt() meanwhile then finds nothing left to truncate
        long now = options.nanoClock().getAsLong();
        String itemId = audio.itemId();
        int contentIndex = audio.contentIndex();
        boolean act = audio.elapsedMs(now) >= 0;
        boolean truncate = act && !audio.playedOut(now);
        long endMs = audio.audioEndMs(now);
        audio.reset();
        if (!act) {
            return;
        }
        if (cancelOngoingResponse && sequencer.beginCancel()) {
            frames.sendText(ClientEvents.CANCEL);
        }
        events.emit(TransportEventType.AUDIO_INTERRUPTED, Signal.INSTANCE);
        if (truncate) {
            frames.sendText(ClientEvents.truncate(itemId, contentIndex, endMs));
        }
    }

    /**
     * Makes the server history match {@code newHistory} (A32-A37): deletes, then creates of added and changed
     * messages in new-history order with {@code previous_item_id} anchors; every frame carries an {@code event_id}
     * and is remembered until the server answers it. Pending requests are projected when the anchors are chosen.
     *
     * @param oldHistory the history as the caller knows it
     * @param newHistory the wanted history
     * @throws dev.realtimetck.api.UnsupportedHistoryChangeException if an added or changed assistant message holds
     *     output audio (A33) or an MCP item would be added, changed or replaced (A34); then nothing is sent
     * @throws RuntimeException whatever the {@link FrameSink} throws; the frames written before stay sent and
     *     pending, the failed one is not remembered
     */
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Objects.requireNonNull(oldHistory, "oldHistory");
        Objects.requireNonNull(newHistory, "newHistory");
        for (HistoryDiff.Request request : HistoryDiff.plan(oldHistory, newHistory, history.projectedPresence())) {
            String eventId = history.nextEventId(request.kind());
            ObjectNode event = request.event();
            event.put("event_id", eventId);
            frames.sendText(Json.write(event));
            history.sent(eventId, request.itemId(), request.kind());
        }
    }

    /**
     * Answers an MCP approval request (A35). Requests no response.
     *
     * @param request the request
     * @param approved whether the call is approved
     * @param reason an optional reason, null for none
     */
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest request, boolean approved, String reason) {
        Objects.requireNonNull(request, "request");
        frames.sendText(ClientEvents.mcpApprovalResponse(request, approved, reason));
    }

    /**
     * Processes one inbound text frame (B1-B23, D4-D7, A31); malformed frames are ignored (B1). The frame is
     * parsed once.
     *
     * @param frame the frame text
     */
    public void onTextFrame(CharSequence frame) {
        Objects.requireNonNull(frame, "frame");
        Object parsed;
        try {
            parsed = FrameReader.read(Json.MAPPER.createParser(frame.toString()), needsTree);
        } catch (JacksonException malformed) {
            parsed = null;
        }
        if (parsed == null) {
            LOG.debug("ignored a malformed text frame of {} chars (B1): not one JSON object", frame.length());
            return;
        }
        process(parsed);
    }

    /**
     * Processes one inbound binary frame: UTF-8 JSON is handled like text, anything else ignored (B1).
     *
     * @param frame the frame bytes; not consumed
     */
    public void onBinaryFrame(ByteBuffer frame) {
        Objects.requireNonNull(frame, "frame");
        ByteBuffer bytes = frame.duplicate();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        Object parsed;
        try {
            parsed = FrameReader.read(Json.MAPPER.createParser(array), needsTree);
        } catch (JacksonException malformed) {
            parsed = null;
        }
        if (parsed == null) {
            LOG.debug("ignored a malformed binary frame of {} bytes (B1): not one UTF-8 JSON object", array.length);
            return;
        }
        process(parsed);
    }

    private void process(Object parsed) {
        checkTimeout();
        long outer = frameGeneration;
        boolean outerAborted = frameAborted;
        frameGeneration = generation;
        frameAborted = false;
        try {
            if (parsed instanceof FrameReader.AudioDelta delta) {
                router.audioDelta(delta);
            } else if (parsed instanceof FrameReader.TextualDelta delta) {
                router.textualDelta(delta);
            } else if (parsed != FrameReader.SKIPPED) {
                router.route((JsonNode) parsed);
            }
        } finally {
            frameGeneration = outer;
            frameAborted = outerAborted;
        }
    }

    /**
     * Tells the protocol that a listener closed the transport during the current frame, so the frame's
     * follow-ups (step 4 of section B) are skipped. A {@link #reset()} during a frame has the same effect.
     */
    public void abortCurrentFrame() {
        frameAborted = true;
    }

    /**
     * Releases an outstanding {@code response.create} that has waited longer than
     * {@link ProtocolOptions#responseCreateTimeout()} (departure from X3) and reports it as an {@code error} event
     * carrying a {@link java.util.concurrent.TimeoutException}. The protocol also checks on every call and frame;
     * a transport calls this periodically so that the bound holds on a silent connection.
     *
     * @param nowNanos the current time of {@link ProtocolOptions#nanoClock()}
     */
    public void onTick(long nowNanos) {
        sequencer.onTick(nowNanos);
    }

    // ---- package-private hooks for ServerEventRouter

    ResponseCreateSequencer sequencer() {
        return sequencer;
    }

    AudioTracker audio() {
        return audio;
    }

    boolean followUpsAllowed() {
        return !frameAborted && frameGeneration == generation;
    }

    void sendFollowUp(String frame) {
        frames.sendText(frame);
    }

    boolean firstFunctionCall(String itemId) {
        return functionCallsSeen.put(itemId, Boolean.TRUE) == null;
    }

    HistoryRequests history() {
        return history;
    }

    /** A27: the duration uses the format recorded for the delta's response, else the stored session's. */
    void onAudioDelta(String itemId, int contentIndex, int bytes, String responseId) {
        JsonNode format = responseId == null ? null : responseFormats.get(responseId);
        if (format == null) {
            format = sessionOutputFormat();
        }
        audio.onDelta(itemId, contentIndex, AudioFormats.millis(bytes, format), options.nanoClock().getAsLong());
    }

    /** A27, B6: records the output format of a new response (its own, else the stored session's). */
    void onResponseCreated(JsonNode response) {
        String id = Json.text(response, "id");
        if (id == null || id.isEmpty()) {
            return;
        }
        JsonNode format = response.path("audio").path("output").get("format");
        if (format == null || format.isNull()) {
            format = sessionOutputFormat();
        }
        if (format == null || format.isNull()) {
            responseFormats.remove(id);
        } else {
            responseFormats.put(id, format);
        }
    }

    /** A27: a finished response's format record is dropped. */
    void onResponseDone(String responseId) {
        if (responseId != null) {
            responseFormats.remove(responseId);
        }
    }

    private JsonNode sessionOutputFormat() {
        return lastSession == null ? null : lastSession.path("audio").path("output").get("format");
    }

    void onSessionUpdated(JsonNode session) {
        lastSession = session;
    }

    void onSessionCreated(JsonNode session) {
        if (tracingSent) {
            return;
        }
        tracingSent = true; // A3: one decision per connection, on the first session.created
        JsonNode tracing = SessionConfigPayload.tracing(initialTracing, session.get("tracing"));
        if (tracing == null) {
            LOG.warn("the server already holds a tracing configuration; the initial tracing setting is not sent");
            return;
        }
        ObjectNode payload = Json.event("realtime");
        payload.set("tracing", tracing);
        frames.sendText(ClientEvents.sessionUpdate(payload));
    }

    void onSpeechStarted() {
        JsonNode interruptResponse = lastSession == null ? null
                : lastSession.path("audio").path("input").path("turn_detection").get("interrupt_response");
        boolean serverCancels = interruptResponse != null && interruptResponse.isBoolean()
                && interruptResponse.booleanValue();
        interrupt(!serverCancels);
    }

    private void checkTimeout() {
        sequencer.onTick(options.nanoClock().getAsLong());
    }
}
