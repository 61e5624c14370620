package dev.realtimetck.api;

import java.util.Map;

/**
 * A tool the model may call. Renders the TypeScript {@code RealtimeToolDefinition}s a transport sends: function
 * tools ({@code FunctionToolDefinition}) and hosted MCP tools ({@code HostedMCPTool}).
 */
public sealed interface RealtimeTool permits RealtimeTool.FunctionTool, RealtimeTool.HostedMcpTool {

    /**
     * A function tool.
     *
     * @param name the function name, non-empty
     * @param description what it does, or null
     * @param parameters its JSON Schema, or null
     * @param strict whether arguments must match the schema strictly, or null (the reference transport does not
     *     send it, as the TypeScript transport does not)
     */
    record FunctionTool(String name, String description, Map<String, Object> parameters, Boolean strict)
            implements RealtimeTool {
        /** Validates and copies. */
        public FunctionTool {
            Checks.requireText(name, "name");
            parameters = JsonValues.copyOf(parameters);
        }
    }

    /**
     * A hosted MCP server the model may call through the API.
     *
     * @param serverLabel the server label, non-empty
     * @param serverUrl the server URL, or null (with a connector)
     * @param serverDescription a description, or null
     * @param connectorId a connector id, or null
     * @param authorization an authorization value, or null (never logged)
     * @param headers extra headers, or null
     * @param allowedTools a list of tool names or a filter object, or null
     * @param requireApproval {@code "always"}, {@code "never"}, or a filter object
     *     {@code {always:{tool_names,read_only}, never:{...}}}, or null
     */
    record HostedMcpTool(String serverLabel, String serverUrl, String serverDescription, String connectorId,
            String authorization, Map<String, Object> headers, Object allowedTools, Object requireApproval)
            implements RealtimeTool {
        /** Validates and copies. */
        public HostedMcpTool {
            Checks.requireText(serverLabel, "serverLabel");
            headers = JsonValues.copyOf(headers);
            allowedTools = copyJson(allowedTools, "allowedTools");
            requireApproval = copyJson(requireApproval, "requireApproval");
        }

        @Override
        public String toString() {
            return "HostedMcpTool[serverLabel=" + serverLabel + ", serverUrl=" + serverUrl
                    + ", authorization=" + (authorization == null ? "null" : "[redacted]") + "]";
        }

        @SuppressWarnings("unchecked")
        private static Object copyJson(Object value, String field) {
            if (value == null || value instanceof String) {
                return value;
            }
            if (value instanceof Map<?, ?> map) {
                return JsonValues.copyOf((Map<String, ?>) map);
            }
            if (value instanceof java.util.List<?> list) {
                return JsonValues.copyOfList(list);
            }
            throw new IllegalArgumentException(field + ": expected a string, list or object, found "
                    + value.getClass().getName());
        }
    }
}
