package dev.realtimetck.api;

import java.util.List;
import java.util.Objects;

/**
 * A typed transport event name. Renders the keys of TypeScript {@code RealtimeTransportEventTypes}; each constant
 * carries its payload type so that listener registration is checked at compile time.
 *
 * @param <E> the payload type
 */
public final class TransportEventType<E> {

    /** {@code error}: a server error event or a local failure. */
    public static final TransportEventType<TransportError> ERROR = new TransportEventType<>("error", TransportError.class);
    /** {@code function_call}: the model called a function. */
    public static final TransportEventType<TransportToolCallEvent> FUNCTION_CALL =
            new TransportEventType<>("function_call", TransportToolCallEvent.class);
    /** {@code audio}: decoded output audio. */
    public static final TransportEventType<TransportAudioEvent> AUDIO =
            new TransportEventType<>("audio", TransportAudioEvent.class);
    /** {@code audio_interrupted}: output audio was interrupted. */
    public static final TransportEventType<Signal> AUDIO_INTERRUPTED =
            new TransportEventType<>("audio_interrupted", Signal.class);
    /** {@code audio_transcript_delta}: transcript of output audio. */
    public static final TransportEventType<TranscriptDelta> AUDIO_TRANSCRIPT_DELTA =
            new TransportEventType<>("audio_transcript_delta", TranscriptDelta.class);
    /** {@code output_text_delta}: output text. */
    public static final TransportEventType<TextDelta> OUTPUT_TEXT_DELTA =
            new TransportEventType<>("output_text_delta", TextDelta.class);
    /** {@code audio_done}: the output audio of an item is complete. */
    public static final TransportEventType<Signal> AUDIO_DONE = new TransportEventType<>("audio_done", Signal.class);
    /** {@code usage_update}: token usage of a finished response. */
    public static final TransportEventType<Usage> USAGE_UPDATE = new TransportEventType<>("usage_update", Usage.class);
    /** {@code item_update}: an item was added or changed. */
    public static final TransportEventType<RealtimeItem> ITEM_UPDATE =
            new TransportEventType<>("item_update", RealtimeItem.class);
    /** {@code item_deleted}: an item was deleted. */
    public static final TransportEventType<ItemDeleted> ITEM_DELETED =
            new TransportEventType<>("item_deleted", ItemDeleted.class);
    /** {@code connection_change}: the connection status changed. */
    public static final TransportEventType<ConnectionStatus> CONNECTION_CHANGE =
            new TransportEventType<>("connection_change", ConnectionStatus.class);
    /** {@code turn_started}: a response started. */
    public static final TransportEventType<TurnStarted> TURN_STARTED =
            new TransportEventType<>("turn_started", TurnStarted.class);
    /** {@code turn_done}: a response finished. */
    public static final TransportEventType<TurnDone> TURN_DONE = new TransportEventType<>("turn_done", TurnDone.class);
    /** {@code mcp_tool_call_completed}: a hosted MCP call completed. */
    public static final TransportEventType<RealtimeItem.McpCall> MCP_TOOL_CALL_COMPLETED =
            new TransportEventType<>("mcp_tool_call_completed", RealtimeItem.McpCall.class);
    /** {@code mcp_approval_request}: an MCP call needs approval. */
    public static final TransportEventType<RealtimeItem.McpApprovalRequest> MCP_APPROVAL_REQUEST =
            new TransportEventType<>("mcp_approval_request", RealtimeItem.McpApprovalRequest.class);
    /** {@code mcp_tools_listed}: an MCP server's tools were listed. */
    public static final TransportEventType<McpToolsListed> MCP_TOOLS_LISTED =
            new TransportEventType<>("mcp_tools_listed", McpToolsListed.class);

    private static final List<TransportEventType<?>> VALUES = List.of(ERROR, FUNCTION_CALL, AUDIO, AUDIO_INTERRUPTED,
            AUDIO_TRANSCRIPT_DELTA, OUTPUT_TEXT_DELTA, AUDIO_DONE, USAGE_UPDATE, ITEM_UPDATE, ITEM_DELETED,
            CONNECTION_CHANGE, TURN_STARTED, TURN_DONE, MCP_TOOL_CALL_COMPLETED, MCP_APPROVAL_REQUEST,
            MCP_TOOLS_LISTED);

    private final String name;
    private final Class<E> eventClass;

    private TransportEventType(String name, Class<E> eventClass) {
        this.name = name;
        this.eventClass = eventClass;
    }

    /** Every event type, in the order of the TypeScript event map. */
    public static List<TransportEventType<?>> values() {
        return VALUES;
    }

    /**
     * The event type with the given TypeScript name.
     *
     * @throws IllegalArgumentException naming {@code name} if there is none
     */
    public static TransportEventType<?> named(String name) {
        Objects.requireNonNull(name, "name");
        for (TransportEventType<?> type : VALUES) {
            if (type.name.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("name: no transport event named '" + name + "'");
    }

    /** The TypeScript name, for example {@code "audio_transcript_delta"}. */
    public String name() {
        return name;
    }

    /** The payload class. */
    public Class<E> eventClass() {
        return eventClass;
    }

    @Override
    public String toString() {
        return name;
    }
}
