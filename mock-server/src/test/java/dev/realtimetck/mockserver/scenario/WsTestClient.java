package dev.realtimetck.mockserver.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JDK WebSocket client for scenario tests: frames go to a queue ({@code BINARY:<base64>} for binary ones). */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsTestClient(URI url, String authorization, String[] subprotocols) throws Exception {
        this(url, authorization, subprotocols, java.util.Map.of());
    }

    private WsTestClient(URI url, String authorization, String[] subprotocols, java.util.Map<String, String> headers)
            throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        socket = builder.buildAsync(url, this).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The underlying JDK socket, for tests that send raw frames or read the negotiated subprotocol. */
    public WebSocket socket() {
        return socket;
    }

    public static WsTestClient connect(URI url) throws Exception {
        return new WsTestClient(url, "Bearer test-key", new String[0]);
    }

    /** Connects with the test key and one extra handshake header. */
    public static WsTestClient connectWithHeader(URI url, String name, String value) throws Exception {
        return new WsTestClient(url, "Bearer test-key", new String[0], java.util.Map.of(name, value));
    }

    public static WsTestClient connect(URI url, String authorization, String... subprotocols) throws Exception {
        return new WsTestClient(url, authorization, subprotocols);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        frames.add("BINARY:" + Base64.getEncoder().encodeToString(bytes));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("ERROR " + error);
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next frame; fails after {@link #TIMEOUT}. */
    public String next() throws InterruptedException {
        String frame = frames.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + TIMEOUT);
        }
        return frame;
    }

    /** The next frame within {@code window}, or null. */
    public String poll(Duration window) throws InterruptedException {
        return frames.poll(window.toMillis(), TimeUnit.MILLISECONDS);
    }

    public JsonNode nextEvent() throws InterruptedException {
        return JSON.readTree(next());
    }

    /** The next event of {@code type}, skipping others. */
    public JsonNode nextEvent(String type) throws InterruptedException {
        while (true) {
            JsonNode event = nextEvent();
            if (type.equals(event.path("type").asString())) {
                return event;
            }
        }
    }

    /** "code reason" of the close frame, or "ERROR ..." when the connection broke without one. */
    public String awaitClose() throws Exception {
        // The JDK client intermittently reports neither onClose nor onError when the peer ends the TCP connection
        // without a close frame right after a frame (seen as a lost EOF, sometimes as InternalError). So, as a
        // client's keep-alive would, probe a silent connection with pings: writing to a connection the server has
        // dropped fails, which is the "ERROR ..." outcome; a live connection answers and the wait times out.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return closed.get(500, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    socket.sendPing(java.nio.ByteBuffer.allocate(0)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException failed) {
                    closed.complete("ERROR " + failed.getCause());
                } catch (IllegalStateException pending) {
                    // a previous ping is still being written; try again on the next round
                }
            }
        }
    }

    public void closeNormally() throws Exception {
        socket.sendClose(1000, "bye").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
