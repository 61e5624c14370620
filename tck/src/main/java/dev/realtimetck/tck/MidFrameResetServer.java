package dev.realtimetck.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that opens the WebSocket, waits for the client's first frame, sends one complete
 * {@code rate_limits.updated} event ({@code tck_seq} 11) and, when the test calls {@link #resetMidFrame()}, the
 * first part of a second text frame followed by a TCP reset (SO_LINGER 0): the connection dies in the middle of a
 * frame, which the mock server cannot do.
 */
final class MidFrameResetServer extends LoopbackServer {

    /** The complete event sent first. */
    static final int COMPLETE_SEQ = 11;
    /** The {@code tck_seq} of the event whose frame is cut off. */
    static final int CUT_SEQ = 12;

    private final CountDownLatch reset = new CountDownLatch(1);

    MidFrameResetServer() {
        super("tck-mid-frame-reset");
    }

    /** Sends the partial frame and resets the connection. */
    void resetMidFrame() {
        reset.countDown();
    }

    @Override
    void accepted(Socket socket) {
        Thread handler = new Thread(() -> serve(socket), "tck-mid-frame-reset-session");
        handler.setDaemon(true);
        handler.start();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!WebSocketHandshake.open(in, out)) {
                return;
            }
            out.write(textFrame(ServerEvents.rateLimits(COMPLETE_SEQ).getBytes(StandardCharsets.UTF_8)));
            out.flush();
            if (!reset.await(60, TimeUnit.SECONDS)) {
                return;
            }
            byte[] whole = ServerEvents.rateLimits(CUT_SEQ).getBytes(StandardCharsets.UTF_8);
            byte[] frame = textFrame(whole);
            out.write(frame, 0, frame.length / 2); // the header and half the payload
            out.flush();
            socket.setSoLinger(true, 0); // close() now sends a reset, not a FIN
        } catch (IOException ignored) {
            // the client went away first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An unmasked, final text frame (payloads under 64 KiB). */
    private static byte[] textFrame(byte[] payload) {
        boolean small = payload.length < 126;
        byte[] frame = new byte[payload.length + (small ? 2 : 4)];
        frame[0] = (byte) 0x81;
        if (small) {
            frame[1] = (byte) payload.length;
        } else {
            frame[1] = 126;
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(payload, 0, frame, small ? 2 : 4, payload.length);
        return frame;
    }
}
