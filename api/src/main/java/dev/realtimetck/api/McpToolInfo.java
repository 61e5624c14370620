package dev.realtimetck.api;

import java.util.Map;

/**
 * A tool an MCP server offers. Renders TypeScript {@code RealtimeMcpToolInfo}.
 *
 * @param name the tool name, non-empty
 * @param description its description, or null
 * @param inputSchema its input JSON Schema, or empty
 */
public record McpToolInfo(String name, String description, Map<String, Object> inputSchema) {
    /** Validates and copies. */
    public McpToolInfo {
        Checks.requireText(name, "name");
        inputSchema = JsonValues.copyOrEmpty(inputSchema);
    }
}
