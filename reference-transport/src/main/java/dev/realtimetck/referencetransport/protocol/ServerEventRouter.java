package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.ItemDeleted;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.Signal;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.TurnStarted;
import dev.realtimetck.api.Usage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Section B: one parsed server event to transport events and follow-ups, in the order '*', typed event, derived
 * events, follow-ups (skipped when a listener closed the transport meanwhile).
 *
 * <p>Lenient (X10): a known event is handled whenever the fields a derived event needs are present; missing
 * ids become {@code ""}. The raw copy for '*' and for per-name listeners is made once, and only if someone
 * listens.
 */
final class ServerEventRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerEventRouter.class);

    /** Appendix A: the server event types handled beyond '*'. */
    static final Set<String> KNOWN = Set.of("conversation.created", "conversation.item.added",
            "conversation.item.done", "conversation.item.deleted",
            "conversation.item.input_audio_transcription.completed",
            "conversation.item.input_audio_transcription.delta",
            "conversation.item.input_audio_transcription.failed", "conversation.item.retrieved",
            "conversation.item.truncated", "error", "input_audio_buffer.cleared", "input_audio_buffer.committed",
            "input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped", "output_audio_buffer.started",
            "output_audio_buffer.stopped", "output_audio_buffer.cleared", "rate_limits.updated",
            "response.output_audio.delta", "response.output_audio.done", "response.output_audio_transcript.delta",
            "response.output_audio_transcript.done", "response.content_part.added", "response.content_part.done",
            "response.created", "response.done", "response.function_call_arguments.delta",
            "response.function_call_arguments.done", "response.output_item.added", "response.output_item.done",
            "response.output_text.delta", "response.output_text.done", "session.created", "session.updated",
            "mcp_list_tools.in_progress", "mcp_list_tools.completed", "mcp_list_tools.failed",
            "response.mcp_call_arguments.delta", "response.mcp_call_arguments.done",
            "response.mcp_call.in_progress", "response.mcp_call.completed");

    /**
     * The types that give more than '*' and the by-name event: typed transport events, tracking or follow-ups.
     * A frame of any other type that nobody listens to is skipped by {@link FrameReader}; keep this in step with
     * {@link #route}.
     */
    static final Set<String> DERIVES = Set.of("error", "response.created", "response.done",
            "response.output_audio.delta", "response.output_audio.done", "response.output_audio_transcript.delta",
            "response.output_text.delta", "conversation.item.deleted",
            "conversation.item.input_audio_transcription.completed", "conversation.item.truncated",
            "response.mcp_call.in_progress", "mcp_list_tools.in_progress", "conversation.item.added",
            "conversation.item.done", "conversation.item.retrieved", "response.output_item.added",
            "response.output_item.done", "session.created", "session.updated", "input_audio_buffer.speech_started");

    private final RealtimeProtocol protocol;
    private final Emitter events;

    ServerEventRouter(RealtimeProtocol protocol, Emitter events) {
        this.protocol = protocol;
        this.events = events;
    }

    /** The raw copy, made at most once per frame. */
    private static final class RawCopy implements Supplier<RealtimeServerEvent> {
        private final JsonNode root;
        private RealtimeServerEvent copy;

        RawCopy(JsonNode root) {
            this.root = root;
        }

        @Override
        public RealtimeServerEvent get() {
            if (copy == null) {
                copy = RealtimeServerEvent.of(Json.toMap(root));
            }
            return copy;
        }
    }

    void route(JsonNode root) {
        if (root == null || !root.isObject()) {
            LOG.debug("ignored a frame that is not a JSON object (B1)");
            return;
        }
        String type = Json.text(root, "type");
        if (type == null || type.isEmpty()) {
            LOG.debug("ignored a frame without a string type (B1)");
            return;
        }
        RawCopy raw = new RawCopy(root);
        boolean known = KNOWN.contains(type);
        if (known && type.equals("response.created")) {
            // departure (X1, second case): the response counts as active before any listener runs
            protocol.sequencer().onResponseCreated();
        } else if (known && type.equals("response.done")) {
            // the response counts as over before any listener runs; queued requests wait for the listeners (D4)
            protocol.sequencer().onResponseDone();
        }
        events.any(raw);                                                          // B2
        if (!known) {
            return;                                                               // B3
        }
        if (type.equals("conversation.item.added")) {
            protocol.history().settle(Json.text(root.path("item"), "id"), HistoryRequests.Kind.CREATE); // A37
        }
        if (type.equals("error")) {
            protocol.history().rejected(Json.text(root.path("error"), "event_id"));                      // A37, B5
            events.emit(TransportEventType.ERROR, new TransportError.ServerError(raw.get())); // B5
            if (protocol.followUpsAllowed()) {
                protocol.sequencer().onServerError(root);                        // D7
            }
            return;
        }
        events.serverEvent(type, raw);                                            // B4
        switch (type) {
            case "response.created" -> {
                events.emit(TransportEventType.TURN_STARTED, new TurnStarted(raw.get()));
                if (protocol.followUpsAllowed()) {
                    protocol.onResponseCreated(root.path("response"));           // A27, B6
                }
            }
            case "response.done" -> responseDone(root);
            case "response.output_audio.delta" -> audioDelta(root);
            case "response.output_audio.done" -> {
                events.emit(TransportEventType.AUDIO_DONE, Signal.INSTANCE);
                if (protocol.followUpsAllowed()) {
                    protocol.audio().onGenerationDone();                          // B9
                }
            }
            case "response.output_audio_transcript.delta" -> {
                String delta = Json.text(root, "delta");
                if (delta != null) {
                    events.emit(TransportEventType.AUDIO_TRANSCRIPT_DELTA, new TranscriptDelta(delta,
                            Json.textOr(root, "item_id", ""), Json.textOr(root, "response_id", "")));
                }
            }
            case "response.output_text.delta" -> {
                String delta = Json.text(root, "delta");
                if (delta != null) {
                    events.emit(TransportEventType.OUTPUT_TEXT_DELTA, new TextDelta(delta,
                            Json.textOr(root, "item_id", ""), Json.textOr(root, "response_id", "")));
                }
            }
            case "conversation.item.deleted" -> {
                String itemId = Json.text(root, "item_id");
                protocol.history().settle(itemId, HistoryRequests.Kind.DELETE);  // A37, B13
                if (itemId != null && !itemId.isEmpty()) {
                    events.emit(TransportEventType.ITEM_DELETED, new ItemDeleted(itemId));
                }
            }
            case "conversation.item.input_audio_transcription.completed", "conversation.item.truncated",
                    "response.mcp_call.in_progress", "mcp_list_tools.in_progress" -> retrieve(root);
            case "conversation.item.added" -> conversationItem(root, ItemStatus.IN_PROGRESS, Phase.ADDED);
            case "conversation.item.done" -> conversationItem(root, ItemStatus.COMPLETED, Phase.DONE);
            case "conversation.item.retrieved" -> conversationItem(root, ItemStatus.COMPLETED, Phase.RETRIEVED);
            case "response.output_item.added" -> outputItem(root, false);
            case "response.output_item.done" -> outputItem(root, true);
            case "session.created" -> {
                if (protocol.followUpsAllowed()) {
                    protocol.onSessionCreated(root.path("session"));             // A3
                }
            }
            case "session.updated" -> protocol.onSessionUpdated(root.get("session")); // B22
            case "input_audio_buffer.speech_started" -> {
                if (protocol.followUpsAllowed()) {
                    protocol.onSpeechStarted();                                   // A31
                }
            }
            default -> {
                // typed event only (B12 and the rest of Appendix A)
            }
        }
    }

    private void audioDelta(JsonNode root) {
        String delta = Json.text(root, "delta");
        if (delta == null) {
            LOG.debug("no audio event for a response.output_audio.delta without a string delta (X10)");
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(delta);
        } catch (IllegalArgumentException notBase64) {
            LOG.debug("no audio event for a response.output_audio.delta whose delta is not base64 (B1)");
            return;
        }
        JsonNode index = root.get("content_index");
        audio(bytes, Json.text(root, "response_id"), Json.text(root, "item_id"),
                index != null && index.canConvertToInt() ? index.asInt() : 0);
    }

    /** The streamed hot path: nobody listens to the raw event, so only {@code audio} and tracking happen. */
    void audioDelta(FrameReader.AudioDelta delta) {
        if (delta.audio() != null) {
            audio(delta.audio(), delta.responseId(), delta.itemId(), Math.max(0, delta.contentIndex()));
        } else {
            LOG.debug("no audio event for a response.output_audio.delta without a base64 string delta (B1)");
        }
    }

    /** The streamed text and transcript deltas: nobody listens to the raw event. */
    void textualDelta(FrameReader.TextualDelta delta) {
        if (delta.delta() == null) {
            return;
        }
        String itemId = delta.itemId() == null ? "" : delta.itemId();
        String responseId = delta.responseId() == null ? "" : delta.responseId();
        if (delta.type().equals(FrameReader.TEXT_DELTA)) {
            events.emit(TransportEventType.OUTPUT_TEXT_DELTA, new TextDelta(delta.delta(), itemId, responseId));
        } else {
            events.emit(TransportEventType.AUDIO_TRANSCRIPT_DELTA,
                    new TranscriptDelta(delta.delta(), itemId, responseId));
        }
    }

    private void audio(byte[] bytes, String responseId, String itemId, int contentIndex) {
        // tracked before the audio event leaves, as the TypeScript transport does: whoever has seen the audio (a
        // listener, or another thread while the listeners run without the transport's lock) can interrupt it
        if (protocol.followUpsAllowed()) {
            protocol.onAudioDelta(itemId == null ? "" : itemId, contentIndex, bytes.length, responseId); // A27
        }
        events.emit(TransportEventType.AUDIO,
                new TransportAudioEvent(ByteBuffer.wrap(bytes), responseId == null ? "" : responseId));  // B8
    }

    private void responseDone(JsonNode root) {
        JsonNode response = root.path("response");
        Usage usage = usage(response.path("usage"));
        events.emit(TransportEventType.USAGE_UPDATE, usage);
        List<Map<String, Object>> output = new ArrayList<>();
        for (JsonNode item : response.path("output")) {
            if (item.isObject()) {
                output.add(Json.toMap(item));
            }
        }
        events.emit(TransportEventType.TURN_DONE,
                new TurnDone(new TurnDone.Response(Json.textOr(response, "id", ""), output, usage)));   // B7
        if (protocol.followUpsAllowed()) {
            protocol.onResponseDone(Json.text(response, "id"));                                        // A27
            protocol.sequencer().releaseAfterResponseDone();                                           // D4
        }
    }

    /**
     * B7 usage: {@code requests} is 1, {@code totalTokens} is input + output (the rule's arithmetic, kept even
     * when the server sends its own {@code total_tokens}; see README "Departures"), details wrapped in one-element
     * lists, zeros when the server sends no usage.
     */
    static Usage usage(JsonNode usage) {
        long input = Math.max(0, usage.path("input_tokens").asLong(0));
        long output = Math.max(0, usage.path("output_tokens").asLong(0));
        return new Usage(1, input, output, input + output, List.of(details(usage.get("input_token_details"))),
                List.of(details(usage.get("output_token_details"))));
    }

    private static Map<String, Object> details(JsonNode node) {
        return node != null && node.isObject() ? Json.toMap(node) : new LinkedHashMap<>();
    }

    private void retrieve(JsonNode root) {
        String itemId = Json.text(root, "item_id");
        if (itemId != null && !itemId.isEmpty() && protocol.followUpsAllowed()) {
            protocol.sendFollowUp(ClientEvents.retrieve(itemId));                 // B14, B21
        }
    }

    private enum Phase { ADDED, DONE, RETRIEVED }

    private void conversationItem(JsonNode root, ItemStatus defaultStatus, Phase phase) {
        JsonNode item = root.get("item");
        if (item == null || !item.isObject()) {
            return;
        }
        String itemType = Json.textOr(item, "type", "");
        switch (itemType) {
            case "message" -> {
                // B15, B25: an id, null (first) or absent; always absent for retrieved
                JsonNode previous = phase == Phase.RETRIEVED ? null : root.get("previous_item_id");
                boolean placed = previous != null && (previous.isNull() || previous.isString());
                RealtimeItem.Message message = ServerItems.message(item,
                        placed && previous.isString() ? previous.stringValue() : null, placed, defaultStatus);
                if (message != null) {
                    events.emit(TransportEventType.ITEM_UPDATE, message);
                }
            }
            case "mcp_call", "mcp_tool_call" -> {
                ItemStatus status = phase == Phase.DONE ? ItemStatus.COMPLETED : ItemStatus.IN_PROGRESS; // B18
                RealtimeItem.McpCall call = ServerItems.mcpCall(item, itemType, status);
                if (call != null) {
                    events.emit(TransportEventType.ITEM_UPDATE, call);
                    if (phase == Phase.DONE) {
                        events.emit(TransportEventType.MCP_TOOL_CALL_COMPLETED, call);
                    }
                }
            }
            case "mcp_approval_request" -> {
                if (phase == Phase.DONE) {
                    RealtimeItem.McpApprovalRequest request = ServerItems.approvalRequest(item);   // B19
                    if (request != null) {
                        events.emit(TransportEventType.ITEM_UPDATE, request);
                        events.emit(TransportEventType.MCP_APPROVAL_REQUEST, request);
                    }
                }
            }
            case "mcp_list_tools" -> {
                if (phase == Phase.DONE) {
                    events.emit(TransportEventType.MCP_TOOLS_LISTED,                               // B20
                            new McpToolsListed(Json.textOr(item, "server_label", ""), ServerItems.tools(item)));
                }
            }
            default -> {
                // function_call and other items in conversation.item.* give the typed event only (B17)
            }
        }
    }

    private void outputItem(JsonNode root, boolean done) {
        JsonNode item = root.get("item");
        if (item == null || !item.isObject()) {
            return;
        }
        String itemType = Json.textOr(item, "type", "");
        ItemStatus byEvent = done ? ItemStatus.COMPLETED : ItemStatus.IN_PROGRESS;
        switch (itemType) {
            case "message" -> {
                RealtimeItem.Message message = ServerItems.message(item, null, false, byEvent);    // B16
                if (message != null) {
                    events.emit(TransportEventType.ITEM_UPDATE, message);
                }
            }
            case "function_call" -> functionCall(root, item);
            case "mcp_call", "mcp_tool_call" -> {
                RealtimeItem.McpCall call = ServerItems.mcpCall(item, itemType, byEvent);           // B18
                if (call != null) {
                    events.emit(TransportEventType.ITEM_UPDATE, call);
                }
            }
            default -> {
                // typed event only
            }
        }
    }

    /** B17, with X12 de-duplication: one function_call per item id per connection. */
    private void functionCall(JsonNode root, JsonNode item) {
        String id = Json.text(item, "id");
        if (!"completed".equals(Json.text(item, "status")) || id == null || id.isEmpty()) {
            return;
        }
        String name = Json.textOr(item, "name", "");
        String arguments = Json.textOr(item, "arguments", "");
        events.emit(TransportEventType.ITEM_UPDATE,
                new RealtimeItem.FunctionCall(id, null, Json.text(item, "call_id"), name, arguments,
                        ItemStatus.IN_PROGRESS, null));
        if (protocol.firstFunctionCall(id)) {
            events.emit(TransportEventType.FUNCTION_CALL, new TransportToolCallEvent(id,
                    Json.textOr(item, "call_id", ""), name, arguments, Json.text(root, "response_id"), null));
        }
    }

    /** The event sink with listener failures contained (X24) and the lazy copies. */
    static final class Emitter {
        private final EventSink sink;

        Emitter(EventSink sink) {
            this.sink = sink;
        }

        <E> void emit(TransportEventType<E> type, E event) {
            try {
                sink.emit(type, event);
            } catch (RuntimeException listenerFailure) {
                LOG.warn("a {} listener failed", type.name(), listenerFailure);
            }
        }

        void any(Supplier<RealtimeServerEvent> raw) {
            try {
                if (sink.hasAnyListeners()) {
                    sink.emitAny(raw);
                }
            } catch (RuntimeException listenerFailure) {
                LOG.warn("a '*' listener failed", listenerFailure);
            }
        }

        void serverEvent(String type, Supplier<RealtimeServerEvent> raw) {
            try {
                if (sink.hasServerEventListeners(type)) {
                    sink.emitServerEvent(raw.get());
                }
            } catch (RuntimeException listenerFailure) {
                LOG.warn("a {} listener failed", type, listenerFailure);
            }
        }
    }
}
