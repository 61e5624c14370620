package dev.realtimetck.mockserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK WebSocket client for tests: collects text messages and the close in queues. */
final class TestClient implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private TestClient(URI url, String bearer, String... subprotocols) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(TIMEOUT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (subprotocols.length > 0) {
            String[] rest = java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length);
            builder.subprotocols(subprotocols[0], rest);
        }
        socket = builder.buildAsync(url, this).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static TestClient connect(URI url) throws Exception {
        return new TestClient(url, "test-key");
    }

    static TestClient connect(URI url, String bearer, String... subprotocols) throws Exception {
        return new TestClient(url, bearer, subprotocols);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        texts.add("BINARY:" + java.util.Base64.getEncoder().encodeToString(bytes));
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

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    String nextText() throws InterruptedException {
        String text = texts.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return text;
    }

    JsonNode nextEvent() throws InterruptedException {
        return MAPPER.readTree(nextText());
    }

    /** The next event of {@code type}, skipping others. */
    JsonNode nextEvent(String type) throws InterruptedException {
        while (true) {
            JsonNode event = nextEvent();
            if (type.equals(event.path("type").asString())) {
                return event;
            }
        }
    }

    String awaitClose() throws Exception {
        return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
