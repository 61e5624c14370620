package dev.realtimetck.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The loopback baseline: a bare JDK {@code java.net.http} WebSocket that assembles each text message and hands
 * it to a consumer, with no protocol processing at all. It counts messages so a benchmark can wait for the
 * n-th one.
 */
final class BareWebSocketClient implements AutoCloseable {

    private final WebSocket socket;
    private final Receiver receiver;

    private BareWebSocketClient(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.receiver = receiver;
    }

    /** Connects with the API key as a bearer header, waiting at most {@code timeout}. */
    static BareWebSocketClient connect(URI url, String apiKey, Consumer<String> sink, Duration timeout)
            throws Exception {
        Receiver receiver = new Receiver(Objects.requireNonNull(sink, "sink"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + apiKey)
                .connectTimeout(timeout)
                .buildAsync(url, receiver)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new BareWebSocketClient(socket, receiver);
    }

    /**
     * Sends {@code text} and waits until {@code messages} more text messages have arrived.
     *
     * @throws TimeoutException when they do not arrive within {@code timeout}
     */
    void exchange(String text, int messages, Duration timeout) throws Exception {
        CountDownLatch latch = new CountDownLatch(messages);
        receiver.waiting = latch;
        socket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("bare client: " + latch.getCount() + " of " + messages
                    + " messages missing after " + timeout);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
        socket.abort();
    }

    private static final class Receiver implements WebSocket.Listener {

        private final Consumer<String> sink;
        private final StringBuilder partial = new StringBuilder();
        volatile CountDownLatch waiting = new CountDownLatch(0);

        Receiver(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else {
                String message;
                if (partial.length() == 0) {
                    message = data.toString();
                } else {
                    message = partial.append(data).toString();
                    partial.setLength(0);
                }
                sink.accept(message);
                waiting.countDown();
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
