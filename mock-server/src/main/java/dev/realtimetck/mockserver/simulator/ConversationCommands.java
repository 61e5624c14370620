package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.mockserver.core.ProtocolErrors;
import dev.realtimetck.mockserver.core.SessionContext;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code conversation.item.*} client events of one session: create, retrieve, delete and truncate, answered
 * with the matching server events or an {@code error}. Runs on the session's serial executor.
 */
final class ConversationCommands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SessionContext ctx;
    private final Conversation conversation;
    private final SessionConfig config;

    ConversationCommands(SessionContext ctx, Conversation conversation, SessionConfig config) {
        this.ctx = ctx;
        this.conversation = conversation;
        this.config = config;
    }

    void create(ObjectNode event) {
        JsonNode given = event.path("item");
        if (!given.isObject()) {
            error("missing_required_parameter", "Missing required parameter: 'item'.", "item", event);
            return;
        }
        ObjectNode item = ((ObjectNode) given).deepCopy();
        String type = item.path("type").asString("");
        if (!List.of("message", "function_call", "function_call_output").contains(type)) {
            error("invalid_value", "Invalid 'item.type': '" + type
                    + "'. Expected 'message', 'function_call' or 'function_call_output'.", "item.type", event);
            return;
        }
        JsonNode previousParam = event.path("previous_item_id");
        String previousItemId = previousParam.isString() ? previousParam.asString() : null;
        if (previousItemId != null && !previousItemId.equals("root") && !conversation.contains(previousItemId)) {
            error("item_not_found", "Previous item with id '" + previousItemId + "' does not exist.",
                    "previous_item_id", event);
            return;
        }
        if (item.path("id").isString()) {
            if (conversation.contains(item.get("id").asString())) {
                error("item_already_exists", "Item with id '" + item.get("id").asString() + "' already exists.",
                        "item.id", event);
                return;
            }
        } else {
            item.put("id", ctx.ids().next("item"));
        }
        AudioClip audio = null;
        if (type.equals("message")) {
            String role = item.path("role").asString("");
            if (!List.of("user", "assistant", "system").contains(role)) {
                error("invalid_value", "Invalid 'item.role': '" + role + "'. Expected 'user', 'assistant' or 'system'.",
                        "item.role", event);
                return;
            }
            for (JsonNode part : item.path("content")) {
                String partType = part.path("type").asString("");
                if (partType.equals("output_audio") || (role.equals("assistant") && partType.equals("audio"))) {
                    error("invalid_value", "Assistant audio messages cannot be created by the client.",
                            "item.content", event);
                    return;
                }
                if (partType.equals("input_audio") && part.path("audio").isString()) {
                    try {
                        byte[] bytes = Base64.getDecoder().decode(part.get("audio").asString());
                        audio = new AudioClip(AudioCodec.decode(evenLength(bytes, config.inputFormat()),
                                config.inputFormat()), config.inputFormat());
                    } catch (IllegalArgumentException e) {
                        error("invalid_value", "Invalid 'audio' of an input_audio part: not valid base64.",
                                "item.content", event);
                        return;
                    }
                    ((ObjectNode) part).remove("audio");
                }
                if (partType.equals("input_audio") && !part.has("transcript")) {
                    ((ObjectNode) part).putNull("transcript");
                }
            }
        } else if (type.equals("function_call")) {
            if (!item.path("call_id").isString()) {
                item.put("call_id", ctx.ids().next("call"));
            }
            if (!item.path("arguments").isString()) {
                item.put("arguments", "");
            }
        }
        if (!item.path("status").isString()) {
            item.put("status", "completed");
        }
        item.remove("object");
        String previous = conversation.insert(new Conversation.Entry(item, audio), previousItemId);
        send(event("conversation.item.added").put("previous_item_id", previous).set("item", item.deepCopy()));
        send(event("conversation.item.done").put("previous_item_id", previous).set("item", item.deepCopy()));
    }

    private static byte[] evenLength(byte[] bytes, AudioFormat format) {
        if (format instanceof AudioFormat.Pcm && bytes.length % 2 == 1) {
            return java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }

    private Optional<Conversation.Entry> requireItem(ObjectNode event) {
        String itemId = event.path("item_id").asString("");
        Optional<Conversation.Entry> entry = conversation.find(itemId);
        if (entry.isEmpty()) {
            error("item_not_found", "Item with item_id '" + itemId + "' not found in the conversation.", "item_id",
                    event);
        }
        return entry;
    }

    void retrieve(ObjectNode event) {
        requireItem(event).ifPresent(entry -> {
            ObjectNode item = entry.item.deepCopy();
            item.put("object", "realtime.item");
            if (entry.audio != null) {
                for (JsonNode part : item.path("content")) {
                    String partType = part.path("type").asString("");
                    if (partType.equals("input_audio") || partType.equals("output_audio")) {
                        ((ObjectNode) part).put("audio", Base64.getEncoder().encodeToString(entry.audio.encode()));
                        ((ObjectNode) part).set("format", AudioFormats.toJson(entry.audio.format()));
                    }
                }
            }
            send(event("conversation.item.retrieved").set("item", item));
        });
    }

    void delete(ObjectNode event) {
        requireItem(event).ifPresent(entry -> {
            conversation.delete(entry.id());
            send(event("conversation.item.deleted").put("item_id", entry.id()));
        });
    }

    void truncate(ObjectNode event) {
        Optional<Conversation.Entry> found = requireItem(event);
        if (found.isEmpty()) {
            return;
        }
        Conversation.Entry entry = found.get();
        int contentIndex = event.path("content_index").asInt(0);
        JsonNode part = entry.item.path("content").path(contentIndex);
        if (!entry.item.path("role").asString("").equals("assistant") || entry.audio == null
                || !part.path("type").asString("").equals("output_audio")) {
            error("invalid_value", "Only assistant messages with audio can be truncated; item '" + entry.id()
                    + "' has no audio at content_index " + contentIndex + ".", "content_index", event);
            return;
        }
        long audioEndMs = event.path("audio_end_ms").asLong(-1);
        long duration = entry.audio.durationMillis();
        if (audioEndMs < 0 || audioEndMs > duration) {
            error("invalid_value", "Invalid 'audio_end_ms': " + audioEndMs + ". The audio of item '" + entry.id()
                    + "' is " + duration + " ms long.", "audio_end_ms", event);
            return;
        }
        entry.audio = entry.audio.truncate(audioEndMs);
        entry.truncated = true;
        ((ObjectNode) part).put("transcript", "");
        send(event("conversation.item.truncated").put("item_id", entry.id()).put("content_index", contentIndex)
                .put("audio_end_ms", audioEndMs));
    }

    private void error(String code, String message, String param, ObjectNode event) {
        ctx.send(ProtocolErrors.invalidRequest(code, message, param, event));
    }

    private static ObjectNode event(String type) {
        return JSON.objectNode().put("type", type);
    }

    private void send(ObjectNode event) {
        ctx.send(event);
    }
}
