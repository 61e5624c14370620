package dev.realtimetck.api;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A connection to a realtime model. Renders TypeScript {@code RealtimeTransportLayer} of
 * {@code @openai/agents-realtime}: connect, send events, audio, messages, function-call outputs, interrupts and
 * history resets, and emit typed events ({@link TransportEventSource}, whose Javadoc states the threading
 * contract).
 *
 * <p>Sending methods are safe to call from any thread. Unless a method says otherwise, calling a sending method
 * while not connected throws {@link IllegalStateException} and sends nothing.
 */
public interface RealtimeTransportLayer extends TransportEventSource, AutoCloseable {

    /** The connection status. Renders {@code status}. */
    ConnectionStatus status();

    /**
     * Connects. Renders {@code connect(options)}.
     *
     * @param options the options; fields left null fall back to the transport's own settings
     * @return a stage that completes when connected (the initial session configuration has been sent) or
     *     completes exceptionally with the cause (for example a second {@code connect} while connecting or connected
     *     fails with {@link IllegalStateException})
     */
    CompletionStage<Void> connect(RealtimeTransportConnectOptions options);

    /**
     * Whether input audio is muted. Renders {@code muted} ({@code boolean | null}; TypeScript {@code null} is
     * {@link MuteState#NOT_HANDLED}).
     */
    MuteState muted();

    /**
     * Sends a raw client event. Renders {@code sendEvent(event)}. A transport may route {@code response.create}
     * through its response sequencing.
     *
     * @param event the event
     */
    void sendEvent(RealtimeClientMessage event);

    /**
     * Requests a response with the session's settings (an automatic request a transport may coalesce with
     * others). Renders {@code requestResponse()} with no argument.
     *
     * <p>TypeScript declares {@code requestResponse} optional; callers then send {@code response.create} through
     * {@code sendEvent}. This default does exactly that; transports that sequence responses override it.
     */
    default void requestResponse() {
        sendEvent(RealtimeClientMessage.of("response.create"));
    }

    /**
     * Requests a response with per-response settings (a manual request, never coalesced). Renders
     * {@code requestResponse(response)}.
     *
     * <p>The default sends {@code response.create} through {@link #sendEvent}, with {@code response} as its
     * {@code response} key when not null (as the TypeScript base transport does).
     *
     * @param response the {@code response} object of {@code response.create}, or null to send none
     */
    default void requestResponse(Map<String, Object> response) {
        sendEvent(response == null ? RealtimeClientMessage.of("response.create")
                : new RealtimeClientMessage("response.create", Map.of("response", response)));
    }

    /**
     * Sends a user message. Renders {@code sendMessage(message, otherEventData, options)}.
     *
     * @param message the text or structured message
     * @param otherEventData keys merged into the top level of the {@code conversation.item.create} event (for
     *     example {@code previous_item_id}); may be empty
     * @param options whether to request a response afterwards
     */
    void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, SendMessageOptions options);

    /** Sends a text message and requests a response. Renders {@code sendMessage(text)}. */
    default void sendMessage(String text) {
        sendMessage(RealtimeUserInput.text(text), Map.of(), SendMessageOptions.DEFAULT);
    }

    /** Sends a user message and requests a response. Renders {@code sendMessage(message)}. */
    default void sendMessage(RealtimeUserInput message) {
        sendMessage(message, Map.of(), SendMessageOptions.DEFAULT);
    }

    /**
     * Adds an image to the conversation. Renders {@code addImage(image, {triggerResponse})}.
     *
     * @param image an image URL or {@code data:} URL
     * @param triggerResponse whether to request a response afterwards
     */
    void addImage(String image, boolean triggerResponse);

    /** Adds an image and requests a response. Renders {@code addImage(image)}. */
    default void addImage(String image) {
        addImage(image, true);
    }

    /**
     * Sends input audio. Renders {@code sendAudio(audio, {commit})}. Unlike the other senders, this does nothing
     * when not connected (as the TypeScript transport does).
     *
     * @param audio the audio in the session's input format, from its position to its limit (not consumed)
     * @param commit whether to commit the input audio buffer afterwards
     */
    void sendAudio(ByteBuffer audio, boolean commit);

    /** Sends input audio. Renders {@code sendAudio(audio, {commit})}. */
    default void sendAudio(byte[] audio, boolean commit) {
        sendAudio(ByteBuffer.wrap(audio), commit);
    }

    /** Sends input audio without committing. Renders {@code sendAudio(audio)}. */
    default void sendAudio(byte[] audio) {
        sendAudio(ByteBuffer.wrap(audio), false);
    }

    /**
     * Updates the session configuration. Renders {@code updateSessionConfig(config)}.
     *
     * @param config the (partial) configuration
     */
    void updateSessionConfig(RealtimeSessionConfig config);

    /**
     * Closes the connection. Renders {@code close()}. Idempotent; never throws when already closed.
     */
    @Override
    void close();

    /**
     * Mutes or unmutes input audio. Renders {@code mute(muted)}.
     *
     * @param muted whether to mute
     * @throws UnsupportedOperationException when {@link #muted()} is {@link MuteState#NOT_HANDLED}
     */
    void mute(boolean muted);

    /**
     * Answers a function call. Renders {@code sendFunctionCallOutput(toolCall, output, startResponse)}.
     *
     * @param toolCall the call being answered
     * @param output the output
     * @param startResponse whether to request a response afterwards
     */
    void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse);

    /** Answers a function call and requests a response (the TypeScript WebSocket transport's default). */
    default void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output) {
        sendFunctionCallOutput(toolCall, output, true);
    }

    /**
     * Interrupts the model's output: cancels the ongoing response and truncates the audio heard so far. Renders
     * {@code interrupt()}.
     */
    void interrupt();

    /**
     * Replaces the conversation history. Renders {@code resetHistory(oldHistory, newHistory)}.
     *
     * @param oldHistory the history as the transport last reported it
     * @param newHistory the history wanted
     * @throws UnsupportedHistoryChangeException before anything is sent, connected or not, when {@code newHistory}
     *     adds or changes an assistant message with output audio or an MCP item, or replaces an MCP item
     */
    void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory);

    /**
     * Answers an MCP approval request. Renders {@code sendMcpResponse(approvalRequest, approved, reason)}.
     *
     * @param approvalRequest the request being answered
     * @param approved whether the call is approved
     * @param reason a reason, or null
     */
    void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason);

    /** Answers an MCP approval request without a reason. */
    default void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved) {
        sendMcpResponse(approvalRequest, approved, null);
    }
}
