package dev.realtimetck.referencetransport;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The JDK socket's callbacks for one connect attempt: joins partial messages into whole frames and hands every
 * callback to the dispatch thread, tagged with the attempt, so that callbacks of a replaced socket can be ignored
 * (C13). Keeps {@link #INITIAL_DEMAND} frames requested ahead.
 */
final class SocketCallbacks implements WebSocket.Listener {

    /** What the dispatch thread does with a socket's callbacks. */
    interface Events {
        void opened(ConnectAttempt attempt, WebSocket ws);

        void inboundText(long generation, CharSequence frame);

        void inboundBinary(long generation, ByteBuffer frame);

        void closed(long generation);

        void failed(long generation, Throwable error);
    }

    static final int INITIAL_DEMAND = 16;

    private final ConnectAttempt owner;
    private final Executor dispatch;
    private final Events events;
    private StringBuilder text;
    private ByteArrayOutputStream binary;

    SocketCallbacks(ConnectAttempt owner, Executor dispatch, Events events) {
        this.owner = owner;
        this.dispatch = dispatch;
        this.events = events;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        dispatch.execute(() -> events.opened(owner, webSocket));
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
        dispatch.execute(() -> events.inboundText(owner.generation, frame));
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
            dispatch.execute(() -> events.inboundBinary(owner.generation, frame));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        dispatch.execute(() -> events.closed(owner.generation));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        dispatch.execute(() -> events.failed(owner.generation, error));
    }
}
