package dev.realtimetck.referencetransport;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.ListenerErrorHandler;
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
import dev.realtimetck.referencetransport.protocol.EventSink;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
 *   events arose, never concurrently. Inbound frames are processed on that thread too, so listeners must not
 *   block. Events caused by a sending method on another thread ({@code item_update} from
 *   {@link #sendFunctionCallOutput}, {@code audio_interrupted} from {@link #interrupt()}, {@code error} from a failed
 *   write) are posted to the dispatch thread and may arrive after the method returned.</li>
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
    public static final String DEFAULT_MODEL = "gpt-realtime";
    /** The endpoint the default URL is built on: {@code <base>?model=<model>} or {@code <base>?call_id=<id>}. */
    public static final URI DEFAULT_BASE_URL = URI.create("wss://api.openai.com/v1/realtime");
    /** The default bound on the opening handshake. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default interval of keep-alive pings. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    /** The SDK identification sent in {@code User-Agent} and {@code X-OpenAI-Agents-SDK}. */
    public static final String VERSION = version();

    private static final System.Logger LOG = System.getLogger(RealtimeWebSocketTransport.class.getName());
    private static final int INITIAL_DEMAND = 16;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Object lock = new Object();
    private final DispatchThread dispatch = new DispatchThread();
    private final TransportEventEmitter emitter = new TransportEventEmitter(this::listenerFailed);
    private final HttpClient httpClient;
    private final ApiKey apiKey;
    private final URI baseUrl;
    private final URI constructorUrl;
    private final Duration connectTimeout;
    private final Duration pingInterval;
    private final ProtocolOptions protocolOptions;
    private final RealtimeProtocol protocol;

    // guarded by lock
    private ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private long generation;
    private Attempt attempt;
    private WebSocket socket;
    private FrameQueue frames;
    private String currentModel;
    private URI stickyUrl;
    private boolean processingFrame;
    private boolean resetAfterFrame;
    // touched only on the dispatch thread
    private Attempt capturing;

    private RealtimeWebSocketTransport(Builder builder) {
        this.httpClient = builder.httpClient != null ? builder.httpClient : HttpClient.newHttpClient();
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.constructorUrl = builder.url;
        this.connectTimeout = builder.connectTimeout;
        this.pingInterval = builder.pingInterval;
        this.currentModel = builder.model;
        this.protocolOptions = ProtocolOptions.defaults().withResponseCreateTimeout(builder.responseCreateTimeout)
                .withNanoClock(builder.nanoClock);
        this.protocol = new RealtimeProtocol(this::writeFrame, new DispatchingSink(), protocolOptions);
    }

    /** A builder with the defaults: {@link #DEFAULT_MODEL}, {@link #DEFAULT_BASE_URL}, no API key. */
    public static Builder builder() {
        return new Builder();
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
        synchronized (lock) {
            return status;
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
        Attempt started;
        ApiKey key;
        synchronized (lock) {
            if (attempt != null || status != ConnectionStatus.DISCONNECTED) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("WebSocket is already connected or connecting"));
            }
            key = options.apiKey() != null ? options.apiKey() : apiKey;
            if (key == null) {
                return CompletableFuture.failedFuture(missingKey());
            }
            String model = options.model() != null ? options.model() : currentModel;
            started = new Attempt(++generation, model, resolveUrl(options, model), options.url() != null,
                    options.initialSessionConfig());
            attempt = started;
        }
        CompletionStage<String> resolved;
        try {
            resolved = key.resolve();
        } catch (RuntimeException e) {
            resolved = CompletableFuture.failedFuture(e);
        }
        resolved.whenComplete((value, error) -> keyResolved(started, value, error));
        return started.result.copy();
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
        Attempt failed;
        WebSocket closing;
        synchronized (lock) {
            failed = attempt;
            if (status == ConnectionStatus.DISCONNECTED && failed == null) {
                return;
            }
            closing = socket;
            disconnectLocked();
        }
        if (closing != null) {
            closeGracefully(closing);
        }
        if (failed != null) {
            failed.result.completeExceptionally(
                    new IllegalStateException("WebSocket connection was closed before setup completed"));
        }
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
        synchronized (lock) {
            requireConnected();
            protocol.sendEvent(event);
        }
    }

    @Override
    public void requestResponse() {
        synchronized (lock) {
            requireConnected();
            protocol.requestResponse();
        }
    }

    @Override
    public void requestResponse(Map<String, Object> response) {
        synchronized (lock) {
            requireConnected();
            protocol.requestResponse(response);
        }
    }

    @Override
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
            SendMessageOptions options) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(otherEventData, "otherEventData");
        Objects.requireNonNull(options, "options");
        synchronized (lock) {
            protocol.sendMessage(message, otherEventData, options.triggerResponse());
        }
    }

    @Override
    public void addImage(String image, boolean triggerResponse) {
        Objects.requireNonNull(image, "image");
        synchronized (lock) {
            protocol.addImage(image, triggerResponse);
        }
    }

    /** {@inheritDoc} Does nothing unless connected. */
    @Override
    public void sendAudio(ByteBuffer audio, boolean commit) {
        Objects.requireNonNull(audio, "audio");
        synchronized (lock) {
            if (status == ConnectionStatus.CONNECTED) {
                protocol.sendAudio(audio, commit);
            }
        }
    }

    @Override
    public void updateSessionConfig(RealtimeSessionConfig config) {
        Objects.requireNonNull(config, "config");
        synchronized (lock) {
            protocol.updateSessionConfig(config);
        }
    }

    @Override
    public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
        Objects.requireNonNull(toolCall, "toolCall");
        Objects.requireNonNull(output, "output");
        synchronized (lock) {
            protocol.sendFunctionCallOutput(toolCall, output, startResponse);
        }
    }

    /** {@inheritDoc} Does nothing unless connected. */
    @Override
    public void interrupt() {
        synchronized (lock) {
            if (status == ConnectionStatus.CONNECTED) {
                protocol.interrupt(true);
            }
        }
    }

    /** {@inheritDoc} Throws when not connected unless the two histories are equal (nothing to send). */
    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Objects.requireNonNull(oldHistory, "oldHistory");
        Objects.requireNonNull(newHistory, "newHistory");
        synchronized (lock) {
            if (status != ConnectionStatus.CONNECTED && oldHistory.equals(newHistory)) {
                return;
            }
            protocol.resetHistory(oldHistory, newHistory);
        }
    }

    @Override
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
        Objects.requireNonNull(approvalRequest, "approvalRequest");
        synchronized (lock) {
            protocol.sendMcpResponse(approvalRequest, approved, reason);
        }
    }

    @Override
    public String toString() {
        return "RealtimeWebSocketTransport[" + status() + ", " + dispatch.name() + "]";
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

    // ---------------------------------------------------------------- connect steps

    private void keyResolved(Attempt started, String key, Throwable error) {
        synchronized (lock) {
            if (attempt != started) {
                return; // closed while the key was resolving: open nothing (C11)
            }
            if (error != null || key == null || key.isEmpty()) {
                attempt = null;
                started.result.completeExceptionally(error != null ? unwrap(error) : missingKey());
                return;
            }
            status = ConnectionStatus.CONNECTING;
            protocol.reset();
            emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.CONNECTING);
        }
        CompletableFuture<WebSocket> opening;
        try {
            opening = httpClient.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + key)
                    .header("User-Agent", "realtime-tck-java/" + VERSION)
                    .header("X-OpenAI-Agents-SDK", "realtime-tck-java." + VERSION)
                    .connectTimeout(connectTimeout)
                    .buildAsync(started.url, new SocketListener(started));
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((ws, failure) -> {
            if (failure != null) {
                dispatch.execute(() -> openFailed(started, unwrap(failure)));
            }
        });
        CompletableFuture.delayedExecutor(connectTimeout.toMillis(), TimeUnit.MILLISECONDS, dispatch)
                .execute(() -> openFailed(started, new HttpTimeoutException(
                        "the WebSocket opening handshake did not complete within " + connectTimeout)));
    }

    /** On the dispatch thread: the socket opened (A2 order: connected, listeners, initial session.update, done). */
    private void opened(Attempt started, WebSocket ws) {
        synchronized (lock) {
            if (attempt != started) {
                ws.abort(); // a socket of an attempt that was closed or timed out meanwhile
                return;
            }
            socket = ws;
            frames = new FrameQueue(ws, failure -> dispatch.execute(() -> socketError(started.generation, failure)));
            status = ConnectionStatus.CONNECTED;
        }
        capturing = started;
        try {
            emitter.emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.CONNECTED);
        } finally {
            capturing = null;
        }
        Throwable failure;
        WebSocket abandoned = null;
        synchronized (lock) {
            if (attempt != started) {
                return; // a connected listener closed the transport: close() failed the attempt (C11)
            }
            failure = started.listenerFailure;
            if (failure == null) {
                try {
                    protocol.sendInitialSessionUpdate(started.initialConfig, started.model);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure == null) {
                attempt = null;
                currentModel = started.model;
                if (started.stickyUrl) {
                    stickyUrl = started.url;
                }
                scheduleTick(started.generation);
                schedulePing(started.generation, ws);
            } else {
                abandoned = socket;
                disconnectLocked();
            }
        }
        if (failure == null) {
            started.result.complete(null);
        } else {
            closeGracefully(abandoned);
            started.result.completeExceptionally(failure);
        }
    }

    /**
     * On the dispatch thread: the opening handshake failed or timed out. A server that closed the connection without
     * answering is a close before open (C9: no error event); anything else is a socket error (C10).
     */
    private void openFailed(Attempt started, Throwable failure) {
        boolean closedByServer = causedByEof(failure);
        synchronized (lock) {
            if (attempt != started || status != ConnectionStatus.CONNECTING) {
                return;
            }
            if (!closedByServer) {
                emit(TransportEventType.ERROR, new TransportError.Failure(failure));
            }
            disconnectLocked();
        }
        started.result.completeExceptionally(closedByServer
                ? new IOException("WebSocket closed before the connection was ready", failure)
                : failure);
    }

    private static boolean causedByEof(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /** On the dispatch thread: the server closed the socket (C12; C9 when the attempt was still pending). */
    private void socketClosed(long socketGeneration) {
        Attempt pending;
        synchronized (lock) {
            if (socketGeneration != generation) {
                return; // stale socket (C13)
            }
            pending = attempt;
            disconnectLocked();
        }
        if (pending != null) {
            pending.result.completeExceptionally(new IOException("WebSocket closed before the connection was ready"));
        }
    }

    /** On the dispatch thread: the socket failed, or writing to it did (C10). */
    private void socketError(long socketGeneration, Throwable failure) {
        Attempt pending;
        WebSocket failed;
        synchronized (lock) {
            if (socketGeneration != generation) {
                return; // stale socket (C13)
            }
            pending = attempt;
            failed = socket;
            emit(TransportEventType.ERROR, new TransportError.Failure(failure));
            disconnectLocked();
        }
        if (failed != null) {
            failed.abort();
        }
        if (pending != null) {
            pending.result.completeExceptionally(failure);
        }
    }

    /** On the dispatch thread: one whole inbound text frame. */
    private void inboundText(long socketGeneration, CharSequence frame) {
        synchronized (lock) {
            if (socketGeneration != generation || status != ConnectionStatus.CONNECTED) {
                return;
            }
            processingFrame = true;
            try {
                protocol.onTextFrame(frame);
            } finally {
                afterFrame();
            }
        }
    }

    /** On the dispatch thread: one whole inbound binary frame. */
    private void inboundBinary(long socketGeneration, ByteBuffer frame) {
        synchronized (lock) {
            if (socketGeneration != generation || status != ConnectionStatus.CONNECTED) {
                return;
            }
            processingFrame = true;
            try {
                protocol.onBinaryFrame(frame);
            } finally {
                afterFrame();
            }
        }
    }

    private void afterFrame() {
        processingFrame = false;
        if (resetAfterFrame) {
            resetAfterFrame = false;
            protocol.reset();
        }
    }

    private void scheduleTick(long socketGeneration) {
        long periodMillis = Math.max(50, Math.min(1000, protocolOptions.responseCreateTimeout().toMillis() / 4));
        CompletableFuture.delayedExecutor(periodMillis, TimeUnit.MILLISECONDS, dispatch).execute(() -> {
            synchronized (lock) {
                if (socketGeneration != generation || status != ConnectionStatus.CONNECTED) {
                    return;
                }
                protocol.onTick(protocolOptions.nanoClock().getAsLong());
            }
            scheduleTick(socketGeneration);
        });
    }

    /**
     * Pings the server every {@code pingInterval}: a connection the peer dropped without a close frame is not always
     * reported by the JDK socket until something is written, so a failed ping ends it as a socket error.
     */
    private void schedulePing(long socketGeneration, WebSocket ws) {
        if (pingInterval.isZero()) {
            return;
        }
        CompletableFuture.delayedExecutor(pingInterval.toMillis(), TimeUnit.MILLISECONDS, dispatch).execute(() -> {
            synchronized (lock) {
                if (socketGeneration != generation || status != ConnectionStatus.CONNECTED) {
                    return;
                }
            }
            try {
                ws.sendPing(ByteBuffer.allocate(0)).whenComplete((w, error) -> {
                    if (error != null) {
                        dispatch.execute(() -> socketError(socketGeneration, unwrap(error)));
                    }
                });
            } catch (IllegalStateException previousPingOutstanding) {
                // the last ping is still being written: try again next time
            }
            schedulePing(socketGeneration, ws);
        });
    }

    /**
     * Under the lock: forgets the socket and the pending attempt, invalidates the socket's later callbacks, drops
     * queued frames and protocol state, and reports {@code disconnected} unless already disconnected.
     */
    private void disconnectLocked() {
        boolean wasDisconnected = status == ConnectionStatus.DISCONNECTED;
        generation++;
        attempt = null;
        socket = null;
        if (frames != null) {
            frames.close();
            frames = null;
        }
        status = ConnectionStatus.DISCONNECTED;
        if (processingFrame) {
            protocol.abortCurrentFrame(); // a listener closed us mid-frame: skip the frame's follow-ups
            resetAfterFrame = true;
        } else {
            protocol.reset();
        }
        if (!wasDisconnected) {
            emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.DISCONNECTED);
        }
    }

    private void closeGracefully(WebSocket ws) {
        if (ws == null) {
            return;
        }
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, error) -> {
                if (error != null) {
                    ws.abort();
                }
            });
        } catch (RuntimeException e) {
            ws.abort();
            return;
        }
        CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(ws::abort);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The FrameSink of the protocol; always called under the lock. Refusing here is what makes every sender throw
     * when not connected (C17); only the senders that go through the response sequencer check the status first,
     * since a refused response.create would otherwise be reported as a write failure (D8) instead of thrown (D11).
     */
    private void writeFrame(String frame) {
        FrameQueue queue = frames;
        if (queue == null) {
            throw new IllegalStateException(
                    "WebSocket is not connected (status " + status.wireValue() + "); call connect() first");
        }
        queue.send(frame);
    }

    private void requireConnected() {
        if (status != ConnectionStatus.CONNECTED) {
            throw new IllegalStateException(
                    "WebSocket is not connected (status " + status.wireValue() + "); call connect() first");
        }
    }

    /** Emits on the dispatch thread: directly when already on it, else posted in order. */
    private <E> void emit(TransportEventType<E> type, E event) {
        if (dispatch.isCurrent()) {
            emitter.emit(type, event);
        } else {
            dispatch.execute(() -> emitter.emit(type, event));
        }
    }

    private void post(Runnable task) {
        if (dispatch.isCurrent()) {
            task.run();
        } else {
            dispatch.execute(task);
        }
    }

    private void listenerFailed(String eventName, Throwable error) {
        Attempt connecting = capturing;
        if (connecting != null && dispatch.isCurrent()) {
            if (connecting.listenerFailure == null) {
                connecting.listenerFailure = error; // C15: the connect fails with it
            }
            return;
        }
        if ("error".equals(eventName)) {
            LOG.log(System.Logger.Level.WARNING, "an 'error' listener threw", error);
            return;
        }
        emit(TransportEventType.ERROR, new TransportError.Failure(error));
    }

    private URI resolveUrl(RealtimeTransportConnectOptions options, String model) {
        if (options.url() != null) {
            return options.url();
        }
        if (options.callId() != null) {
            return withQuery(baseUrl, "call_id", options.callId());
        }
        if (stickyUrl != null) {
            return stickyUrl;
        }
        if (constructorUrl != null) {
            return constructorUrl;
        }
        return withQuery(baseUrl, "model", model);
    }

    static URI withQuery(URI base, String name, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        String text = base.toString();
        return URI.create(text + (base.getRawQuery() == null ? "?" : "&") + name + "=" + encoded);
    }

    private static IllegalStateException missingKey() {
        return new IllegalStateException("API key is not set: give one to the builder or in the connect options");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String version() {
        String version = RealtimeWebSocketTransport.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0";
    }

    /** One connect call. */
    private static final class Attempt {
        final long generation;
        final String model;
        final URI url;
        final boolean stickyUrl;
        final RealtimeSessionConfig initialConfig;
        final CompletableFuture<Void> result = new CompletableFuture<>();
        Throwable listenerFailure; // dispatch thread only

        Attempt(long generation, String model, URI url, boolean stickyUrl, RealtimeSessionConfig initialConfig) {
            this.generation = generation;
            this.model = model;
            this.url = url;
            this.stickyUrl = stickyUrl;
            this.initialConfig = initialConfig;
        }
    }

    /** The protocol's events, delivered on the dispatch thread. */
    private final class DispatchingSink implements EventSink {
        @Override
        public <E> void emit(TransportEventType<E> type, E event) {
            RealtimeWebSocketTransport.this.emit(type, event);
        }

        @Override
        public void emitServerEvent(RealtimeServerEvent event) {
            post(() -> emitter.emitServerEvent(event));
        }

        @Override
        public void emitAny(Supplier<RealtimeServerEvent> rawCopy) {
            if (emitter.hasAnyListeners()) {
                RealtimeServerEvent copy = rawCopy.get();
                post(() -> emitter.emitAny(copy));
            }
        }

        @Override
        public boolean hasAnyListeners() {
            return emitter.hasAnyListeners();
        }

        @Override
        public boolean hasServerEventListeners(String serverEventType) {
            return emitter.hasServerEventListeners(serverEventType);
        }
    }

    /** The JDK socket's callbacks for one connect attempt; everything is handed to the dispatch thread. */
    private final class SocketListener implements WebSocket.Listener {
        private final Attempt owner;
        private StringBuilder text;
        private ByteArrayOutputStream binary;

        SocketListener(Attempt owner) {
            this.owner = owner;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            dispatch.execute(() -> opened(owner, webSocket));
            webSocket.request(INITIAL_DEMAND);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            CharSequence frame;
            if (text == null && last) {
                frame = data.toString(); // the JDK hands a String: no copy
            } else {
                if (text == null) {
                    text = new StringBuilder(Math.max(256, data.length() * 2));
                }
                text.append(data);
                if (!last) {
                    webSocket.request(1);
                    return null;
                }
                frame = text;
                text = null;
            }
            long socketGeneration = owner.generation;
            dispatch.execute(() -> inboundText(socketGeneration, frame));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (binary == null) {
                binary = new ByteArrayOutputStream(Math.max(256, data.remaining()));
            }
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                ByteBuffer frame = ByteBuffer.wrap(binary.toByteArray());
                binary = null;
                long socketGeneration = owner.generation;
                dispatch.execute(() -> inboundBinary(socketGeneration, frame));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            long socketGeneration = owner.generation;
            dispatch.execute(() -> socketClosed(socketGeneration));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            long socketGeneration = owner.generation;
            dispatch.execute(() -> socketError(socketGeneration, error));
        }
    }

    /** Builds {@link RealtimeWebSocketTransport}. */
    public static final class Builder {
        private String model = DEFAULT_MODEL;
        private URI baseUrl = DEFAULT_BASE_URL;
        private URI url;
        private ApiKey apiKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private Duration responseCreateTimeout = ProtocolOptions.DEFAULT_RESPONSE_CREATE_TIMEOUT;
        private HttpClient httpClient;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * For tests: the monotonic clock in nanoseconds used for the elapsed audio of {@code interrupt} and the
         * create timeout (default {@link System#nanoTime()}).
         */
        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /** The model used when connect options name none (default {@link #DEFAULT_MODEL}). */
        public Builder model(String model) {
            if (Objects.requireNonNull(model, "model").isEmpty()) {
                throw new IllegalArgumentException("model: must not be empty");
            }
            this.model = model;
            return this;
        }

        /**
         * The endpoint the default URLs are built on (default {@link #DEFAULT_BASE_URL}): {@code ?model=} or
         * {@code ?call_id=} is appended, URL-encoded.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = requireWebSocketUri(baseUrl, "baseUrl");
            return this;
        }

        /** A fixed URL used as is when connect options give neither a URL nor a call id (default none). */
        public Builder url(URI url) {
            this.url = requireWebSocketUri(url, "url");
            return this;
        }

        /** The API key used when connect options give none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            return this;
        }

        /** The API key (a value or an asynchronous supplier called once per connect). */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The bound on the opening handshake (default {@link #DEFAULT_CONNECT_TIMEOUT}). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How often to ping the server while connected (default {@link #DEFAULT_PING_INTERVAL}); a failed ping ends
         * the connection as a socket error. {@link Duration#ZERO} turns pings off.
         */
        public Builder pingInterval(Duration pingInterval) {
            Objects.requireNonNull(pingInterval, "pingInterval");
            if (pingInterval.isNegative()) {
                throw new IllegalArgumentException("pingInterval: must not be negative, was " + pingInterval);
            }
            this.pingInterval = pingInterval;
            return this;
        }

        /**
         * How long an outstanding {@code response.create} waits for {@code response.created} or its {@code error}
         * before the next queued one may go (default 15 s).
         */
        public Builder responseCreateTimeout(Duration responseCreateTimeout) {
            this.responseCreateTimeout = requirePositive(responseCreateTimeout, "responseCreateTimeout");
            return this;
        }

        /** The HTTP client that opens the sockets (default {@link HttpClient#newHttpClient()}). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Builds the transport (disconnected). */
        public RealtimeWebSocketTransport build() {
            return new RealtimeWebSocketTransport(this);
        }

        private static URI requireWebSocketUri(URI uri, String name) {
            Objects.requireNonNull(uri, name);
            String scheme = uri.getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException(name + ": scheme must be ws or wss, was " + uri);
            }
            return uri;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + ": must be positive, was " + value);
            }
            return value;
        }
    }
}
