package dev.realtimetck.referencetransport;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine of {@link RealtimeWebSocketTransport}: {@code DISCONNECTED -> CONNECTING -> CONNECTED
 * -> DISCONNECTED}, one socket at a time, each tagged with a generation so that callbacks of a replaced socket are
 * ignored (C13). It owns the protocol's life cycle (reset on every connect and disconnect), feeds it inbound frames
 * and is its {@code FrameSink}. Every field is guarded by the transport lock ({@link EventDelivery}); socket
 * callbacks, handshake failures and the periodic work arrive on the dispatch thread.
 */
final class ConnectionLifecycle implements SocketCallbacks.Events, KeepAlive.Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);

    private final TransportSettings settings;
    private final EventDelivery delivery;
    private final Endpoint endpoint;
    private final KeepAlive keepAlive;
    private final RealtimeProtocol protocol;
    private final FrameIntake intake;

    private ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private long generation;
    private ConnectAttempt attempt;
    private WebSocket socket;
    private FrameQueue frames;
    private String currentModel;
    /** The attempt whose {@code connected} listeners are running (C15); dispatch thread only. */
    private ConnectAttempt capturing;

    ConnectionLifecycle(TransportSettings settings, EventDelivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
        this.endpoint = new Endpoint(settings.baseUrl(), settings.url());
        this.keepAlive = new KeepAlive(delivery::execute, settings.protocolOptions().responseCreateTimeout(),
                settings.pingInterval(), this);
        this.currentModel = settings.model();
        this.protocol = new RealtimeProtocol(this::writeFrame, delivery.protocolSink(), settings.protocolOptions());
        this.intake = new FrameIntake(protocol);
    }

    /** The protocol; call it under the lock. */
    RealtimeProtocol protocol() {
        return protocol;
    }

    /** Under the lock: the status. */
    ConnectionStatus status() {
        return status;
    }

    /** Under the lock: throws unless connected (C17, D11). */
    void requireConnected() {
        if (status != ConnectionStatus.CONNECTED) {
            throw notConnected();
        }
    }

    private IllegalStateException notConnected() {
        return new IllegalStateException(
                "WebSocket is not connected (status " + status.wireValue() + "); call connect() first");
    }

    /**
     * The protocol's FrameSink; always called under the lock. Refusing here is what makes every sender throw when not
     * connected (C17); only the senders that go through the response sequencer check the status first, since a
     * refused response.create would otherwise be reported as a write failure (D8) instead of thrown (D11).
     */
    private void writeFrame(String frame) {
        FrameQueue queue = frames;
        if (queue == null) {
            throw notConnected();
        }
        queue.send(frame);
    }

    // ---------------------------------------------------------------- connect and close

    CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        ConnectAttempt started;
        ApiKey key;
        delivery.lock();
        try {
            if (attempt != null || status != ConnectionStatus.DISCONNECTED) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("WebSocket is already connected or connecting"));
            }
            key = options.apiKey() != null ? options.apiKey() : settings.apiKey();
            if (key == null) {
                return CompletableFuture.failedFuture(ConnectFailures.missingKey());
            }
            String model = options.model() != null ? options.model() : currentModel;
            started = new ConnectAttempt(++generation, model, endpoint.resolveUrl(options, model), options.url() != null,
                    options.initialSessionConfig());
            attempt = started;
        } finally {
            delivery.unlock();
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

    void close() {
        ConnectAttempt failed;
        WebSocket closing;
        delivery.lock();
        try {
            failed = attempt;
            if (status == ConnectionStatus.DISCONNECTED && failed == null) {
                return;
            }
            closing = socket;
            disconnectLocked();
        } finally {
            delivery.unlock();
        }
        CloseGrace.closeGracefully(closing);
        if (failed != null) {
            failed.result.completeExceptionally(
                    new IllegalStateException("WebSocket connection was closed before setup completed"));
        }
    }

    private void keyResolved(ConnectAttempt started, String key, Throwable error) {
        boolean usable = error == null && key != null && !key.isEmpty();
        delivery.lock();
        try {
            if (attempt != started) {
                return; // closed while the key was resolving: open nothing (C11)
            }
            if (usable) {
                status = ConnectionStatus.CONNECTING;
                protocol.reset();
                delivery.emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.CONNECTING);
            } else {
                attempt = null;
            }
        } finally {
            delivery.unlock();
        }
        if (!usable) {
            started.result.completeExceptionally(error != null ? ConnectFailures.unwrap(error) : ConnectFailures.missingKey());
            return;
        }
        CompletableFuture<WebSocket> opening;
        try {
            opening = Endpoint.open(settings.httpClient(), key, started.url, settings.connectTimeout(),
                    new SocketCallbacks(started, delivery::execute, this));
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((ws, failure) -> {
            if (failure != null) {
                delivery.execute(() -> openFailed(started, ConnectFailures.unwrap(failure)));
            }
        });
        CompletableFuture.delayedExecutor(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                delivery::execute).execute(() -> openFailed(started, new HttpTimeoutException(
                        "the WebSocket opening handshake did not complete within " + settings.connectTimeout())));
    }

    /** Dispatch thread: the socket opened (A2 order: connected, its listeners, initial session.update, done). */
    @Override
    public void opened(ConnectAttempt started, WebSocket ws) {
        delivery.lock();
        try {
            if (attempt != started) {
                ws.abort(); // a socket of an attempt that was closed or timed out meanwhile
                return;
            }
            socket = ws;
            frames = new FrameQueue(ws, failure -> delivery.execute(() -> failed(started.generation, failure)));
            status = ConnectionStatus.CONNECTED;
        } finally {
            delivery.unlock();
        }
        capturing = started;
        try {
            delivery.emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.CONNECTED); // delivered right here
        } finally {
            capturing = null;
        }
        Throwable failure;
        WebSocket abandoned = null;
        delivery.lock();
        try {
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
                if (started.rememberUrl) {
                    endpoint.remember(started.url);
                }
                keepAlive.start(started.generation, ws);
            } else {
                abandoned = socket;
                disconnectLocked();
            }
        } finally {
            delivery.unlock();
        }
        if (failure == null) {
            started.result.complete(null);
        } else {
            CloseGrace.closeGracefully(abandoned);
            started.result.completeExceptionally(failure);
        }
    }

    /**
     * Dispatch thread: the opening handshake failed or timed out. A server that closed the connection without
     * answering is a close before open (C9: no error event); anything else is a socket error (C10).
     */
    private void openFailed(ConnectAttempt started, Throwable failure) {
        boolean closedByServer = ConnectFailures.closedByServer(failure);
        delivery.lock();
        try {
            if (attempt != started || status != ConnectionStatus.CONNECTING) {
                return;
            }
            if (!closedByServer) {
                delivery.emit(TransportEventType.ERROR, new TransportError.Failure(failure));
            }
            disconnectLocked();
        } finally {
            delivery.unlock();
        }
        started.result.completeExceptionally(closedByServer
                ? new IOException("WebSocket closed before the connection was ready", failure)
                : failure);
    }

    /** Dispatch thread: the server closed the socket (C12; C9 when the attempt was still pending). */
    @Override
    public void closed(long socketGeneration) {
        ConnectAttempt pending;
        delivery.lock();
        try {
            if (socketGeneration != generation) {
                return; // stale socket (C13)
            }
            pending = attempt;
            disconnectLocked();
        } finally {
            delivery.unlock();
        }
        if (pending != null) {
            pending.result.completeExceptionally(new IOException("WebSocket closed before the connection was ready"));
        }
    }

    /** Dispatch thread: the socket failed, or writing to it did (C10). */
    @Override
    public void failed(long socketGeneration, Throwable failure) {
        ConnectAttempt pending;
        WebSocket broken;
        delivery.lock();
        try {
            if (socketGeneration != generation) {
                return; // stale socket (C13)
            }
            pending = attempt;
            broken = socket;
            delivery.emit(TransportEventType.ERROR, new TransportError.Failure(failure));
            disconnectLocked();
        } finally {
            delivery.unlock();
        }
        if (broken != null) {
            broken.abort();
        }
        if (pending != null) {
            pending.result.completeExceptionally(failure);
        }
    }

    // ---------------------------------------------------------------- inbound frames and periodic work

    /** Dispatch thread: one whole inbound text frame. */
    @Override
    public void inboundText(long socketGeneration, CharSequence frame) {
        delivery.lock();
        try {
            if (isLiveLocked(socketGeneration)) {
                intake.text(frame);
            }
        } finally {
            delivery.unlock();
        }
    }

    /** Dispatch thread: one whole inbound binary frame. */
    @Override
    public void inboundBinary(long socketGeneration, ByteBuffer frame) {
        delivery.lock();
        try {
            if (isLiveLocked(socketGeneration)) {
                intake.binary(frame);
            }
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public boolean tickIfLive(long socketGeneration) {
        delivery.lock();
        try {
            if (!isLiveLocked(socketGeneration)) {
                return false;
            }
            protocol.onTick(settings.protocolOptions().nanoClock().getAsLong());
            return true;
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public boolean isLive(long socketGeneration) {
        delivery.lock();
        try {
            return isLiveLocked(socketGeneration);
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void pingFailed(long socketGeneration, Throwable error) {
        failed(socketGeneration, ConnectFailures.unwrap(error));
    }

    private boolean isLiveLocked(long socketGeneration) {
        return socketGeneration == generation && status == ConnectionStatus.CONNECTED;
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
        intake.resetProtocol();
        if (!wasDisconnected) {
            delivery.emit(TransportEventType.CONNECTION_CHANGE, ConnectionStatus.DISCONNECTED);
        }
    }

    // ---------------------------------------------------------------- listener failures

    /** The emitter's error handler: C15 while {@code connected} listeners run, else an {@code error} event. */
    void listenerFailed(String eventName, Throwable error) {
        ConnectAttempt connecting = capturing;
        if (connecting != null && delivery.onDispatchThread()) {
            if (connecting.listenerFailure == null) {
                connecting.listenerFailure = error; // C15: the connect fails with it
            }
            return;
        }
        if ("error".equals(eventName)) {
            LOG.warn("an 'error' listener threw", error);
            return;
        }
        delivery.emit(TransportEventType.ERROR, new TransportError.Failure(error));
    }
}
