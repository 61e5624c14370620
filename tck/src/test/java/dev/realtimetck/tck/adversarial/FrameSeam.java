package dev.realtimetck.tck.adversarial;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * The frame-level seam: an {@link HttpClient} for the reference transport's {@code httpClient(...)} option whose
 * WebSockets pass every outgoing text frame and every incoming text frame through {@link FrameHooks}. Everything
 * else is delegated to a real client. The seam also keeps a small view of the conversation (active response,
 * outstanding {@code response.create}, output audio) that bugs consult.
 *
 * <p>Two envelope types let a decorator talk to the seam in wire order, through the transport's own
 * {@code sendEvent} (rule A4 writes other types unchanged): {@code adv.raw} writes {@code frame} as is (a frame the
 * broken transport writes itself), {@code adv.mark} calls {@link FrameHooks#mark}. Neither reaches the wire.
 */
final class FrameSeam extends HttpClient {

    static final String RAW = "adv.raw";
    static final String MARK = "adv.mark";

    /** Where outgoing frames go. */
    interface Out {
        void send(String text);

        default void send(ObjectNode frame) {
            send(Json.write(frame));
        }
    }

    /** Where incoming frames go. */
    interface In {
        void deliver(String text);

        default void deliver(ObjectNode frame) {
            deliver(Json.write(frame));
        }
    }

    private final HttpClient real = HttpClient.newHttpClient();
    private volatile FrameHooks hooks = FrameHooks.NONE;
    final AudioClock clock = new AudioClock();
    private volatile SeamSocket current;
    private volatile SeamListener currentListener;
    private volatile boolean responseActive;
    private volatile String outstandingCreate;
    private volatile int opened;
    private volatile boolean closeReceived;

    FrameSeam() {
    }

    /** Installs the bug's hooks (before the first connect). */
    void hooks(FrameHooks value) {
        this.hooks = value;
        if (value instanceof FrameBug bug) {
            bug.seam = this;
        }
    }

    // ------------------------------------------------------------------ the seam's view

    boolean responseActive() {
        return responseActive;
    }

    /** The {@code event_id} of the {@code response.create} written and not yet answered, or null. */
    String outstandingCreate() {
        return outstandingCreate;
    }

    /** How many sockets opened so far. */
    int opened() {
        return opened;
    }

    /** Whether the current socket received the server's close. */
    boolean closeReceived() {
        return closeReceived;
    }

    /** Writes frames after {@code delay}, behind whatever is queued then. */
    void writeLater(Duration delay, List<String> frames) {
        SeamSocket socket = current;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> socket.write(frames));
    }

    /** Writes frames now, behind whatever is queued. */
    void writeNow(List<String> frames) {
        SeamSocket socket = current;
        if (socket != null) {
            socket.write(frames);
        }
    }

    /** Hands the transport a frame as if the server had sent it. */
    void injectIncoming(String text) {
        SeamListener listener = currentListener;
        if (listener != null) {
            listener.deliver(text);
        }
    }

    private void observeOutgoing(ObjectNode frame) {
        if ("response.create".equals(Json.type(frame))) {
            outstandingCreate = Json.text(frame, "event_id");
        }
    }

    private void observeIncoming(ObjectNode frame) {
        switch (Json.type(frame)) {
            case "response.created" -> {
                responseActive = true;
                outstandingCreate = null;
                clock.responseCreated(frame);
            }
            case "response.done" -> {
                responseActive = false;
                clock.responseDone(frame);
            }
            case "error" -> {
                String id = Json.text(Json.at(frame, "error"), "event_id");
                if (id != null && id.equals(outstandingCreate)) {
                    outstandingCreate = null;
                }
            }
            case "session.updated" -> clock.sessionUpdated(frame);
            case "response.output_audio.delta" -> clock.delta(frame, System.nanoTime());
            case "response.output_audio.done" -> clock.audioDone();
            case "input_audio_buffer.speech_started" -> clock.speechStarted();
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ HttpClient

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return new SeamBuilder();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return real.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return real.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return real.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return real.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return real.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return real.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return real.authenticator();
    }

    @Override
    public Version version() {
        return real.version();
    }

    @Override
    public Optional<Executor> executor() {
        return real.executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return real.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return real.sendAsync(request, handler, pushPromiseHandler);
    }

    // ------------------------------------------------------------------ WebSocket.Builder

    private final class SeamBuilder implements WebSocket.Builder {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private Duration timeout;
        private String[] subprotocols;

        @Override
        public WebSocket.Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        @Override
        public WebSocket.Builder connectTimeout(Duration value) {
            this.timeout = value;
            return this;
        }

        @Override
        public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
            List<String> all = new ArrayList<>();
            all.add(mostPreferred);
            all.addAll(List.of(lesserPreferred));
            this.subprotocols = all.toArray(String[]::new);
            return this;
        }

        @Override
        public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
            URI target = hooks.uri(uri);
            hooks.headers(headers, target);
            target = hooks.finalUri(target);
            WebSocket.Builder builder = real.newWebSocketBuilder();
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            if (timeout != null) {
                builder.connectTimeout(timeout);
            }
            if (subprotocols != null) {
                builder.subprotocols(subprotocols[0],
                        List.of(subprotocols).subList(1, subprotocols.length).toArray(String[]::new));
            }
            SeamListener seamListener = new SeamListener(listener);
            return builder.buildAsync(target, seamListener).thenApply(seamListener::socket);
        }
    }

    // ------------------------------------------------------------------ WebSocket

    final class SeamSocket implements WebSocket {
        private final WebSocket socket;
        private CompletableFuture<WebSocket> tail = CompletableFuture.completedFuture(null);

        SeamSocket(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            String text = data.toString();
            List<String> out = new ArrayList<>();
            synchronized (this) {
                ObjectNode frame = Json.object(text);
                String type = Json.type(frame);
                if (RAW.equals(type)) {
                    out.add(Json.text(frame, "frame"));
                } else if (MARK.equals(type)) {
                    hooks.mark(Json.text(frame, "name"), Json.at(frame, "payload"), out::add);
                } else {
                    if (frame != null) {
                        observeOutgoing(frame);
                    }
                    hooks.outgoing(frame, text, out::add);
                }
                return write(out);
            }
        }

        synchronized CompletableFuture<WebSocket> write(List<String> frames) {
            if (!hooks.awaitWrites()) {
                for (String frame : frames) {
                    try {
                        socket.sendText(frame, true);
                    } catch (IllegalStateException sendPending) {
                        // the broken transport swallows the refused overlapping send: the frame is lost
                    }
                }
                return CompletableFuture.completedFuture(this);
            }
            for (String frame : frames) {
                tail = tail.thenCompose(w -> socket.sendText(frame, true));
            }
            return tail.thenApply(w -> this);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            return socket.sendBinary(data, last).thenApply(w -> this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            return socket.sendPing(message).thenApply(w -> this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            return socket.sendPong(message).thenApply(w -> this);
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            return socket.sendClose(statusCode, reason).thenApply(w -> this);
        }

        @Override
        public void request(long n) {
            socket.request(n);
        }

        @Override
        public String getSubprotocol() {
            return socket.getSubprotocol();
        }

        @Override
        public boolean isOutputClosed() {
            return socket.isOutputClosed();
        }

        @Override
        public boolean isInputClosed() {
            return socket.isInputClosed();
        }

        @Override
        public void abort() {
            socket.abort();
        }
    }

    // ------------------------------------------------------------------ WebSocket.Listener

    private final class SeamListener implements WebSocket.Listener {
        private final WebSocket.Listener inner;
        private SeamSocket socket;
        private StringBuilder partial;

        SeamListener(WebSocket.Listener inner) {
            this.inner = inner;
        }

        synchronized SeamSocket socket(WebSocket real) {
            if (socket == null) {
                socket = new SeamSocket(real);
            }
            return socket;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            SeamSocket wrapped = socket(webSocket);
            current = wrapped;
            currentListener = this;
            closeReceived = false;
            responseActive = false;
            outstandingCreate = null;
            clock.clear();
            opened++;
            inner.onOpen(wrapped);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                if (partial == null) {
                    partial = new StringBuilder();
                }
                partial.append(data);
                webSocket.request(1);
                return null;
            }
            String text;
            if (partial != null) {
                text = partial.append(data).toString();
                partial = null;
            } else {
                text = data.toString();
            }
            ObjectNode frame = Json.object(text);
            if (frame != null) {
                observeIncoming(frame);
            }
            int[] delivered = {0};
            hooks.incoming(frame, text, out -> {
                delivered[0]++;
                deliver(out);
            });
            if (delivered[0] == 0) {
                webSocket.request(1);
            }
            return null;
        }

        synchronized void deliver(String text) {
            inner.onText(socket, text, true);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            return inner.onBinary(socket(webSocket), data, last);
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            return inner.onPing(socket(webSocket), message);
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            return inner.onPong(socket(webSocket), message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReceived = true;
            if (!hooks.deliverClose()) {
                return null;
            }
            return inner.onClose(socket(webSocket), statusCode, reason);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inner.onError(socket(webSocket), error);
        }
    }
}
