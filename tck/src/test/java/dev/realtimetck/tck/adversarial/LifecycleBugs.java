package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.HANDSHAKE;
import static dev.realtimetck.tck.adversarial.Bug.Category.LIFECYCLE;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose connection lifecycle or opening handshake is wrong (C1-C17). */
final class LifecycleBugs {

    private LifecycleBugs() {
    }

    static RealtimeTransportConnectOptions withModel(RealtimeTransportConnectOptions o, String model) {
        return new RealtimeTransportConnectOptions(o.apiKey(), model, o.url(), o.callId(), o.initialSessionConfig());
    }

    /** C1 (MUST), lifecycle: status says connected while connecting. */
    @Bug(rules = "C1", category = LIFECYCLE,
            mistake = "status is set to connected as soon as the socket is requested, not when it opens")
    static final class ConnectedTooEarly extends BuggyTransport {
        ConnectedTooEarly(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public ConnectionStatus status() {
            ConnectionStatus status = super.status();
            return status == ConnectionStatus.CONNECTING ? ConnectionStatus.CONNECTED : status;
        }
    }

    /** C2 (MUST), lifecycle: no connection_change(connecting). */
    @Bug(rules = "C2", category = LIFECYCLE,
            mistake = "the status field moves to connecting without emitting connection_change(connecting)")
    static final class NoConnectingEvent extends BuggyTransport {
        NoConnectingEvent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event != ConnectionStatus.CONNECTING) {
                listener.accept(event);
            }
        }
    }

    /** C2 (MUST), lifecycle: disconnected emitted twice. */
    @Bug(rules = "C2", category = LIFECYCLE,
            mistake = "both the close path and the socket's onClose callback emit connection_change(disconnected), so it arrives twice")
    static final class DisconnectedTwice extends BuggyTransport {
        DisconnectedTwice(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            listener.accept(event);
            if (event == ConnectionStatus.DISCONNECTED) {
                listener.accept(event);
            }
        }
    }

    /** A24 (MUST), lifecycle: close() emits no connection_change. */
    @Bug(rules = {"A24", "C2"}, category = LIFECYCLE,
            mistake = "connection_change(disconnected) is emitted only from the socket's close callback, which a client-initiated close() no longer reaches")
    static final class CloseWithoutDisconnectEvent extends BuggyTransport {
        private volatile boolean closing;

        CloseWithoutDisconnectEvent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            closing = false;
            return super.connect(options);
        }

        @Override
        public void close() {
            closing = true;
            super.close();
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!(closing && event == ConnectionStatus.DISCONNECTED)) {
                listener.accept(event);
            }
        }
    }

    /** A24 (MUST), lifecycle: a second close() throws. */
    @Bug(rules = "A24", category = LIFECYCLE,
            mistake = "close() calls sendClose on the socket it already closed and lets the IllegalStateException escape on the second call")
    static final class SecondCloseThrows extends BuggyTransport {
        private volatile boolean closed;

        SecondCloseThrows(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            closed = false;
            return super.connect(options);
        }

        @Override
        public void close() {
            if (closed && seam.opened() > 0) {
                throw new IllegalStateException("Output closed");
            }
            closed = seam.opened() > 0;
            super.close();
        }
    }

    /** C3 (MUST), lifecycle: a second connect succeeds. */
    @Bug(rules = "C3", category = LIFECYCLE,
            mistake = "connect() is made idempotent: while connected or connecting it returns a completed stage instead of rejecting")
    static final class SecondConnectSucceeds extends BuggyTransport {
        SecondConnectSucceeds(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            if (super.status() != ConnectionStatus.DISCONNECTED) {
                return CompletableFuture.completedFuture(null);
            }
            return super.connect(options);
        }
    }

    /** C4 (MUST), lifecycle: the key supplier is called twice. */
    @Bug(rules = "C4", category = LIFECYCLE,
            mistake = "connect resolves the API key once to validate it and again to build the header, calling a supplier twice per connect")
    static final class KeySupplierCalledTwice extends BuggyTransport {
        KeySupplierCalledTwice(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            ApiKey key = options.apiKey();
            if (key instanceof ApiKey.Deferred) {
                key.resolve(); // the validation call; its result is not used
            }
            return super.connect(options);
        }
    }

    /** C5 (MUST), handshake: key in the query only. */
    @Bug(rules = "C5", category = HANDSHAKE, breaksConnectOrClose = true,
            mistake = "the API key is sent as an api_key query parameter instead of the Authorization header")
    static final class KeyInQueryOnly extends FrameBug {
        private volatile String key;

        @Override
        public URI uri(URI uri) {
            return uri; // the key moves in headers(), which runs next
        }

        @Override
        public void headers(Map<String, List<String>> headers, URI uri) {
            List<String> auth = headers.remove("Authorization");
            key = auth == null || auth.isEmpty() ? null : auth.get(0).replaceFirst("^Bearer ", "");
        }

        @Override
        public URI finalUri(URI uri) {
            return key == null ? uri : appendQuery(uri, "api_key", key);
        }
    }

    /** C6 (MUST), handshake: key also in the query. */
    @Bug(rules = "C6", category = HANDSHAKE,
            mistake = "the API key is appended to the URL as api_key besides the Authorization header, so the URL is not the one configured")
    static final class KeyAlsoInQuery extends FrameBug {
        private volatile String key;

        @Override
        public void headers(Map<String, List<String>> headers, URI uri) {
            List<String> auth = headers.get("Authorization");
            key = auth == null || auth.isEmpty() ? null : auth.get(0).replaceFirst("^Bearer ", "");
        }

        @Override
        public URI finalUri(URI uri) {
            return key == null ? uri : appendQuery(uri, "api_key", key);
        }
    }

    static URI appendQuery(URI uri, String name, String value) {
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** C5 (MUST), handshake: OpenAI-Beta header. */
    @Bug(rules = "C5", category = HANDSHAKE,
            mistake = "the upgrade request still carries the beta header OpenAI-Beta: realtime=v1")
    static final class BetaHeaderSent extends FrameBug {
        @Override
        public void headers(Map<String, List<String>> headers, URI uri) {
            headers.put("OpenAI-Beta", new ArrayList<>(List.of("realtime=v1")));
        }
    }

    /** C5 (SHOULD), handshake: no SDK headers. */
    @Bug(rules = "C5", category = HANDSHAKE,
            mistake = "the upgrade request carries no SDK identification headers (User-Agent, X-OpenAI-Agents-SDK)")
    static final class NoSdkHeaders extends FrameBug {
        @Override
        public void headers(Map<String, List<String>> headers, URI uri) {
            headers.remove("User-Agent");
            headers.remove("X-OpenAI-Agents-SDK");
        }
    }

    /** C6 (MUST), handshake: model always appended. */
    @Bug(rules = "C6", category = HANDSHAKE,
            mistake = "?model=<model> is appended to every URL, including a URL given in the options, which must be used as is")
    static final class ModelAlwaysAppended extends BuggyTransport implements FrameHooks {
        private volatile String model = RealtimeWebSocketTransport.DEFAULT_MODEL;

        ModelAlwaysAppended(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            if (options.model() != null) {
                model = options.model();
            }
            return super.connect(options);
        }

        @Override
        public URI uri(URI uri) {
            return uri.getRawQuery() != null && uri.getRawQuery().contains("model=") ? uri
                    : appendQuery(uri, "model", model);
        }
    }

    /** C7 (MUST), lifecycle: the connect model does not stick. */
    @Bug(rules = "C7", category = LIFECYCLE,
            mistake = "options.model is used for that connect only; a later connect without a model falls back to the constructor's model")
    static final class ModelNotSticky extends BuggyTransport {
        ModelNotSticky(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return super.connect(options.model() != null ? options
                    : withModel(options, RealtimeWebSocketTransport.DEFAULT_MODEL));
        }
    }

    /** C8 (MUST), lifecycle: a failed connect keeps its model. */
    @Bug(rules = "C8", category = LIFECYCLE,
            mistake = "the current model is assigned before the socket opens and not restored when the connect fails")
    static final class FailedConnectKeepsModel extends BuggyTransport {
        private volatile String sticky;

        FailedConnectKeepsModel(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            if (options.model() != null) {
                String model = options.model();
                return super.connect(options).whenComplete((v, error) -> sticky = error != null ? model : null);
            }
            return super.connect(sticky != null ? withModel(options, sticky) : options);
        }
    }

    /** C9 (MUST), lifecycle: close before open reported as error. */
    @Bug(rules = "C9", category = LIFECYCLE,
            mistake = "a server close before the socket opened is reported as an error event as well as failing connect")
    static final class CloseBeforeOpenReported extends BuggyTransport {
        CloseBeforeOpenReported(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return super.connect(options).whenComplete((v, error) -> {
                Throwable cause = error;
                while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof IOException && cause.getMessage() != null
                        && cause.getMessage().contains("closed before")) {
                    inject(TransportEventType.ERROR.name(), new TransportError.Failure(cause));
                }
            });
        }
    }

    /** C10 (MUST), lifecycle: socket errors not reported. */
    @Bug(rules = "C10", category = LIFECYCLE,
            mistake = "the socket's onError only logs: no error event reaches listeners, only the disconnect")
    static final class SocketErrorSilent extends BuggyTransport {
        SocketErrorSilent(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (!(event instanceof TransportError.Failure failure && isSocketFailure(failure.cause()))) {
                listener.accept(event);
            }
        }

        static boolean isSocketFailure(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** C12 (MUST), lifecycle: a server close is an error. */
    @Bug(rules = "C12", category = LIFECYCLE,
            mistake = "every close the transport did not initiate is reported as an error event before the disconnect")
    static final class ServerCloseReportedAsError extends BuggyTransport {
        private volatile boolean closing;
        private volatile boolean reported;

        ServerCloseReportedAsError(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            closing = false;
            reported = false;
            return super.connect(options);
        }

        @Override
        public void close() {
            closing = true;
            super.close();
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event == ConnectionStatus.DISCONNECTED && !closing && seam.closeReceived() && !reported) {
                reported = true;
                inject(TransportEventType.ERROR.name(),
                        new TransportError.Failure(new IOException("WebSocket closed by the server")));
            }
            listener.accept(event);
        }
    }

    /** C14 (MUST), lifecycle: no initial session.update after a reconnect. */
    @Bug(rules = {"C14", "A1"}, category = LIFECYCLE,
            mistake = "a flag \"session configured\" is never reset, so a reconnect sends no initial session.update")
    static final class NoSessionUpdateOnReconnect extends FrameBug {
        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (!(firstSessionUpdateOfConnection(frame) && seam.opened() > 1)) {
                out.send(text);
            }
        }
    }

    /** C14 (MUST), lifecycle: the transport cannot reconnect. */
    @Bug(rules = "C14", category = LIFECYCLE,
            mistake = "close() shuts the transport's executor for good, so connect after a disconnect fails")
    static final class SingleUse extends BuggyTransport {
        private volatile boolean closed;

        SingleUse(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            if (closed || (seam.opened() > 0 && super.status() == ConnectionStatus.DISCONNECTED)) {
                return CompletableFuture.failedFuture(new IllegalStateException("transport is closed"));
            }
            return super.connect(options);
        }

        @Override
        public void close() {
            closed = seam.opened() > 0;
            super.close();
        }
    }

    /** C15 (SHOULD), lifecycle: a throwing connected listener does not fail connect. */
    @Bug(rules = "C15", category = LIFECYCLE,
            mistake = "listener exceptions during connect are caught and reported as error events, so connect succeeds although a connected listener threw")
    static final class ConnectedListenerFailureSwallowed extends BuggyTransport {
        ConnectedListenerFailureSwallowed(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (event != ConnectionStatus.CONNECTED) {
                listener.accept(event);
                return;
            }
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                inject(TransportEventType.ERROR.name(), new TransportError.Failure(e));
            }
        }
    }

    /** C17 (MUST), lifecycle: messages before connect are queued. */
    @Bug(rules = "C17", category = LIFECYCLE,
            mistake = "sendMessage before connect queues the message and sends it once connected, instead of throwing")
    static final class MessagesQueuedBeforeConnect extends BuggyTransport {
        private final List<Object[]> queued = new ArrayList<>();

        MessagesQueuedBeforeConnect(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public synchronized void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            if (super.status() == ConnectionStatus.CONNECTED) {
                super.sendMessage(message, otherEventData, options);
            } else {
                queued.add(new Object[] {message, otherEventData, options});
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return super.connect(options).thenRun(() -> {
                synchronized (this) {
                    for (Object[] m : queued) {
                        super.sendMessage((RealtimeUserInput) m[0], (Map<String, Object>) m[1],
                                (SendMessageOptions) m[2]);
                    }
                    queued.clear();
                }
            });
        }
    }
}
