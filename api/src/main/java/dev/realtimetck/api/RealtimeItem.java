package dev.realtimetck.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation item as the transport reports it in {@code item_update} and takes in
 * {@link RealtimeTransportLayer#resetHistory}. Renders TypeScript {@code RealtimeItem}: message, function call,
 * MCP call and MCP approval request items.
 */
public sealed interface RealtimeItem permits RealtimeItem.Message, RealtimeItem.FunctionCall, RealtimeItem.McpCall,
        RealtimeItem.McpApprovalRequest {

    /** The item id. */
    String itemId();

    /** The wire {@code type} of the item. */
    String type();

    /**
     * A message. Renders TypeScript {@code RealtimeMessageItem}.
     *
     * <p>{@code previousItemId} has three states, as TypeScript's {@code previousItemId?: string | null} has
     * (behaviour rule B25): an id ("after that item"), {@code null} with {@code hasPreviousItemId} true ("first in
     * the conversation": the server sent {@code "previous_item_id":null}), and {@code null} with
     * {@code hasPreviousItemId} false (absent: no placement information, for example in
     * {@code conversation.item.retrieved}). The five-argument constructor derives {@code hasPreviousItemId} from
     * whether an id is given, so it can express "after" and "absent" but not "first"; use {@link #first} or the
     * canonical constructor for that.
     *
     * @param itemId the id, non-empty
     * @param previousItemId the id of the item before it, or null (first or absent, see {@code hasPreviousItemId})
     * @param hasPreviousItemId whether the placement is known: true for an id or for "first", false for absent
     * @param role the role
     * @param content the content parts in order
     * @param status the status; null for system messages
     */
    record Message(String itemId, String previousItemId, boolean hasPreviousItemId, Role role,
            List<ContentPart> content, ItemStatus status) implements RealtimeItem {
        /** Validates and copies. */
        public Message {
            Checks.requireText(itemId, "itemId");
            if (previousItemId != null && !hasPreviousItemId) {
                throw new IllegalArgumentException("hasPreviousItemId: must be true when previousItemId is given, was "
                        + "false with previousItemId " + previousItemId);
            }
            Objects.requireNonNull(role, "role");
            content = Checks.requiredListOf(content, "content");
        }

        /**
         * A message placed after {@code previousItemId}, or without placement information when it is null (absent).
         *
         * @param itemId the id, non-empty
         * @param previousItemId the id of the item before it, or null for absent
         * @param role the role
         * @param content the content parts in order
         * @param status the status; null for system messages
         */
        public Message(String itemId, String previousItemId, Role role, List<ContentPart> content, ItemStatus status) {
            this(itemId, previousItemId, previousItemId != null, role, content, status);
        }

        /**
         * A message the server placed first in the conversation ({@code "previous_item_id":null}).
         *
         * @param itemId the id, non-empty
         * @param role the role
         * @param content the content parts in order
         * @param status the status; null for system messages
         * @return the message with {@code previousItemId} null and {@code hasPreviousItemId} true
         */
        public static Message first(String itemId, Role role, List<ContentPart> content, ItemStatus status) {
            return new Message(itemId, null, true, role, content, status);
        }

        /**
         * Whether this message is placed first in the conversation ({@code previousItemId} null but present).
         *
         * @return true for "first", false for "after an item" and for "absent"
         */
        public boolean isFirst() {
            return hasPreviousItemId && previousItemId == null;
        }

        @Override
        public String type() {
            return "message";
        }
    }

    /**
     * A function call. Renders TypeScript {@code RealtimeToolCallItem}.
     *
     * @param itemId the id, non-empty
     * @param previousItemId the id of the item before it, or null
     * @param callId the call id, or null
     * @param name the function name, not null
     * @param arguments the JSON arguments as a string, not null
     * @param status the status, not null
     * @param output the output once known, or null
     */
    record FunctionCall(String itemId, String previousItemId, String callId, String name, String arguments,
            ItemStatus status, String output) implements RealtimeItem {
        /** Validates. */
        public FunctionCall {
            Checks.requireText(itemId, "itemId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String type() {
            return "function_call";
        }
    }

    /**
     * A hosted MCP tool call. Renders TypeScript {@code RealtimeMcpCallItem}.
     *
     * @param itemId the id, non-empty
     * @param previousItemId the id of the item before it, or null
     * @param type {@code mcp_call} or {@code mcp_tool_call}
     * @param status the status, not null
     * @param name the tool name, or null
     * @param arguments the JSON arguments as a string, or null
     * @param output the output, or null
     */
    record McpCall(String itemId, String previousItemId, String type, ItemStatus status, String name,
            String arguments, String output) implements RealtimeItem {
        /** Validates. */
        public McpCall {
            Checks.requireText(itemId, "itemId");
            if (!"mcp_call".equals(type) && !"mcp_tool_call".equals(type)) {
                throw new IllegalArgumentException("type: expected mcp_call or mcp_tool_call, was " + type);
            }
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A request to approve an MCP tool call. Renders TypeScript {@code RealtimeMcpCallApprovalRequestItem}.
     *
     * @param itemId the id, non-empty
     * @param serverLabel the server label, not null
     * @param name the tool name, not null
     * @param arguments the parsed arguments object, not null
     * @param approved whether it was approved, or null when not decided
     */
    record McpApprovalRequest(String itemId, String serverLabel, String name, Map<String, Object> arguments,
            Boolean approved) implements RealtimeItem {
        /** Validates and copies. */
        public McpApprovalRequest {
            Checks.requireText(itemId, "itemId");
            Objects.requireNonNull(serverLabel, "serverLabel");
            Objects.requireNonNull(name, "name");
            arguments = JsonValues.requiredCopy(arguments, "arguments");
        }

        @Override
        public String type() {
            return "mcp_approval_request";
        }
    }
}
