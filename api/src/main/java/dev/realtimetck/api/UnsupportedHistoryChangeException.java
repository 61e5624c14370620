package dev.realtimetck.api;

/**
 * Thrown by {@link RealtimeTransportLayer#resetHistory} when the wanted history holds a change the Realtime API
 * cannot replay, before anything is sent and whether or not the transport is connected (behaviour rules A33, A34
 * and C17). Renders the TypeScript {@code UserError} that {@code resetHistory} throws in
 * {@code @openai/agents-realtime} for an added or changed assistant message with {@code output_audio} content,
 * and for an added or changed MCP item ({@code mcp_call}, {@code mcp_tool_call}, {@code mcp_approval_request}) or
 * an item that replaces an MCP item under the same id.
 *
 * <p>It is an {@link IllegalArgumentException}: the caller passed a history the transport must refuse.
 */
public final class UnsupportedHistoryChangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String itemId;

    /**
     * An exception about one item.
     *
     * @param itemId the id of the item that cannot be replayed, not null
     * @param message what is wrong and what to do instead
     */
    public UnsupportedHistoryChangeException(String itemId, String message) {
        super(message);
        this.itemId = Checks.requireText(itemId, "itemId");
    }

    /**
     * The id of the item that cannot be replayed.
     *
     * @return the item id
     */
    public String itemId() {
        return itemId;
    }
}
