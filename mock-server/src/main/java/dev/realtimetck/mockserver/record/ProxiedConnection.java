package dev.realtimetck.mockserver.record;

import dev.realtimetck.mockserver.replay.RecordedFrame;
import dev.realtimetck.mockserver.replay.RecordedFrame.Direction;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Pooled;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One proxied client: the Undertow channel on one side, the JDK upstream WebSocket on the other. */
final class ProxiedConnection implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedConnection.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_SUBPROTOCOL_PREFIX = "openai-insecure-api-key.";

    private final HttpClient http;
    private final URI upstreamUrl;
    private final WebSocketHttpExchange exchange;
    private final WebSocketChannel client;
    private final RecordingWriter writer;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final StringBuilder partialText = new StringBuilder();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private Redactor redactor;
    /** Sends to the upstream, chained so that frames leave in order and never overlap. */
    private CompletableFuture<WebSocket> upstream;

    ProxiedConnection(HttpClient http, URI upstreamUrl, WebSocketHttpExchange exchange, WebSocketChannel client,
                      RecordingWriter writer) {
        this.http = http;
        this.upstreamUrl = upstreamUrl;
        this.exchange = exchange;
        this.client = client;
        this.writer = writer;
    }

    void start() {
        String authorization = exchange.getRequestHeader("Authorization");
        String beta = exchange.getRequestHeader("OpenAI-Beta");
        List<String> subprotocols = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        List<String> offered = exchange.getRequestHeaders().get("Sec-WebSocket-Protocol");
        if (offered != null) {
            for (String header : offered) {
                for (String p : header.split(",")) {
                    String protocol = p.trim();
                    if (!protocol.isEmpty()) {
                        subprotocols.add(protocol);
                    }
                    if (protocol.startsWith(KEY_SUBPROTOCOL_PREFIX)) {
                        secrets.add(protocol.substring(KEY_SUBPROTOCOL_PREFIX.length()));
                        secrets.add(protocol);
                    }
                }
            }
        }
        if (authorization != null) {
            secrets.add(authorization);
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                secrets.add(authorization.substring(7).trim());
            }
        }
        secrets.addAll(Redactor.secretQueryValues(exchange.getQueryString()));
        redactor = new Redactor(secrets);

        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (beta != null) {
            builder.header("OpenAI-Beta", beta);
        }
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        upstream = builder.buildAsync(target(), this);
        upstream.whenComplete((ws, error) -> {
            if (error != null) {
                LOG.warn("upstream {} refused the connection: {}", RecordingProxy.safe(upstreamUrl),
                        redactor.text(String.valueOf(rootCause(error).getMessage())));
                finish();
                WebSockets.sendClose(1011, "upstream connection failed", client, null);
            }
        });
        client.getReceiveSetter().set(new ClientListener());
        client.addCloseTask(ch -> {
            if (!finished.get()) {
                record(RecordedFrame.close(Direction.CLIENT, now(), RecordedFrame.ABNORMAL_CLOSURE, ""));
                finish();
                upstream.thenAccept(WebSocket::abort);
            }
        });
        client.resumeReceives();
    }

    private URI target() {
        String query = exchange.getQueryString();
        if (query == null || query.isEmpty()) {
            return upstreamUrl;
        }
        String base = upstreamUrl.toString();
        return URI.create(base + (upstreamUrl.getRawQuery() == null ? "?" : "&") + query);
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private void record(RecordedFrame frame) {
        try {
            writer.write(frame);
        } catch (RuntimeException e) {
            LOG.warn("cannot write the recording: {}", e.getMessage());
        }
    }

    private void recordText(Direction direction, String text) {
        String safe = redactor.text(text);
        JsonNode event = null;
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed != null && parsed.isObject() && parsed.path("type").isString()) {
                event = redactor.event(parsed);
            }
        } catch (JacksonException e) {
            event = null;
        }
        record(event != null ? RecordedFrame.event(direction, now(), event) : RecordedFrame.text(direction, now(), safe));
    }

    private void toUpstream(java.util.function.Function<WebSocket, CompletableFuture<WebSocket>> send) {
        synchronized (this) {
            upstream = upstream.thenCompose(send);
        }
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            writer.close();
        }
    }

    // ---- client side (Undertow) ----

    private final class ClientListener extends AbstractReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            String text = message.getData();
            recordText(Direction.CLIENT, text);
            toUpstream(ws -> ws.sendText(text, true));
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            try (Pooled<ByteBuffer[]> data = message.getData()) {
                ByteBuffer merged = WebSockets.mergeBuffers(data.getResource());
                byte[] bytes = new byte[merged.remaining()];
                merged.get(bytes);
                record(RecordedFrame.binary(Direction.CLIENT, now(), bytes));
                toUpstream(ws -> ws.sendBinary(ByteBuffer.wrap(bytes), true));
            }
        }

        @Override
        protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
            try (Pooled<ByteBuffer[]> data = message.getData()) {
                CloseMessage close = new CloseMessage(data.getResource());
                int code = close.getCode() == 0 ? 1000 : close.getCode();
                String reason = redactor.text(close.getReason() == null ? "" : close.getReason());
                record(RecordedFrame.close(Direction.CLIENT, now(), code, reason));
                finish();
                toUpstream(ws -> ws.sendClose(code, reason));
                if (!channel.isCloseFrameSent()) {
                    WebSockets.sendClose(code, reason, channel, null);
                }
            }
        }
    }

    // ---- upstream side (JDK) ----

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            String text = partialText.toString();
            partialText.setLength(0);
            recordText(Direction.SERVER, text);
            WebSockets.sendText(text, client, null);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            byte[] bytes = partialBinary.toByteArray();
            partialBinary.reset();
            record(RecordedFrame.binary(Direction.SERVER, now(), bytes));
            WebSockets.sendBinary(ByteBuffer.wrap(bytes), client, null);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!finished.get()) {
            String safe = redactor.text(reason == null ? "" : reason);
            record(RecordedFrame.close(Direction.SERVER, now(), statusCode, safe));
            finish();
            if (statusCode == RecordedFrame.ABNORMAL_CLOSURE) {
                closeClientAbruptly();
            } else {
                WebSockets.sendClose(statusCode, safe, client, null);
            }
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!finished.get()) {
            record(RecordedFrame.close(Direction.SERVER, now(), RecordedFrame.ABNORMAL_CLOSURE, ""));
            finish();
            closeClientAbruptly();
        }
    }

    private void closeClientAbruptly() {
        client.getIoThread().execute(() -> {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("closing the client connection failed", e);
            }
        });
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
