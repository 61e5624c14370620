package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.EVENT_MAPPING;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolInfo;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.Usage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports that turn server events into the wrong transport events (B1-B21). */
final class EventBugs {

    private EventBugs() {
    }

    /** The server event types with typed handling (Appendix A). */
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

    static String str(Object value) {
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** B1 (MUST), event mapping: unparseable frames reported. */
    @Bug(rules = "B1", category = EVENT_MAPPING,
            mistake = "a frame that is not a JSON object with a string type is reported to error listeners instead of being dropped silently")
    static final class MalformedFrameReported extends BuggyTransport implements FrameHooks {
        private int next;

        MalformedFrameReported(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            if (frame != null && frame.has("type") && frame.get("type").isString()) {
                in.deliver(text);
                return;
            }
            ObjectNode error = Json.MAPPER.createObjectNode();
            error.put("type", "error");
            error.put("event_id", "adv_malformed_" + (++next));
            ObjectNode detail = error.putObject("error");
            detail.put("type", "invalid_request_error");
            detail.put("code", "invalid_json");
            detail.put("message", "could not parse server frame");
            in.deliver(error);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            boolean reported = event instanceof RealtimeServerEvent server
                    && server.get("event_id") instanceof String id && id.startsWith("adv_malformed_");
            if (!reported || key.equals(TransportEventType.ERROR.name())) {
                listener.accept(event);
            }
        }
    }

    /** B2 (MUST), event mapping: the '*' copy loses null fields. */
    @Bug(rules = "B2", category = EVENT_MAPPING,
            mistake = "the '*' copy is made by re-serialising the parsed event with NON_NULL inclusion, so null fields of the raw frame are missing")
    static final class AnyCopyWithoutNulls extends BuggyTransport {
        AnyCopyWithoutNulls(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (key.equals(ANY) && event instanceof RealtimeServerEvent server) {
                listener.accept(new RealtimeServerEvent(server.type(),
                        ClientFrameBugs.SendEventDropsNulls.withoutNulls(server.fields())));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B2 (MUST), event mapping: server errors skip '*'. */
    @Bug(rules = "B2", category = EVENT_MAPPING,
            mistake = "a server error takes an early return to the error listeners and never reaches the '*' listeners")
    static final class ErrorNotOnAny extends BuggyTransport {
        ErrorNotOnAny(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!(key.equals(ANY) && event instanceof RealtimeServerEvent server && server.type().equals("error"))) {
                listener.accept(event);
            }
        }
    }

    /** B5 (MUST), event mapping: errors also emitted by name. */
    @Bug(rules = "B5", category = EVENT_MAPPING,
            mistake = "server errors are re-emitted under their own name like every other known event, so onServerEvent(\"error\") listeners get them too")
    static final class ErrorAlsoByName extends BuggyTransport {
        ErrorAlsoByName(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
            if (!serverEventType.equals("error")) {
                return super.onServerEvent(serverEventType, listener);
            }
            return delegate.onAny(event -> {
                if (event.type().equals("error")) {
                    listener.accept(event);
                }
            });
        }
    }

    /** B3 (MUST), event mapping: unknown types emitted by name. */
    @Bug(rules = "B3", category = EVENT_MAPPING,
            mistake = "every event is re-emitted under its own type name, known or not, so per-name listeners of unknown or beta types get events")
    static final class UnknownTypesByName extends BuggyTransport {
        UnknownTypesByName(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
            if (KNOWN.contains(serverEventType)) {
                return super.onServerEvent(serverEventType, listener);
            }
            return delegate.onAny(event -> {
                if (event.type().equals(serverEventType)) {
                    listener.accept(event);
                }
            });
        }
    }

    /** B3 (MUST), event mapping: beta names are treated as GA names. */
    @Bug(rules = "B3", category = EVENT_MAPPING,
            mistake = "a compatibility shim renames beta event types (response.audio.delta, response.text.delta, conversation.item.created, ...) to their GA names on receipt")
    static final class BetaNamesNormalised extends FrameBug {
        private static final Map<String, String> NAMES = Map.of("response.audio.delta", "response.output_audio.delta",
                "response.audio.done", "response.output_audio.done",
                "response.audio_transcript.delta", "response.output_audio_transcript.delta",
                "response.audio_transcript.done", "response.output_audio_transcript.done",
                "response.text.delta", "response.output_text.delta", "response.text.done", "response.output_text.done",
                "conversation.item.created", "conversation.item.added");

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            String ga = NAMES.get(Json.type(frame));
            if (ga == null) {
                in.deliver(text);
            } else {
                frame.put("type", ga);
                in.deliver(frame);
            }
        }
    }

    /** B4 (MUST), event mapping: audio deltas not emitted by name. */
    @Bug(rules = "B4", category = EVENT_MAPPING,
            mistake = "the audio fast path skips the per-name emission, so onServerEvent(\"response.output_audio.delta\") listeners never hear of audio")
    static final class AudioDeltaNotByName extends BuggyTransport {
        AudioDeltaNotByName(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(server("response.output_audio.delta"))) {
                listener.accept(event);
            }
        }
    }

    /** B5 (MUST), event mapping: the error payload is the inner error object. */
    @Bug(rules = "B5", category = EVENT_MAPPING,
            mistake = "the error event carries the inner error object (event.error) instead of the whole server event")
    static final class ErrorPayloadInnerOnly extends BuggyTransport {
        ErrorPayloadInnerOnly(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof TransportError.ServerError error
                    && error.event().get("error") instanceof Map<?, ?> inner && inner.get("type") instanceof String) {
                listener.accept(new TransportError.ServerError(RealtimeServerEvent.of(map(inner))));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B6 (MUST), event mapping: turn_started only for responses the client asked for. */
    @Bug(rules = "B6", category = EVENT_MAPPING,
            mistake = "turn_started is emitted from the response.create bookkeeping, so a response the server starts on its own (VAD) gets no turn_started")
    static final class TurnStartedOnlyWhenRequested extends BuggyTransport implements FrameHooks {
        private final Set<String> requested = ConcurrentHashMap.newKeySet();
        private volatile boolean createWritten;

        TurnStartedOnlyWhenRequested(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (FrameBug.isType(frame, "response.create")) {
                createWritten = true;
            }
            out.send(text);
        }

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            if (FrameBug.isType(frame, "response.created") && createWritten) {
                createWritten = false;
                String id = Json.text(Json.at(frame, "response"), "id");
                if (id != null) {
                    requested.add(id);
                }
            } else if (FrameBug.isType(frame, "error") && createWritten
                    && Json.text(Json.at(frame, "error"), "event_id") != null) {
                createWritten = false;
            }
            in.deliver(text);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof dev.realtimetck.api.TurnStarted started
                    && !requested.contains(String.valueOf(map(started.providerData().get("response")).get("id")))) {
                return;
            }
            listener.accept(event);
        }
    }

    /** B7 (MUST), event mapping: totalTokens from the server. */
    @Bug(rules = "B7", category = EVENT_MAPPING,
            mistake = "usage totalTokens copies the server's total_tokens instead of input + output")
    static final class ServerTotalTokens extends BuggyTransport {
        private volatile Long serverTotal;

        ServerTotalTokens(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("response.done", event -> {
                Object total = map(map(event.get("response")).get("usage")).get("total_tokens");
                serverTotal = total instanceof Number n ? n.longValue() : null;
            });
        }

        private Usage fix(Usage usage) {
            Long total = serverTotal;
            return total == null ? usage : new Usage(usage.requests(), usage.inputTokens(), usage.outputTokens(), total,
                    usage.inputTokensDetails(), usage.outputTokensDetails());
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof Usage usage) {
                listener.accept(fix(usage));
            } else if (event instanceof TurnDone done) {
                listener.accept(new TurnDone(new TurnDone.Response(done.response().id(), done.response().output(),
                        fix(done.response().usage()))));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B7 (MUST), event mapping: no usage_update without usage. */
    @Bug(rules = "B7", category = EVENT_MAPPING,
            mistake = "usage_update is emitted only when response.done carries usage")
    static final class UsageOnlyWhenSent extends BuggyTransport {
        private volatile boolean hadUsage;

        UsageOnlyWhenSent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("response.done",
                    event -> hadUsage = map(event.get("response")).get("usage") instanceof Map<?, ?>);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!(key.equals(TransportEventType.USAGE_UPDATE.name()) && !hadUsage)) {
                listener.accept(event);
            }
        }
    }

    /** B7 (MUST), event mapping: turn_done without output. */
    @Bug(rules = "B7", category = EVENT_MAPPING,
            mistake = "turn_done reports an empty output list instead of the response's output items")
    static final class TurnDoneWithoutOutput extends BuggyTransport {
        TurnDoneWithoutOutput(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof TurnDone done) {
                listener.accept(new TurnDone(new TurnDone.Response(done.response().id(), List.of(),
                        done.response().usage())));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B8 (MUST), event mapping: audio data left in base64. */
    @Bug(rules = "B8", category = EVENT_MAPPING,
            mistake = "the audio event carries the delta's base64 text as bytes instead of the decoded audio")
    static final class AudioStillBase64 extends BuggyTransport {
        AudioStillBase64(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof TransportAudioEvent audio) {
                byte[] text = Base64.getEncoder().encodeToString(audio.copyBytes()).getBytes(StandardCharsets.US_ASCII);
                listener.accept(new TransportAudioEvent(ByteBuffer.wrap(text), audio.responseId()));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B9 (MUST), event mapping: audio_done missing. */
    @Bug(rules = "B9", category = EVENT_MAPPING,
            mistake = "response.output_audio.done only updates audio tracking and never emits audio_done")
    static final class AudioDoneMissing extends BuggyTransport {
        AudioDoneMissing(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(TransportEventType.AUDIO_DONE.name())) {
                listener.accept(event);
            }
        }
    }

    /** B10 (MUST), event mapping: itemId and responseId swapped. */
    @Bug(rules = "B10", category = EVENT_MAPPING,
            mistake = "audio_transcript_delta is built with itemId and responseId swapped (positional constructor arguments)")
    static final class TranscriptIdsSwapped extends BuggyTransport {
        TranscriptIdsSwapped(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof TranscriptDelta delta) {
                listener.accept(new TranscriptDelta(delta.delta(), delta.responseId(), delta.itemId()));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B11 (MUST), event mapping: text deltas reported as transcript deltas. */
    @Bug(rules = "B11", category = EVENT_MAPPING,
            mistake = "response.output_text.delta shares the transcript handler and is emitted as audio_transcript_delta instead of output_text_delta")
    static final class TextDeltaAsTranscript extends BuggyTransport {
        TextDeltaAsTranscript(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.on(TransportEventType.OUTPUT_TEXT_DELTA, (TextDelta text) -> inject(
                    TransportEventType.AUDIO_TRANSCRIPT_DELTA.name(),
                    new TranscriptDelta(text.delta(), text.itemId(), text.responseId())));
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(TransportEventType.OUTPUT_TEXT_DELTA.name())) {
                listener.accept(event);
            }
        }
    }

    /** B12 (MUST), event mapping: user transcription deltas become transcript deltas. */
    @Bug(rules = "B12", category = EVENT_MAPPING,
            mistake = "conversation.item.input_audio_transcription.delta is also emitted as audio_transcript_delta")
    static final class InputTranscriptionAsTranscript extends BuggyTransport {
        InputTranscriptionAsTranscript(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("conversation.item.input_audio_transcription.delta", event -> {
                String delta = str(event.get("delta"));
                String item = str(event.get("item_id"));
                if (delta != null && item != null) {
                    inject(TransportEventType.AUDIO_TRANSCRIPT_DELTA.name(), new TranscriptDelta(delta, item, ""));
                }
            });
        }
    }

    /** B13 (MUST), event mapping: item_deleted missing. */
    @Bug(rules = "B13", category = EVENT_MAPPING,
            mistake = "conversation.item.deleted is passed on by name only; item_deleted is never emitted")
    static final class ItemDeletedMissing extends BuggyTransport {
        ItemDeletedMissing(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(TransportEventType.ITEM_DELETED.name())) {
                listener.accept(event);
            }
        }
    }

    /** Drops the retrieve the transport writes after one kind of server event. */
    abstract static class RetrieveMissing extends FrameBug {
        private final Set<String> pending = ConcurrentHashMap.newKeySet();

        abstract String trigger();

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            if (isType(frame, trigger()) && Json.text(frame, "item_id") != null) {
                pending.add(Json.text(frame, "item_id"));
            }
            in.deliver(text);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (!(isType(frame, "conversation.item.retrieve") && pending.remove(Json.text(frame, "item_id")))) {
                out.send(text);
            }
        }
    }

    /** B14 (MUST), event mapping: no retrieve after transcription. */
    @Bug(rules = "B14", category = EVENT_MAPPING,
            mistake = "the transport forgets to retrieve the item after conversation.item.input_audio_transcription.completed")
    static final class TranscriptionRetrieveMissing extends RetrieveMissing {
        @Override
        String trigger() {
            return "conversation.item.input_audio_transcription.completed";
        }
    }

    /** B21 (MUST), event mapping: no retrieve on MCP progress. */
    @Bug(rules = "B21", category = EVENT_MAPPING,
            mistake = "response.mcp_call.in_progress is not followed by conversation.item.retrieve")
    static final class McpRetrieveMissing extends RetrieveMissing {
        @Override
        String trigger() {
            return "response.mcp_call.in_progress";
        }
    }

    /** B15 (MUST), event mapping: system messages get a status. */
    @Bug(rules = "B15", category = EVENT_MAPPING,
            mistake = "item_update always fills in a status, so system messages get \"completed\"")
    static final class SystemMessageStatus extends BuggyTransport {
        SystemMessageStatus(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof RealtimeItem.Message m && m.role() == Role.SYSTEM && m.status() == null) {
                listener.accept(new RealtimeItem.Message(m.itemId(), m.previousItemId(), m.role(), m.content(),
                        ItemStatus.COMPLETED));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B15 (MUST), event mapping: added items default to completed. */
    @Bug(rules = "B15", category = EVENT_MAPPING,
            mistake = "a message item without status defaults to \"completed\" in conversation.item.added too, where it must be \"in_progress\"")
    static final class AddedDefaultsToCompleted extends BuggyTransport {
        private final Set<String> withoutStatus = ConcurrentHashMap.newKeySet();

        AddedDefaultsToCompleted(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("conversation.item.added", event -> {
                Map<String, Object> item = map(event.get("item"));
                if (str(item.get("id")) != null && !item.containsKey("status")) {
                    withoutStatus.add(str(item.get("id")));
                }
            });
            delegate.onServerEvent("conversation.item.done", event -> withoutStatus.remove(
                    str(map(event.get("item")).get("id"))));
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof RealtimeItem.Message m && m.status() == ItemStatus.IN_PROGRESS
                    && withoutStatus.contains(m.itemId())) {
                listener.accept(new RealtimeItem.Message(m.itemId(), m.previousItemId(), m.role(), m.content(),
                        ItemStatus.COMPLETED));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B15 (MUST), event mapping: assistant audio parts dropped. */
    @Bug(rules = "B15", category = EVENT_MAPPING,
            mistake = "content parts of the wire type \"audio\" are filtered out as unknown instead of becoming output_audio")
    static final class AssistantAudioPartDropped extends BuggyTransport {
        AssistantAudioPartDropped(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof RealtimeItem.Message m
                    && m.content().stream().anyMatch(part -> part instanceof ContentPart.OutputAudio)) {
                List<ContentPart> content = new ArrayList<>(m.content());
                content.removeIf(part -> part instanceof ContentPart.OutputAudio);
                listener.accept(new RealtimeItem.Message(m.itemId(), m.previousItemId(), m.role(), content,
                        m.status()));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B16 (MUST), event mapping: output items get a previousItemId. */
    @Bug(rules = "B16", category = EVENT_MAPPING,
            mistake = "item_update for response.output_item.* reuses the conversation placement and sets previousItemId to the last item added to the conversation")
    static final class OutputItemPlacedAfterLastItem extends BuggyTransport {
        private volatile String lastAdded;
        private volatile String outputItem;

        OutputItemPlacedAfterLastItem(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("conversation.item.added", event -> {
                String id = str(map(event.get("item")).get("id"));
                if (id != null) {
                    lastAdded = id;
                }
            });
            Consumer<RealtimeServerEvent> output = event -> outputItem = str(map(event.get("item")).get("id"));
            delegate.onServerEvent("response.output_item.added", output);
            delegate.onServerEvent("response.output_item.done", output);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            String last = lastAdded;
            if (event instanceof RealtimeItem.Message m && m.previousItemId() == null && m.itemId().equals(outputItem)
                    && last != null && !last.equals(m.itemId())) {
                listener.accept(new RealtimeItem.Message(m.itemId(), last, m.role(), m.content(), m.status()));
            } else {
                listener.accept(event);
            }
        }
    }

    static TransportToolCallEvent toolCall(RealtimeServerEvent event) {
        Map<String, Object> item = map(event.get("item"));
        String id = str(item.get("id"));
        if (id == null || !"function_call".equals(item.get("type"))) {
            return null;
        }
        String callId = str(item.get("call_id"));
        String name = str(item.get("name"));
        String arguments = str(item.get("arguments"));
        return new TransportToolCallEvent(id, callId == null ? "" : callId, name == null ? "" : name,
                arguments == null ? "" : arguments, str(event.get("response_id")), null);
    }

    /** B17 (MUST), event mapping: function_call while in progress. */
    @Bug(rules = "B17", category = EVENT_MAPPING,
            mistake = "function_call is emitted for every function_call output item, without checking status == \"completed\", so in-progress calls arrive with partial arguments")
    static final class FunctionCallWhileInProgress extends BuggyTransport {
        FunctionCallWhileInProgress(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            Consumer<RealtimeServerEvent> check = event -> {
                TransportToolCallEvent call = toolCall(event);
                if (call != null && !"completed".equals(map(event.get("item")).get("status"))) {
                    inject(TransportEventType.FUNCTION_CALL.name(), call);
                }
            };
            delegate.onServerEvent("response.output_item.added", check);
            delegate.onServerEvent("response.output_item.done", check);
        }
    }

    /** B17 (MUST), event mapping: function_call also from conversation.item.done. */
    @Bug(rules = "B17", category = EVENT_MAPPING,
            mistake = "function_call is also emitted for a completed function_call item in conversation.item.done, so each call is reported twice")
    static final class FunctionCallFromConversationItem extends BuggyTransport {
        FunctionCallFromConversationItem(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("conversation.item.done", event -> {
                TransportToolCallEvent call = toolCall(event);
                if (call != null && "completed".equals(map(event.get("item")).get("status"))) {
                    inject(TransportEventType.FUNCTION_CALL.name(), call);
                }
            });
        }
    }

    /** B17 (MUST), event mapping: id and callId swapped. */
    @Bug(rules = "B17", category = EVENT_MAPPING,
            mistake = "function_call is built with the item id and the call_id swapped")
    static final class FunctionCallIdsSwapped extends BuggyTransport {
        FunctionCallIdsSwapped(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof TransportToolCallEvent call && !call.callId().isEmpty()) {
                listener.accept(new TransportToolCallEvent(call.callId(), call.id(), call.name(), call.arguments(),
                        call.responseId(), call.previousItemId()));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B18 (MUST), event mapping: mcp_tool_call_completed missing. */
    @Bug(rules = "B18", category = EVENT_MAPPING,
            mistake = "conversation.item.done of an MCP call gives the item_update but never mcp_tool_call_completed")
    static final class McpCompletedMissing extends BuggyTransport {
        McpCompletedMissing(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!key.equals(TransportEventType.MCP_TOOL_CALL_COMPLETED.name())) {
                listener.accept(event);
            }
        }
    }

    /** B19 (MUST), event mapping: approved defaults to false. */
    @Bug(rules = "B19", category = EVENT_MAPPING,
            mistake = "mcp_approval_request maps a missing approved to false (a primitive boolean) instead of leaving it absent")
    static final class McpApprovedDefaultsFalse extends BuggyTransport {
        McpApprovedDefaultsFalse(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof RealtimeItem.McpApprovalRequest request && request.approved() == null) {
                listener.accept(new RealtimeItem.McpApprovalRequest(request.itemId(), request.serverLabel(),
                        request.name(), request.arguments(), Boolean.FALSE));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B20 (MUST), event mapping: tools listed on conversation.item.added too. */
    @Bug(rules = "B20", category = EVENT_MAPPING,
            mistake = "mcp_tools_listed is emitted for an mcp_list_tools item in conversation.item.added as well as in conversation.item.done")
    static final class McpToolsListedOnAdded extends BuggyTransport {
        McpToolsListedOnAdded(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.onServerEvent("conversation.item.added", event -> {
                Map<String, Object> item = map(event.get("item"));
                if (!"mcp_list_tools".equals(item.get("type"))) {
                    return;
                }
                List<McpToolInfo> tools = new ArrayList<>();
                if (item.get("tools") instanceof List<?> list) {
                    for (Object tool : list) {
                        Map<String, Object> t = map(tool);
                        if (str(t.get("name")) != null && !str(t.get("name")).isEmpty()) {
                            Map<String, Object> extra = new LinkedHashMap<>(t);
                            extra.keySet().removeAll(Set.of("name", "description", "input_schema"));
                            tools.add(new McpToolInfo(str(t.get("name")), str(t.get("description")),
                                    map(t.get("input_schema")), extra));
                        }
                    }
                }
                String label = str(item.get("server_label"));
                inject(TransportEventType.MCP_TOOLS_LISTED.name(), new McpToolsListed(label == null ? "" : label, tools));
            });
        }
    }
}
