package dev.realtimetck.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A loopback server that completes the WebSocket opening handshake, waits for the client's first frame and then
 * breaks the WebSocket protocol: it sends a frame with a reserved opcode, which a client must treat as a failed
 * connection (a socket error after open, as opposed to a close).
 */
final class ProtocolViolatingServer extends LoopbackServer {

    /** FIN set, reserved opcode 0x3, no mask, empty payload. */
    private static final byte[] RESERVED_OPCODE_FRAME = {(byte) 0x83, 0x00};

    ProtocolViolatingServer() {
        super("tck-protocol-violating");
    }

    @Override
    void accepted(Socket socket) {
        Thread handler = new Thread(() -> serve(socket), "tck-protocol-violating-session");
        handler.setDaemon(true);
        handler.start();
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!WebSocketHandshake.open(in, out)) {
                return;
            }
            out.write(RESERVED_OPCODE_FRAME);
            out.flush();
            in.transferTo(OutputStream.nullOutputStream()); // until the client gives up on the connection
        } catch (IOException ignored) {
            // the client closed or reset the connection: expected
        }
    }
}
