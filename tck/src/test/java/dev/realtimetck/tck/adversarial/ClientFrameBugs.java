package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.CLIENT_FRAME;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.UserContent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose sending methods put the wrong frames on the wire (A4-A15, A24-A26, A35). */
final class ClientFrameBugs {

    private ClientFrameBugs() {
    }

    /** A4 (MUST), client frame: sendEvent stamps every client event with a generated event_id. */
    @Bug(rules = "A4", category = CLIENT_FRAME,
            mistake = "sendEvent stamps every client event with a generated event_id, not only response.create")
    static final class EventIdOnEveryEvent extends BuggyTransport {
        private final AtomicInteger ids = new AtomicInteger();

        EventIdOnEveryEvent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if (!event.type().startsWith("response.") && !event.fields().containsKey("event_id")) {
                Map<String, Object> fields = new LinkedHashMap<>(event.fields());
                fields.put("event_id", "evt_" + ids.incrementAndGet());
                event = new RealtimeClientMessage(event.type(), fields);
            }
            super.sendEvent(event);
        }
    }

    /** A4 (MUST), client frame: the serialiser drops null-valued fields of events given to sendEvent. */
    @Bug(rules = "A4", category = CLIENT_FRAME,
            mistake = "sendEvent serialises with a NON_NULL mapper, so explicit null fields of the event are dropped")
    static final class SendEventDropsNulls extends BuggyTransport {
        SendEventDropsNulls(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            super.sendEvent(new RealtimeClientMessage(event.type(), withoutNulls(event.fields())));
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> withoutNulls(Map<String, Object> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested) {
                    copy.put(key, withoutNulls((Map<String, Object>) nested));
                } else if (value != null) {
                    copy.put(key, value);
                }
            });
            return copy;
        }
    }

    /** A7 (MUST), client frame: sendEvent before connect is silently ignored. */
    @Bug(rules = {"A7", "C17"}, category = CLIENT_FRAME,
            mistake = "sendEvent returns quietly when there is no socket instead of throwing")
    static final class SendEventIgnoredWhenDisconnected extends BuggyTransport {
        SendEventIgnoredWhenDisconnected(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if (delegate.status() == ConnectionStatus.CONNECTED) {
                super.sendEvent(event);
            }
        }
    }

    /** A5 (MUST(seq)), client frame: a caller's string event_id on response.create is replaced. */
    @Bug(rules = {"A5", "D1"}, category = CLIENT_FRAME,
            mistake = "sendEvent(response.create) always overwrites event_id with a generated one, losing the caller's")
    static final class CallerEventIdReplaced extends BuggyTransport {
        CallerEventIdReplaced(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if ("response.create".equals(event.type()) && event.fields().containsKey("event_id")) {
                Map<String, Object> fields = new LinkedHashMap<>(event.fields());
                fields.remove("event_id");
                event = new RealtimeClientMessage(event.type(), fields);
            }
            super.sendEvent(event);
        }
    }

    /** A6 (MUST), client frame: sendEvent(response.cancel) is dropped when no response is active. */
    @Bug(rules = "A6", category = CLIENT_FRAME,
            mistake = "sendEvent(response.cancel) is swallowed when the transport believes no response is active")
    static final class CancelDroppedWhenIdle extends BuggyTransport {
        CancelDroppedWhenIdle(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if ("response.cancel".equals(event.type()) && !seam.responseActive()
                    && delegate.status() == ConnectionStatus.CONNECTED) {
                return;
            }
            super.sendEvent(event);
        }
    }

    /** A8 (MUST), client frame: requestResponse(payload) loses its payload. */
    @Bug(rules = "A8", category = CLIENT_FRAME,
            mistake = "requestResponse(payload) calls the no-argument overload, so the response payload never reaches the wire")
    static final class RequestPayloadIgnored extends BuggyTransport {
        RequestPayloadIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            super.requestResponse();
        }
    }

    /** A9 (MUST), client frame: user text goes out as content type "text". */
    @Bug(rules = "A9", category = CLIENT_FRAME,
            mistake = "user text parts are written with the assistant/beta content type \"text\" instead of \"input_text\"")
    static final class UserTextTypedText extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isUserMessageCreate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            for (JsonNode part : frame.get("item").get("content")) {
                if ("input_text".equals(Json.text(part, "type"))) {
                    ((ObjectNode) part).put("type", "text");
                }
            }
        }
    }

    /** A9 (MUST), client frame: sendMessage invents a client-side item id. */
    @Bug(rules = "A9", category = CLIENT_FRAME,
            mistake = "sendMessage assigns its own item id to the user message (\"item\":{\"id\":...}) to correlate events")
    static final class ClientItemIdAssigned extends FrameBug.Rewrite {
        private int next;

        @Override
        boolean matches(ObjectNode frame) {
            return isUserMessageCreate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("item")).put("id", "msg_client_" + (++next));
        }
    }

    /** A10 (MUST), client frame: input_image keeps the key "image". */
    @Bug(rules = "A10", category = CLIENT_FRAME,
            mistake = "an input_image part is serialised with the API field name \"image\" instead of \"image_url\"")
    static final class ImageKeyNotRenamed extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isUserMessageCreate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            for (JsonNode part : frame.get("item").get("content")) {
                if (part instanceof ObjectNode p && p.has("image_url")) {
                    p.set("image", p.remove("image_url"));
                }
            }
        }
    }

    /** A10 (MUST), client frame: text parts are written before image parts. */
    @Bug(rules = "A10", category = CLIENT_FRAME,
            mistake = "message content is built from two lists (texts, then images), so the caller's part order is lost")
    static final class TextPartsFirst extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isUserMessageCreate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ArrayNode content = (ArrayNode) frame.get("item").get("content");
            List<JsonNode> texts = new ArrayList<>();
            List<JsonNode> others = new ArrayList<>();
            content.forEach(part -> ("input_text".equals(Json.text(part, "type")) ? texts : others).add(part));
            content.removeAll();
            texts.forEach(content::add);
            others.forEach(content::add);
        }
    }

    /** A11 (MUST), client frame: otherEventData is ignored. */
    @Bug(rules = "A11", category = CLIENT_FRAME,
            mistake = "sendMessage never copies otherEventData onto the event (the parameter is accepted and unused)")
    static final class OtherEventDataIgnored extends BuggyTransport {
        OtherEventDataIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            super.sendMessage(message, Map.of(), options);
        }
    }

    /** A11 (MUST), client frame: otherEventData lands inside the item. */
    @Bug(rules = "A11", category = CLIENT_FRAME,
            mistake = "otherEventData is merged into the item object instead of onto the event itself")
    static final class OtherEventDataInsideItem extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isUserMessageCreate(frame);
        }

        @Override
        void rewrite(ObjectNode frame) {
            ObjectNode item = (ObjectNode) frame.get("item");
            for (String key : new ArrayList<>(frame.propertyNames())) {
                if (!key.equals("type") && !key.equals("item")) {
                    item.set(key, frame.remove(key));
                }
            }
        }
    }

    /** A12 (MUST), client frame: triggerResponse=false is ignored. */
    @Bug(rules = "A12", category = CLIENT_FRAME,
            mistake = "sendMessage checks options != null instead of options.triggerResponse(), so it always requests a response")
    static final class TriggerResponseIgnored extends BuggyTransport {
        TriggerResponseIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            super.sendMessage(message, otherEventData, SendMessageOptions.DEFAULT);
        }
    }

    /** A12 (MUST), client frame: the response is requested before the item is created. */
    @Bug(rules = "A12", category = CLIENT_FRAME,
            mistake = "sendMessage requests the response first and writes the conversation.item.create second")
    static final class ResponseRequestedBeforeItem extends BuggyTransport {
        ResponseRequestedBeforeItem(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            if (options.triggerResponse()) {
                super.requestResponse();
            }
            super.sendMessage(message, otherEventData, SendMessageOptions.NO_RESPONSE);
        }
    }

    /** A13 (MUST), client frame: addImage adds a detail key. */
    @Bug(rules = "A13", category = CLIENT_FRAME,
            mistake = "addImage fills in the API default \"detail\":\"auto\" on the image part")
    static final class ImageDetailAdded extends BuggyTransport {
        ImageDetailAdded(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void addImage(String image, boolean triggerResponse) {
            super.sendMessage(RealtimeUserInput.message(
                            List.of(new UserContent.InputImage(image, Map.of("detail", "auto")))), Map.of(),
                    new SendMessageOptions(triggerResponse));
        }
    }

    /** A13 (MUST), client frame: addImage never triggers a response. */
    @Bug(rules = "A13", category = CLIENT_FRAME,
            mistake = "addImage passes triggerResponse=false to the message path whatever the caller asked")
    static final class AddImageNeverTriggers extends BuggyTransport {
        AddImageNeverTriggers(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void addImage(String image, boolean triggerResponse) {
            super.addImage(image, false);
        }
    }

    /** A14 (MUST), client frame: URL-safe base64. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio encodes with Base64.getUrlEncoder() (the -_ alphabet) instead of the standard one")
    static final class UrlSafeBase64 extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isType(frame, "input_audio_buffer.append");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.put("audio", Json.text(frame, "audio").replace('+', '-').replace('/', '_'));
        }
    }

    /** A14 (MUST), client frame: base64 without padding. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio encodes with Base64.getEncoder().withoutPadding(), so chunks not a multiple of 3 bytes lose their '='")
    static final class UnpaddedBase64 extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isType(frame, "input_audio_buffer.append");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.put("audio", Json.text(frame, "audio").replace("=", ""));
        }
    }

    /** A14 (MUST), client frame: commit ignored. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio ignores its commit flag (input_audio_buffer.commit is never written)")
    static final class CommitIgnored extends BuggyTransport {
        CommitIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            super.sendAudio(audio, false);
        }
    }

    /** A14 (MUST), client frame: commit before append. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio with commit writes input_audio_buffer.commit before the append it should follow")
    static final class CommitBeforeAppend extends BuggyTransport {
        CommitBeforeAppend(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            if (commit && delegate.status() == ConnectionStatus.CONNECTED) {
                delegate.sendEvent(RealtimeClientMessage.of("input_audio_buffer.commit"));
            }
            super.sendAudio(audio, false);
        }
    }

    /** A14 (MUST), client frame: the whole backing array is encoded. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio encodes buffer.array() whole, ignoring the buffer's position, limit and array offset")
    static final class WholeBackingArray extends BuggyTransport {
        WholeBackingArray(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            super.sendAudio(audio.hasArray() ? ByteBuffer.wrap(audio.array()) : audio, commit);
        }
    }

    /** A14 (MUST), client frame: samples written big-endian. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio copies samples through a ShortBuffer in ByteBuffer's default big-endian order, swapping every sample's bytes")
    static final class BigEndianSamples extends BuggyTransport {
        BigEndianSamples(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            ByteBuffer source = audio.duplicate();
            byte[] bytes = new byte[source.remaining()];
            source.get(bytes);
            for (int i = 0; i + 1 < bytes.length; i += 2) {
                byte low = bytes[i];
                bytes[i] = bytes[i + 1];
                bytes[i + 1] = low;
            }
            super.sendAudio(ByteBuffer.wrap(bytes), commit);
        }
    }

    /** A14 (MUST), client frame: large buffers split into several appends. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "sendAudio splits buffers over 32 KiB into several input_audio_buffer.append frames")
    static final class AudioSplitIntoFrames extends FrameBug {
        private static final int CHARS = 32 * 1024 / 3 * 4;

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            String audio = isType(frame, "input_audio_buffer.append") ? Json.text(frame, "audio") : null;
            if (audio == null || audio.length() <= CHARS) {
                out.send(text);
                return;
            }
            for (int start = 0; start < audio.length(); start += CHARS) {
                ObjectNode part = frame.deepCopy();
                part.put("audio", audio.substring(start, Math.min(audio.length(), start + CHARS)));
                out.send(part);
            }
        }
    }

    /** A14 (MUST), client frame: sendText futures not awaited, overlapping sends lost. */
    @Bug(rules = "A14", category = CLIENT_FRAME,
            mistake = "frames are written with sendText without awaiting the previous send's future; when the socket pushes back the JDK refuses the overlapping send and the frame (usually audio) is lost")
    static final class UnawaitedSends extends FrameBug {
        @Override
        public boolean awaitWrites() {
            return false;
        }
    }

    /** X20 (port duty), client frame: large buffers throw. */
    @Bug(rules = {"X20", "A14"}, category = CLIENT_FRAME,
            mistake = "sendAudio rejects buffers above 125,000 bytes, as a port of the 0.17 single-call base64 encoder would")
    static final class LargeAudioRejected extends BuggyTransport {
        LargeAudioRejected(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            if (audio.remaining() > 125_000 && delegate.status() == ConnectionStatus.CONNECTED) {
                throw new IllegalArgumentException("audio: buffer too large to encode (" + audio.remaining() + " bytes)");
            }
            super.sendAudio(audio, commit);
        }
    }

    /** A15 (MUST), client frame: sendAudio throws when not connected. */
    @Bug(rules = {"A15", "C17"}, category = CLIENT_FRAME,
            mistake = "sendAudio shares the not-connected check of the other senders and throws instead of doing nothing")
    static final class SendAudioThrowsWhenDisconnected extends BuggyTransport {
        SendAudioThrowsWhenDisconnected(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            if (delegate.status() != ConnectionStatus.CONNECTED) {
                throw new IllegalStateException("WebSocket is not connected");
            }
            super.sendAudio(audio, commit);
        }
    }

    /** A24 (MUST), client frame: close writes a frame. */
    @Bug(rules = "A24", category = CLIENT_FRAME,
            mistake = "close() first clears the server's input audio buffer (input_audio_buffer.clear) to leave a clean session")
    static final class CloseClearsInputBuffer extends BuggyTransport {
        CloseClearsInputBuffer(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void close() {
            if (delegate.status() == ConnectionStatus.CONNECTED) {
                delegate.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
            }
            super.close();
        }
    }

    /** A25 (MUST), client frame: mute silently ignored. */
    @Bug(rules = "A25", category = CLIENT_FRAME,
            mistake = "mute(boolean) is an empty method instead of throwing UnsupportedOperationException")
    static final class MuteIgnored extends BuggyTransport {
        MuteIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void mute(boolean muted) {
        }
    }

    /** A25 (MUST), client frame: muted() reports UNMUTED. */
    @Bug(rules = "A25", category = CLIENT_FRAME,
            mistake = "muted() maps TypeScript's null to false and reports UNMUTED instead of NOT_HANDLED")
    static final class MutedReportsUnmuted extends BuggyTransport {
        MutedReportsUnmuted(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public MuteState muted() {
            return MuteState.UNMUTED;
        }
    }

    /** A26 (MUST), client frame: response requested before the function output. */
    @Bug(rules = {"A26", "D0"}, category = CLIENT_FRAME,
            mistake = "sendFunctionCallOutput requests the follow-up response before writing the function_call_output item")
    static final class OutputAfterResponseRequest extends BuggyTransport {
        OutputAfterResponseRequest(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            if (startResponse) {
                super.requestResponse();
            }
            super.sendFunctionCallOutput(toolCall, output, false);
        }
    }

    /** A26 (MUST), client frame: call_id taken from the item id. */
    @Bug(rules = "A26", category = CLIENT_FRAME,
            mistake = "sendFunctionCallOutput writes the tool call's item id (id) as call_id instead of its callId")
    static final class CallIdFromItemId extends BuggyTransport {
        CallIdFromItemId(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            super.sendFunctionCallOutput(new TransportToolCallEvent(toolCall.id(), toolCall.id(), toolCall.name(),
                    toolCall.arguments(), toolCall.responseId(), toolCall.previousItemId()), output, startResponse);
        }
    }

    /** A26 (MUST), client frame: no local item_update. */
    @Bug(rules = "A26", category = CLIENT_FRAME,
            mistake = "sendFunctionCallOutput writes the output but never emits the local item_update for the completed call")
    static final class NoLocalItemUpdate extends BuggyTransport {
        private final Map<String, Boolean> answered = new ConcurrentHashMap<>();

        NoLocalItemUpdate(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            answered.put(toolCall.id(), Boolean.TRUE);
            super.sendFunctionCallOutput(toolCall, output, startResponse);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event instanceof RealtimeItem.FunctionCall call && call.output() != null
                    && answered.containsKey(call.itemId()) && key.equals(TransportEventType.ITEM_UPDATE.name())) {
                return;
            }
            listener.accept(event);
        }
    }

    /** A26 (MUST), client frame: startResponse ignored. */
    @Bug(rules = "A26", category = CLIENT_FRAME,
            mistake = "sendFunctionCallOutput always requests a response, ignoring startResponse=false")
    static final class StartResponseIgnored extends BuggyTransport {
        StartResponseIgnored(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            super.sendFunctionCallOutput(toolCall, output, true);
        }
    }

    /** A35 (MUST), client frame: approval response without previous_item_id. */
    @Bug(rules = "A35", category = CLIENT_FRAME,
            mistake = "sendMcpResponse leaves out previous_item_id, so the approval lands at the end of the conversation")
    static final class McpResponseUnanchored extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isItemOfType(frame, "mcp_approval_response");
        }

        @Override
        void rewrite(ObjectNode frame) {
            frame.remove("previous_item_id");
        }
    }

    /** A35 (MUST), client frame: approval response requests a response. */
    @Bug(rules = "A35", category = CLIENT_FRAME,
            mistake = "sendMcpResponse requests a response afterwards, as sendFunctionCallOutput does")
    static final class McpResponseRequestsResponse extends BuggyTransport {
        McpResponseRequestsResponse(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
            super.sendMcpResponse(approvalRequest, approved, reason);
            super.requestResponse();
        }
    }

    /** A35 (MUST), client frame: a null reason is written. */
    @Bug(rules = "A35", category = CLIENT_FRAME,
            mistake = "sendMcpResponse always writes the reason key, as \"reason\":null when none was given")
    static final class McpReasonNull extends FrameBug.Rewrite {
        @Override
        boolean matches(ObjectNode frame) {
            return isItemOfType(frame, "mcp_approval_response") && !frame.get("item").has("reason");
        }

        @Override
        void rewrite(ObjectNode frame) {
            ((ObjectNode) frame.get("item")).putNull("reason");
        }
    }
}
