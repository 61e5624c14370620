package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolInfo;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Server items to API items (B15-B20). Lenient (X10): an item is built whenever the fields its record needs are
 * present; unknown fields and unknown content parts are skipped; null means "cannot be built".
 */
final class ServerItems {

    private ServerItems() {
    }

    static RealtimeItem.Message message(JsonNode item, String previousItemId, boolean hasPreviousItemId,
            ItemStatus defaultStatus) {
        String id = Json.text(item, "id");
        String roleName = Json.text(item, "role");
        if (id == null || id.isEmpty() || roleName == null) {
            return null;
        }
        Role role;
        try {
            role = Role.fromWire(roleName);
        } catch (IllegalArgumentException unknownRole) {
            return null;
        }
        List<ContentPart> content = new ArrayList<>();
        for (JsonNode part : item.path("content")) {
            ContentPart mapped = part(part);
            if (mapped != null) {
                content.add(mapped);
            }
        }
        ItemStatus status = role == Role.SYSTEM ? null : status(item, defaultStatus);
        return new RealtimeItem.Message(id, previousItemId, hasPreviousItemId, role, content, status);
    }

    private static ContentPart part(JsonNode part) {
        String type = Json.text(part, "type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "input_text" -> new ContentPart.InputText(Json.textOr(part, "text", ""));
            case "input_audio" -> new ContentPart.InputAudio(Json.text(part, "audio"), Json.text(part, "transcript"));
            case "input_image" -> {
                String url = Json.text(part, "image_url");
                yield url == null || url.isEmpty() ? null : new ContentPart.InputImage(url, Json.text(part, "detail"));
            }
            case "output_text", "text" -> new ContentPart.OutputText(Json.textOr(part, "text", ""));
            case "output_audio", "audio" ->
                    new ContentPart.OutputAudio(Json.text(part, "audio"), Json.text(part, "transcript"));
            default -> null;
        };
    }

    static ItemStatus status(JsonNode item, ItemStatus fallback) {
        String status = Json.text(item, "status");
        if (status == null) {
            return fallback;
        }
        try {
            return ItemStatus.fromWire(status);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    static RealtimeItem.McpCall mcpCall(JsonNode item, String type, ItemStatus status) {
        String id = Json.text(item, "id");
        if (id == null || id.isEmpty()) {
            return null;
        }
        return new RealtimeItem.McpCall(id, null, type, status, Json.text(item, "name"), Json.text(item, "arguments"),
                Json.text(item, "output"));
    }

    static RealtimeItem.McpApprovalRequest approvalRequest(JsonNode item) {
        String id = Json.text(item, "id");
        if (id == null || id.isEmpty()) {
            return null;
        }
        String arguments = Json.text(item, "arguments");
        Map<String, Object> parsed;
        try {
            JsonNode tree = Json.MAPPER.readTree(arguments == null || arguments.isEmpty() ? "{}" : arguments);
            if (!tree.isObject()) {
                return null;
            }
            parsed = Json.toMap(tree);
        } catch (JacksonException notJson) {
            return null;
        }
        JsonNode approved = item.get("approved");
        return new RealtimeItem.McpApprovalRequest(id, Json.textOr(item, "server_label", ""),
                Json.textOr(item, "name", ""), parsed,
                approved != null && approved.isBoolean() ? approved.booleanValue() : null);
    }

    static List<McpToolInfo> tools(JsonNode item) {
        List<McpToolInfo> tools = new ArrayList<>();
        for (JsonNode tool : item.path("tools")) {
            String name = Json.text(tool, "name");
            if (name == null || name.isEmpty()) {
                continue;
            }
            JsonNode schema = tool.get("input_schema");
            // the tool's other keys (annotations, ...) reach listeners as the server sent them (B20)
            Map<String, Object> extra = new LinkedHashMap<>(Json.toMap(tool));
            extra.keySet().removeAll(List.of("name", "description", "input_schema"));
            tools.add(new McpToolInfo(name, Json.text(tool, "description"),
                    schema != null && schema.isObject() ? Json.toMap(schema) : null, extra));
        }
        return tools;
    }
}
