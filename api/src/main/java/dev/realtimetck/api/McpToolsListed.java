package dev.realtimetck.api;

import java.util.List;
import java.util.Objects;

/**
 * The payload of {@code mcp_tools_listed}. Renders TypeScript {@code {serverLabel, tools}}.
 *
 * @param serverLabel the server label ({@code ""} when the server sent none)
 * @param tools the tools
 */
public record McpToolsListed(String serverLabel, List<McpToolInfo> tools) {
    /** Validates and copies. */
    public McpToolsListed {
        Objects.requireNonNull(serverLabel, "serverLabel");
        tools = Checks.requiredListOf(tools, "tools");
    }
}
