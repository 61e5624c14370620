package dev.realtimetck.tck.adversarial;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Small JSON helpers for the frame seam: parse a frame to a tree, write it back. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The frame as an object, or null when it is not a JSON object. */
    static ObjectNode object(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node instanceof ObjectNode object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static String type(ObjectNode frame) {
        JsonNode type = frame == null ? null : frame.get("type");
        return type != null && type.isString() ? type.asString() : "";
    }

    /** The child object at {@code path}, or null. */
    static ObjectNode at(ObjectNode root, String... path) {
        JsonNode node = root;
        for (String key : path) {
            node = node == null ? null : node.get(key);
        }
        return node instanceof ObjectNode object ? object : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
