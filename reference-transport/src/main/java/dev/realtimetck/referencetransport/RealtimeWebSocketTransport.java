package dev.realtimetck.referencetransport;

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
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventEmitter;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The reference {@link RealtimeTransportLayer}: the OpenAI Realtime GA protocol over the JDK's
 * {@link java.net.http.WebSocket}, with the protocol itself delegated to the socket-free {@link RealtimeProtocol}.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>Every sending method is safe from any thread. It writes its frames into this transport's outbound queue
 *   before it returns, so frames of one thread leave in call order; the queue hands one frame at a time to the
 *   socket and never drops or interleaves frames.</li>
 *   <li>Listeners run on one dispatch thread per transport, a daemon named {@code realtime-dispatch-N}, in the order
 *   events arose, never concurrently, and never while the transport's lock is held: a listener that blocks holds
 *   up later events and inbound frames (they are processed on the same thread), but no sending method on another
 *   thread waits for it. Events caused by a sending method ({@code item_update} from
 *   {@link #sendFunctionCallOutput}, {@code audio_interrupted} from {@link #interrupt()}, {@code error} from a failed
 *   write) are delivered on the dispatch thread and may arrive after the method returned; called from a listener,
 *   they arrive after that listener returned.</li>
 *   <li>A listener that throws is reported as an {@code error} event ({@link TransportError.Failure}); dispatch goes
 *   on. An {@code error} listener that throws is only logged.</li>
 *   <li>The stage returned by {@link #connect} completes on the dispatch thread: use the {@code ...Async} methods
 *   to continue with blocking work.</li>
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * {@code DISCONNECTED -> CONNECTING} (the API key is resolved and the socket is being opened) {@code -> CONNECTED}
 * (the socket opened; the initial {@code session.update} is sent next and then {@code connect} completes) {@code ->
 * DISCONNECTED} (close, server close, socket error, failed connect). {@code DISCONNECTING} is never reported.
 * Reconnecting after any disconnect opens a fresh socket with fresh protocol state.
 */
public final class RealtimeWebSocketTransport implements RealtimeTransportLayer {

    /** The model used when neither the builder nor the connect options name one. */
    public static final String DEFAULT_MODEL = "gpt-realtime-2.1";
    /** The endpoint the default URL is built on: {@code <base>?model=<model>} or {@code <base>?call_id=<id>}. */
    public static final URI DEFAULT_BASE_URL = URI.create("wss://api.openai.com/v1/realtime");
    /** The default bound on the opening handshake. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default interval of keep-alive pings. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    /** The SDK identification sent in {@code User-Agent} and {@code X-OpenAI-Agents-SDK}. */
    public static final String VERSION = Endpoint.version();

    private final DispatchThread dispatch = new DispatchThread();
    private final TransportEventEmitter emitter = new TransportEventEmitter(this::listenerFailed);
    private final EventDelivery delivery = new EventDelivery(dispatch, emitter);
    private final ConnectionLifecycle connection;
    private final RealtimeProtocol protocol;

    RealtimeWebSocketTransport(TransportSettings settings) {
        this.connection = new ConnectionLifecycle(settings, delivery);
        this.protocol = connection.protocol();
    }

    /**
     * A builder with the defaults: {@link #DEFAULT_MODEL}, {@link #DEFAULT_BASE_URL}, no API key.
     *
     * @return a new builder
     */
    public static RealtimeWebSocketTransportBuilder builder() {
        return new RealtimeWebSocketTransportBuilder();
    }

    // ---------------------------------------------------------------- events

    @Override
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        return emitter.on(type, listener);
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        return emitter.once(type, listener);
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        return emitter.onAny(listener);
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        return emitter.onServerEvent(serverEventType, listener);
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public ConnectionStatus status() {
        delivery.lock();
        try {
            return connection.status();
        } finally {
            delivery.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The key is {@code options.apiKey()} or the builder's; a supplier is called once per call. The model is
     * {@code options.model()} or the current model (the builder's, or the last successfully connected one). The URL is
     * {@code options.url()}, else {@code <baseUrl>?call_id=<callId>} when a call id is given, else the URL of the last
     * successful connect that named one, else the builder's {@code url}, else {@code <baseUrl>?model=<model>}; the
     * model and call id are URL-encoded. A failed connect leaves model and URL as they were.
     */
    @Override
    public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        Objects.requireNonNull(options, "options");
        return connection.connect(options);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sends no client event. The status becomes {@code DISCONNECTED} before this returns;
     * {@code connection_change(disconnected)} follows on the dispatch thread. A pending {@link #connect} fails with
     * {@link IllegalStateException}; a key still being resolved opens no socket afterwards.
     */
    @Override
    public void close() {
        connection.close();
    }

    /** Always {@link MuteState#NOT_HANDLED}: mute the audio source yourself. */
    @Override
    public MuteState muted() {
        return MuteState.NOT_HANDLED;
    }

    /**
     * Always throws: this transport does not handle muting ({@link #muted()} is {@link MuteState#NOT_HANDLED}).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void mute(boolean muted) {
        throw new UnsupportedOperationException(
                "Mute is not supported by the WebSocket transport; stop sending input audio instead");
    }

    // ---------------------------------------------------------------- sending

    @Override
    public void sendEvent(RealtimeClientMessage event) {
        Objects.requireNonNull(event, "event");
        delivery.lock();
        try {
            connection.requireConnected();
            protocol.sendEvent(event);
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void requestResponse() {
        delivery.lock();
        try {
            connection.requireConnected();
            protocol.requestResponse();
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void requestResponse(Map<String, Object> response) {
        delivery.lock();
        try {
            connection.requireConnected();
            protocol.requestResponse(response);
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
            SendMessageOptions options) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(otherEventData, "otherEventData");
        Objects.requireNonNull(options, "options");
        delivery.lock();
        try {
            protocol.sendMessage(message, otherEventData, options.triggerResponse());
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void addImage(String image, boolean triggerResponse) {
        Objects.requireNonNull(image, "image");
        delivery.lock();
        try {
            protocol.addImage(image, triggerResponse);
        } finally {
            delivery.unlock();
        }
    }

    /** {@inheritDoc} Does nothing unless connected. */
    @Override
    public void sendAudio(ByteBuffer audio, boolean commit) {
        Objects.requireNonNull(audio, "audio");
        delivery.lock();
        try {
            if (connection.status() == ConnectionStatus.CONNECTED) {
                protocol.sendAudio(audio, commit);
            }
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void updateSessionConfig(RealtimeSessionConfig config) {
        Objects.requireNonNull(config, "config");
        delivery.lock();
        try {
            protocol.updateSessionConfig(config);
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
        Objects.requireNonNull(toolCall, "toolCall");
        Objects.requireNonNull(output, "output");
        delivery.lock();
        try {
            protocol.sendFunctionCallOutput(toolCall, output, startResponse);
        } finally {
            delivery.unlock();
        }
    }

    /** {@inheritDoc} Does nothing unless connected. */
    @Override
    public void interrupt() {
        delivery.lock();
        try {
            if (connection.status() == ConnectionStatus.CONNECTED) {
                protocol.interrupt(true);
            }
        } finally {
            delivery.unlock();
        }
    }

    /** {@inheritDoc} Throws when not connected unless the two histories are equal (nothing to send). */
    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Objects.requireNonNull(oldHistory, "oldHistory");
        Objects.requireNonNull(newHistory, "newHistory");
        delivery.lock();
        try {
            if (connection.status() != ConnectionStatus.CONNECTED && oldHistory.equals(newHistory)) {
                return;
            }
            protocol.resetHistory(oldHistory, newHistory);
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
        Objects.requireNonNull(approvalRequest, "approvalRequest");
        delivery.lock();
        try {
            protocol.sendMcpResponse(approvalRequest, approved, reason);
        } finally {
            delivery.unlock();
        }
    }

    /**
     * For tests: a stage that completes on the dispatch thread once every event posted before this call was
     * delivered to the listeners.
     */
    CompletableFuture<Void> dispatchIdle() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        dispatch.execute(() -> idle.complete(null));
        return idle;
    }

    @Override
    public String toString() {
        return "RealtimeWebSocketTransport[" + status() + ", " + dispatch.name() + "]";
    }

    private void listenerFailed(String eventName, Throwable error) {
        connection.listenerFailed(eventName, error);
    }
}
