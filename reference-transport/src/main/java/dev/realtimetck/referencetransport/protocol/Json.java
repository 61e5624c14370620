package dev.realtimetck.referencetransport.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one shared mapper and the small tree helpers every builder in this package uses. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.shared();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ObjectNode event(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A JSON tree of any JSON-shaped Java value (maps, lists, strings, numbers, booleans, null). */
    static JsonNode tree(Object value) {
        if (value instanceof Double d) {
            return number(d);
        }
        return MAPPER.valueToTree(value);
    }

    /** A number node that renders whole doubles as integers, as JavaScript's JSON.stringify does. */
    static JsonNode number(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return NODES.numberNode((long) value);
        }
        return NODES.numberNode(value);
    }

    static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value != null) {
            node.set(key, tree(value));
        }
    }

    /** Shallow-merges {@code extra} into {@code node}; later keys win (JavaScript object spread). */
    static void spread(ObjectNode node, Map<String, ?> extra) {
        if (extra == null) {
            return;
        }
        for (Map.Entry<String, ?> entry : extra.entrySet()) {
            node.set(entry.getKey(), tree(entry.getValue()));
        }
    }

    /** The string at {@code field}, or null when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /**
     * The object as the Java values {@code treeToValue(node, Map.class)} gives (LinkedHashMap, ArrayList, String,
     * Integer/Long/BigInteger, Double/BigDecimal, Boolean, null), built by walking the tree directly.
     */
    static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            map.put(property.getKey(), toJava(property.getValue()));
        }
        return map;
    }

    private static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return toMap(node);
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element));
                }
                return list;
            }
            case STRING:
                return node.stringValue();
            case NUMBER:
                return node.numberValue();
            case BOOLEAN:
                return node.booleanValue();
            case NULL:
            case MISSING:
                return null;
            default:
                return MAPPER.treeToValue(node, Object.class); // binary and POJO nodes: never parsed from text
        }
    }
}
