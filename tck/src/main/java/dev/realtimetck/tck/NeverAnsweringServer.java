package dev.realtimetck.tck;

import java.io.IOException;
import java.net.Socket;

/**
 * A TCP server on 127.0.0.1 that accepts connections and never answers anything: the WebSocket handshake of a
 * transport connecting to it never completes. Used for the connect-timeout and close-during-connect rules. In
 * hang-up mode it closes every connection as soon as it accepts it, before any handshake answer (a server that
 * closes before open).
 */
public final class NeverAnsweringServer extends LoopbackServer {

    private final boolean hangUp;

    NeverAnsweringServer() {
        this(false);
    }

    NeverAnsweringServer(boolean hangUp) {
        super("tck-never-answering");
        this.hangUp = hangUp;
    }

    @Override
    void accepted(Socket socket) throws IOException {
        if (hangUp) {
            socket.close();
        }
    }
}
