package dev.realtimetck.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A loopback server that completes the WebSocket opening handshake, waits for the client's first frame and then
 * breaks the WebSocket protocol: it sends a frame with a reserved opcode, which a client must treat as a failed
 * connection (a socket error after open, as opposed to a close).
 */
final class ProtocolViolatingServer extends LoopbackServer {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
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
            String key = null;
            for (String line : readHead(in).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (in.read() < 0) { // the first byte of the client's first frame: the connection is open on its side
                return;
            }
            out.write(RESERVED_OPCODE_FRAME);
            out.flush();
            in.transferTo(OutputStream.nullOutputStream()); // until the client gives up on the connection
        } catch (IOException ignored) {
            // the client closed or reset the connection: expected
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < 16_384) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
