package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.RealtimeTool;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rule A22: tools to their wire form. Function tools keep only {@code type, name, description, parameters};
 * hosted MCP tools keep their server fields with {@code require_approval} normalised; invalid approval settings
 * throw {@link IllegalArgumentException} naming the tool, before anything is sent.
 */
final class ToolMapping {

    private ToolMapping() {
    }

    static ArrayNode toWire(List<RealtimeTool> tools) {
        ArrayNode array = Json.NODES.arrayNode();
        for (int i = 0; i < tools.size(); i++) {
            RealtimeTool tool = tools.get(i);
            ObjectNode node = array.addObject();
            if (tool instanceof RealtimeTool.FunctionTool f) {
                node.put("type", "function");
                node.put("name", f.name());
                Json.putIfPresent(node, "description", f.description());
                Json.putIfPresent(node, "parameters", f.parameters());
            } else if (tool instanceof RealtimeTool.HostedMcpTool m) {
                node.put("type", "mcp");
                node.put("server_label", m.serverLabel());
                Json.putIfPresent(node, "server_url", m.serverUrl());
                Json.putIfPresent(node, "server_description", m.serverDescription());
                Json.putIfPresent(node, "connector_id", m.connectorId());
                Json.putIfPresent(node, "authorization", m.authorization());
                Json.putIfPresent(node, "headers", m.headers());
                Json.putIfPresent(node, "allowed_tools", m.allowedTools());
                if (m.requireApproval() != null) {
                    node.set("require_approval",
                            requireApproval(m.requireApproval(), "tools[" + i + "].requireApproval"));
                }
            }
        }
        return array;
    }

    /**
     * {@code "always"} and {@code "never"} stay; an object may hold {@code always} and/or {@code never} filters,
     * each with {@code toolNames}/{@code tool_names} (a list of strings) and {@code readOnly}/{@code read_only}
     * (a boolean), renamed to snake_case (camelCase wins when both are given).
     */
    static JsonNode requireApproval(Object value, String field) {
        if (value instanceof String s) {
            if (s.equals("always") || s.equals("never")) {
                return Json.NODES.stringNode(s);
            }
            throw new IllegalArgumentException(field + ": expected \"always\", \"never\" or a filter object, was \""
                    + s + "\"");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(field + ": expected \"always\", \"never\" or a filter object, was "
                    + value.getClass().getSimpleName());
        }
        ObjectNode out = Json.object();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.equals("always") && !key.equals("never")) {
                throw new IllegalArgumentException(field + ": unknown key '" + key + "' (expected always or never)");
            }
            out.set(key, filter(e.getValue(), field + "." + key));
        }
        return out;
    }

    private static ObjectNode filter(Object value, String field) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(field + ": expected an object with toolNames and/or readOnly");
        }
        ObjectNode out = Json.object();
        Object toolNames = map.containsKey("toolNames") ? map.get("toolNames") : map.get("tool_names");
        Object readOnly = map.containsKey("readOnly") ? map.get("readOnly") : map.get("read_only");
        for (Object key : map.keySet()) {
            if (!List.of("toolNames", "tool_names", "readOnly", "read_only").contains(key)) {
                throw new IllegalArgumentException(field + ": unknown key '" + key
                        + "' (expected toolNames/tool_names or readOnly/read_only)");
            }
        }
        if (toolNames != null) {
            if (!(toolNames instanceof List<?> names) || !names.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException(field + ".tool_names: expected a list of strings");
            }
            out.set("tool_names", Json.tree(names));
        }
        if (readOnly != null) {
            if (!(readOnly instanceof Boolean b)) {
                throw new IllegalArgumentException(field + ".read_only: expected a boolean");
            }
            out.put("read_only", b);
        }
        return out;
    }
}
