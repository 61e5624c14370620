package dev.realtimetck.api;

import java.util.Map;

/**
 * A tool an MCP server offers. Renders TypeScript {@code RealtimeMcpToolInfo}
 * ({@code {name, description?, input_schema?, [key: string]: any}}).
 *
 * @param name the tool name, non-empty
 * @param description its description, or null
 * @param inputSchema its input JSON Schema, or empty
 * @param extra the other keys the server sent (for example {@code annotations}), kept verbatim; may be empty
 */
public record McpToolInfo(String name, String description, Map<String, Object> inputSchema,
        Map<String, Object> extra) {
    /** Validates and copies. */
    public McpToolInfo {
        Checks.requireText(name, "name");
        inputSchema = JsonValues.copyOrEmpty(inputSchema, "inputSchema");
        extra = JsonValues.copyOrEmpty(extra, "extra");
    }

    /**
     * A tool without other keys.
     *
     * @param name the tool name, non-empty
     * @param description its description, or null
     * @param inputSchema its input JSON Schema, or empty
     */
    public McpToolInfo(String name, String description, Map<String, Object> inputSchema) {
        this(name, description, inputSchema, Map.of());
    }
}
