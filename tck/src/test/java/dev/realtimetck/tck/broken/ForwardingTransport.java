package dev.realtimetck.tck.broken;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A transport that forwards every call to another one; each broken transport overrides one behaviour. */
public abstract class ForwardingTransport implements RealtimeTransportLayer {

    protected final RealtimeTransportLayer delegate;

    protected ForwardingTransport(RealtimeTransportLayer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ConnectionStatus status() {
        return delegate.status();
    }

    @Override
    public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        return delegate.connect(options);
    }

    @Override
    public MuteState muted() {
        return delegate.muted();
    }

    @Override
    public void sendEvent(RealtimeClientMessage event) {
        delegate.sendEvent(event);
    }

    @Override
    public void requestResponse() {
        delegate.requestResponse();
    }

    @Override
    public void requestResponse(Map<String, Object> response) {
        delegate.requestResponse(response);
    }

    @Override
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, SendMessageOptions options) {
        delegate.sendMessage(message, otherEventData, options);
    }

    @Override
    public void addImage(String image, boolean triggerResponse) {
        delegate.addImage(image, triggerResponse);
    }

    @Override
    public void sendAudio(ByteBuffer audio, boolean commit) {
        delegate.sendAudio(audio, commit);
    }

    @Override
    public void updateSessionConfig(RealtimeSessionConfig config) {
        delegate.updateSessionConfig(config);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void mute(boolean muted) {
        delegate.mute(muted);
    }

    @Override
    public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
        delegate.sendFunctionCallOutput(toolCall, output, startResponse);
    }

    @Override
    public void interrupt() {
        delegate.interrupt();
    }

    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        delegate.resetHistory(oldHistory, newHistory);
    }

    @Override
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
        delegate.sendMcpResponse(approvalRequest, approved, reason);
    }

    @Override
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        return delegate.on(type, listener);
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        return delegate.once(type, listener);
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        return delegate.onAny(listener);
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        return delegate.onServerEvent(serverEventType, listener);
    }
}
