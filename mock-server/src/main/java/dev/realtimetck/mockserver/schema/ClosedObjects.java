package dev.realtimetck.mockserver.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closes every object of the schema document the way the GA API does: an object schema that names its
 * properties gets {@code unevaluatedProperties: false} where an instance value meets it (the value of a
 * {@code properties} entry, {@code items}, {@code prefixItems}, {@code additionalProperties}), so an unknown or
 * retired field anywhere in an event is a violation with its full path ({@code session.turn_detection}).
 *
 * <p>{@code unevaluatedProperties} sees through {@code $ref}, {@code allOf}, {@code anyOf} and
 * {@code if}/{@code then}, so the composed schemas (a session that is either realtime or transcription, an item
 * of one of eight kinds) stay correct. Objects that name no properties (a function's JSON Schema
 * {@code parameters}, {@code metadata}) stay open, as on the API. Conditions ({@code if}, {@code not}) are left as
 * they are.
 */
final class ClosedObjects {

    private static final String DEFS_PREFIX = "#/$defs/";

    private final ObjectNode defs;
    private final Map<String, Boolean> namesProperties = new HashMap<>();

    private ClosedObjects(ObjectNode defs) {
        this.defs = defs;
    }

    /** A copy of the document with every named-property object closed. */
    static JsonNode close(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        ClosedObjects closer = new ClosedObjects((ObjectNode) copy.get("$defs"));
        closer.visit(copy, false, new HashSet<>());
        return copy;
    }

    private void visit(JsonNode node, boolean instanceRoot, Set<JsonNode> seen) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (instanceRoot && namesProperties(schema, new HashSet<>())
                && !schema.has("unevaluatedProperties") && !isFalse(schema.get("additionalProperties"))) {
            schema.put("unevaluatedProperties", false);
        }
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            switch (keyword) {
                case "if", "not", "const", "enum", "default", "examples", "required" -> {
                }
                case "$defs" -> value.forEach(def -> visit(def, false, seen));
                case "properties", "patternProperties" -> value.forEach(child -> visit(child, true, seen));
                case "items", "additionalProperties", "contains" -> visit(value, true, seen);
                case "prefixItems" -> value.forEach(child -> visit(child, true, seen));
                case "allOf", "anyOf", "oneOf" -> value.forEach(child -> visit(child, false, seen));
                case "then", "else" -> visit(value, false, seen);
                default -> {
                }
            }
        }
    }

    /** Whether the schema, through references and compositions, names any property of an object. */
    private boolean namesProperties(JsonNode node, Set<String> visiting) {
        if (!(node instanceof ObjectNode schema)) {
            return false;
        }
        if (schema.has("properties")) {
            return true;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString() && ref.asString().startsWith(DEFS_PREFIX)) {
            String name = ref.asString().substring(DEFS_PREFIX.length());
            Boolean known = namesProperties.get(name);
            if (known == null && visiting.add(name)) {
                known = namesProperties(defs.get(name), visiting);
                namesProperties.put(name, known);
            }
            if (Boolean.TRUE.equals(known)) {
                return true;
            }
        }
        for (String composition : new String[] {"allOf", "anyOf", "oneOf"}) {
            JsonNode parts = schema.get(composition);
            if (parts != null) {
                for (JsonNode part : parts) {
                    if (namesProperties(part, visiting)) {
                        return true;
                    }
                }
            }
        }
        return namesProperties(schema.get("then"), visiting) || namesProperties(schema.get("else"), visiting);
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.asBoolean();
    }
}
