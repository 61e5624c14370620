package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.TransportToolCallEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAI Realtime GA client protocol without a socket: turns interface calls into client frames and inbound
 * server frames into transport events and follow-up client frames. One instance per transport; {@link #reset()}
 * on every (re)connect and disconnect. Not thread-safe by itself: the transport serialises calls (one lock, or
 * everything on one thread). Frames are written synchronously to the {@link FrameSink}.
 */
public final class RealtimeProtocol {

    private final FrameSink frames;
    private final EventSink events;
    private final ProtocolOptions options;

    /**
     * A protocol writing to {@code frames} and delivering to {@code events}.
     *
     * @param frames where client frames go
     * @param events where transport events go
     * @param options tunables
     */
    public RealtimeProtocol(FrameSink frames, EventSink events, ProtocolOptions options) {
        this.frames = Objects.requireNonNull(frames, "frames");
        this.events = Objects.requireNonNull(events, "events");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Forgets the sequencer state, audio tracking and stored session (C14, D10). */
    public void reset() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends the first {@code session.update} after connecting (A1).
     *
     * @param initial the initial config, null for none
     * @param model the model of the connection
     */
    public void sendInitialSessionUpdate(RealtimeSessionConfig initial, String model) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sets the model {@link #updateSessionConfig} uses when the config names none.
     *
     * @param model the model
     */
    public void setCurrentModel(String model) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends a client event as it is (A4-A6).
     *
     * @param event the event
     */
    public void sendEvent(RealtimeClientMessage event) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Requests an automatic response (A8). */
    public void requestResponse() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Requests a response with explicit parameters (A8).
     *
     * @param response the {@code response} object, null for none
     */
    public void requestResponse(Map<String, Object> response) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends a user message (A9-A12).
     *
     * @param message the message
     * @param otherEventData extra top-level fields of the event, null for none
     * @param triggerResponse whether to request a response afterwards
     */
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, boolean triggerResponse) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends an image as a user message (A13).
     *
     * @param image the image URL or data URL
     * @param triggerResponse whether to request a response afterwards
     */
    public void addImage(String image, boolean triggerResponse) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Appends audio to the input buffer, optionally committing it (A14).
     *
     * @param audio the audio bytes (position to limit); not consumed
     * @param commit whether to commit afterwards
     */
    public void sendAudio(ByteBuffer audio, boolean commit) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends a {@code session.update} for a changed config (A16-A23).
     *
     * @param config the config
     */
    public void updateSessionConfig(RealtimeSessionConfig config) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends a function call's output (A26).
     *
     * @param call the call
     * @param output the output
     * @param startResponse whether to request a response afterwards
     */
    public void sendFunctionCallOutput(TransportToolCallEvent call, String output, boolean startResponse) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Interrupts the playing response (A27-A30).
     *
     * @param cancelOngoingResponse whether to send {@code response.cancel}
     */
    public void interrupt(boolean cancelOngoingResponse) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Makes the server history match {@code newHistory} (A32-A34).
     *
     * @param oldHistory the history as the caller knows it
     * @param newHistory the wanted history
     */
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Answers an MCP approval request (A35).
     *
     * @param request the request
     * @param approved whether the call is approved
     * @param reason an optional reason, null for none
     */
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest request, boolean approved, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Processes one inbound text frame (B1-B23, D4-D7, A31); malformed frames are ignored (B1).
     *
     * @param frame the frame text
     */
    public void onTextFrame(CharSequence frame) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Processes one inbound binary frame: UTF-8 JSON is handled like text, anything else ignored (B1).
     *
     * @param frame the frame bytes
     */
    public void onBinaryFrame(ByteBuffer frame) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Tells the protocol that a listener requested a close during the current frame: follow-ups are skipped. */
    public void abortCurrentFrame() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Releases an outstanding {@code response.create} that has waited longer than
     * {@link ProtocolOptions#responseCreateTimeout()} (departure from X3). The transport calls this periodically.
     *
     * @param nowNanos the current time of {@link ProtocolOptions#nanoClock()}
     */
    public void onTick(long nowNanos) {
        throw new UnsupportedOperationException("not yet");
    }
}
