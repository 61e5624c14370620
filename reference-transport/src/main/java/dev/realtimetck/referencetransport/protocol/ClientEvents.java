package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.UserContent;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Client frames of rules A9-A14, A26, A29, A35 and the B14/B21 retrieve follow-ups. */
final class ClientEvents {

    static final String COMMIT = "{\"type\":\"input_audio_buffer.commit\"}";
    static final String CANCEL = "{\"type\":\"response.cancel\"}";

    private ClientEvents() {
    }

    /** A9-A11: {@code conversation.item.create} with a user message; {@code otherEventData} spread last. */
    static String userMessage(RealtimeUserInput message, Map<String, Object> otherEventData) {
        ObjectNode event = Json.event("conversation.item.create");
        ObjectNode item = event.putObject("item");
        item.put("type", "message");
        item.put("role", "user");
        ArrayNode content = item.putArray("content");
        if (message instanceof RealtimeUserInput.Text text) {
            inputText(content, text.text());
        } else if (message instanceof RealtimeUserInput.Message structured) {
            for (UserContent part : structured.content()) {
                if (part instanceof UserContent.InputText t) {
                    inputText(content, t.text());
                } else if (part instanceof UserContent.InputImage image) {
                    ObjectNode node = content.addObject();
                    node.put("type", "input_image");
                    node.put("image_url", image.image());
                    Json.spread(node, image.providerData());
                }
            }
        }
        Json.spread(event, otherEventData);
        return Json.write(event);
    }

    private static void inputText(ArrayNode content, String text) {
        ObjectNode node = content.addObject();
        node.put("type", "input_text");
        node.put("text", text);
    }

    /** A26 step 1. */
    static String functionCallOutput(TransportToolCallEvent call, String output) {
        ObjectNode event = Json.event("conversation.item.create");
        ObjectNode item = event.putObject("item");
        item.put("type", "function_call_output");
        item.put("output", output);
        item.put("call_id", call.callId());
        return Json.write(event);
    }

    /** A35. */
    static String mcpApprovalResponse(RealtimeItem.McpApprovalRequest request, boolean approved, String reason) {
        ObjectNode event = Json.event("conversation.item.create");
        event.put("previous_item_id", request.itemId());
        ObjectNode item = event.putObject("item");
        item.put("type", "mcp_approval_response");
        item.put("approval_request_id", request.itemId());
        item.put("approve", approved);
        Json.putIfPresent(item, "reason", reason);
        return Json.write(event);
    }

    /** A29 step 3. */
    static String truncate(String itemId, int contentIndex, long audioEndMs) {
        ObjectNode event = Json.event("conversation.item.truncate");
        event.put("item_id", itemId);
        event.put("content_index", contentIndex);
        event.put("audio_end_ms", audioEndMs);
        return Json.write(event);
    }

    /** B14/B21. */
    static String retrieve(String itemId) {
        ObjectNode event = Json.event("conversation.item.retrieve");
        event.put("item_id", itemId);
        return Json.write(event);
    }

    /** A16 and A3. */
    static String sessionUpdate(ObjectNode session) {
        ObjectNode event = Json.event("session.update");
        event.set("session", session);
        return Json.write(event);
    }
}
