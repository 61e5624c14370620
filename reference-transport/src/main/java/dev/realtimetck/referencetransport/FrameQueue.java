package dev.realtimetck.referencetransport;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The outbound text frames of one socket. The JDK WebSocket allows one outstanding send at a time, so frames are
 * queued and each send is chained on the completion of the previous one: frames leave in the order they were
 * queued, whole, never interleaved, never dropped while the socket lives. Thread-safe.
 */
final class FrameQueue {

    private final WebSocket socket;
    private final Consumer<Throwable> onFailure;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    FrameQueue(WebSocket socket, Consumer<Throwable> onFailure) {
        this.socket = socket;
        this.onFailure = onFailure;
    }

    /**
     * Queues one text frame; returns at once.
     *
     * @throws IllegalStateException when the queue was closed (the socket is gone)
     */
    void send(String frame) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("WebSocket is not connected; the frame was not sent");
            }
            if (sending) {
                pending.add(frame);
                return;
            }
            sending = true;
        }
        drain(frame);
    }

    /** Drops the frames not yet handed to the socket; later {@link #send} calls throw. */
    void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
    }

    /** Frames queued and not yet handed to the socket (for tests and diagnostics). */
    synchronized int pendingCount() {
        return pending.size();
    }

    private void drain(String first) {
        String frame = first;
        while (frame != null) {
            CompletableFuture<WebSocket> sent = socket.sendText(frame, true);
            if (!sent.isDone()) {
                sent.whenComplete((ws, error) -> {
                    if (error != null) {
                        failed(error);
                    } else {
                        drain(nextOrIdle());
                    }
                });
                return;
            }
            if (sent.isCompletedExceptionally()) {
                sent.whenComplete((ws, error) -> failed(error));
                return;
            }
            frame = nextOrIdle();
        }
    }

    private String nextOrIdle() {
        synchronized (this) {
            String next = closed ? null : pending.poll();
            if (next == null) {
                sending = false;
            }
            return next;
        }
    }

    private void failed(Throwable error) {
        synchronized (this) {
            sending = false;
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        onFailure.accept(error);
    }
}
