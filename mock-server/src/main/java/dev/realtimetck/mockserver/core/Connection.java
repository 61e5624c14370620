package dev.realtimetck.mockserver.core;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of one session: its lifecycle state, the close and drop handshakes, and the outbound pump
 * that writes queued frames one after another on the channel's IO thread. Every frame it writes, and every close
 * or drop, is logged in the session's {@link FrameLog} in the order it was queued.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final long FORCE_CLOSE_MILLIS = 5_000;

    @FunctionalInterface
    private interface Outbound {
        void send(WebSocketChannel channel, WebSocketCallback<Void> done);
    }

    private final String id;
    private final FrameLog frames;
    private final ScheduledExecutorService timer;
    private final Runnable onClosed;
    private final Object lock = new Object();
    private final ArrayDeque<Outbound> outbound = new ArrayDeque<>();
    private boolean sending;
    private boolean serverClosed;
    private boolean serverDropped;
    private boolean clientCloseSeen;
    private volatile MockSession.State state = MockSession.State.OPEN;
    private volatile WebSocketChannel channel;

    /**
     * @param id the session id, for log lines
     * @param frames the session's frame log
     * @param timer runs the forced close when a peer does not answer a close or drop
     * @param onClosed runs once, when the channel has closed
     */
    Connection(String id, FrameLog frames, ScheduledExecutorService timer, Runnable onClosed) {
        this.id = id;
        this.frames = frames;
        this.timer = timer;
        this.onClosed = onClosed;
    }

    MockSession.State state() {
        return state;
    }

    /** Wires the channel; frames queued before it are written now (or the drop asked for happens now). */
    void attach(WebSocketChannel ch) {
        boolean pending;
        synchronized (lock) {
            this.channel = ch;
            pending = !outbound.isEmpty() && !sending;
            sending = sending || pending;
        }
        ch.addCloseTask(c -> onChannelClosed());
        if (serverDropped) {
            closeChannelNow();
        } else if (pending) {
            pump();
        }
    }

    /** Returns true when the server should echo the close frame (it has not sent one itself). */
    boolean onClientClose(int code, String reason) {
        String why = reason == null ? "" : reason;
        frames.add(Frame.Direction.CLIENT, Frame.Kind.CLOSE, null, null, code, why);
        synchronized (lock) {
            clientCloseSeen = true;
            if (serverClosed) {
                return false;
            }
            serverClosed = true;
            if (state == MockSession.State.OPEN) {
                state = MockSession.State.CLOSING;
            }
        }
        frames.add(Frame.Direction.SERVER, Frame.Kind.CLOSE, null, null, code, why);
        return true;
    }

    private void onChannelClosed() {
        synchronized (lock) {
            if (state == MockSession.State.CLOSED) {
                return;
            }
            if (!clientCloseSeen && !serverDropped) {
                frames.add(Frame.Direction.CLIENT, Frame.Kind.DROP, null, null, null, null);
            }
            state = MockSession.State.CLOSED;
            outbound.clear();
        }
        onClosed.run();
    }

    void sendText(String text) {
        enqueue(() -> frames.add(Frame.Direction.SERVER, Frame.Kind.TEXT, text, null, null, null),
                (ch, done) -> WebSockets.sendText(text, ch, done));
    }

    void sendBinary(byte[] data) {
        enqueue(() -> frames.add(Frame.Direction.SERVER, Frame.Kind.BINARY, null,
                        Base64.getEncoder().encodeToString(data), null, null),
                (ch, done) -> WebSockets.sendBinary(ByteBuffer.wrap(data), ch, done));
    }

    void close(int code, String reason) {
        String why = reason == null ? "" : reason;
        boolean startPump;
        synchronized (lock) {
            if (state != MockSession.State.OPEN || serverClosed) {
                return;
            }
            serverClosed = true;
            frames.add(Frame.Direction.SERVER, Frame.Kind.CLOSE, null, null, code, why);
            state = MockSession.State.CLOSING;
            outbound.add((ch, done) -> WebSockets.sendClose(code, why, ch, done));
            startPump = !sending;
            sending = true;
        }
        if (startPump) {
            pump();
        }
        try {
            forceCloseLater();
        } catch (RejectedExecutionException e) {
            closeChannelNow(); // the server is stopping: no timer left to wait for the peer's close frame
        }
    }

    void drop() {
        boolean startPump;
        synchronized (lock) {
            if (state == MockSession.State.CLOSED || serverDropped) {
                return;
            }
            serverDropped = true;
            frames.add(Frame.Direction.SERVER, Frame.Kind.DROP, null, null, null, null);
            // the connection ends after the frames already queued are written: closing the socket while a write
            // is in flight lost those frames and, intermittently, the client never saw the connection end
            outbound.add((ch, done) -> closeChannelNow());
            startPump = !sending;
            sending = true;
        }
        if (startPump) {
            pump();
        }
        forceCloseLater();
    }

    private void forceCloseLater() {
        timer.schedule(() -> {
            if (state != MockSession.State.CLOSED) {
                closeChannelNow();
            }
        }, FORCE_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void closeChannelNow() {
        WebSocketChannel ch = channel;
        if (ch == null) {
            return;
        }
        try {
            ch.getIoThread().execute(() -> {
                try {
                    ch.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("session {}: closing the connection failed", id, e);
                }
            });
        } catch (RuntimeException e) {
            // the IO thread is gone (server stopping): the listener shutdown closes the connection
            LOG.debug("session {}: could not schedule the close", id, e);
        }
    }

    private void enqueue(Runnable record, Outbound send) {
        synchronized (lock) {
            if (state != MockSession.State.OPEN || serverDropped) {
                LOG.debug("session {} is {}{}; a send was ignored", id, state, serverDropped ? " (dropped)" : "");
                return;
            }
            record.run();
            outbound.add(send);
            if (sending) {
                return;
            }
            sending = true;
        }
        pump();
    }

    /**
     * Sends the next queued frame. Undertow's WebSocket send paths are not safe against a concurrent close of
     * the channel (server shutdown, a drop, the peer going away), so every send runs on the channel's own IO
     * thread and only while the channel is still open; anything that fails ends the queue instead of throwing
     * into a caller or a pool thread.
     */
    private void pump() {
        WebSocketChannel ch;
        synchronized (lock) {
            ch = channel;
            if (ch == null || outbound.isEmpty()) {
                sending = false;
                return;
            }
        }
        if (!ch.getIoThread().equals(Thread.currentThread())) {
            pumpLater(ch);
            return;
        }
        Outbound next;
        synchronized (lock) {
            next = outbound.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        if (!ch.isOpen() || ch.isCloseFrameSent()) {
            abandonQueue(null);
            return;
        }
        try {
            next.send(ch, new WebSocketCallback<>() {
                @Override
                public void complete(WebSocketChannel c, Void context) {
                    pumpLater(ch);
                }

                @Override
                public void onError(WebSocketChannel c, Void context, Throwable throwable) {
                    LOG.debug("session {}: send failed", id, throwable);
                    pumpLater(ch);
                }
            });
        } catch (RuntimeException e) {
            abandonQueue(e);
        }
    }

    /** Continues the queue as a fresh IO-thread task (no recursion through synchronous send completions). */
    private void pumpLater(WebSocketChannel ch) {
        try {
            ch.getIoThread().execute(this::pump);
        } catch (RuntimeException e) {
            abandonQueue(e);
        }
    }

    /** The connection can no longer carry frames: forget what is queued so later sends start cleanly. */
    private void abandonQueue(RuntimeException cause) {
        if (cause != null) {
            LOG.debug("session {}: the connection can no longer send", id, cause);
        }
        synchronized (lock) {
            outbound.clear();
            sending = false;
        }
    }
}
