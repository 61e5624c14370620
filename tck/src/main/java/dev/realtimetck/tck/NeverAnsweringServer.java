package dev.realtimetck.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 that accepts connections and never answers anything: the WebSocket handshake of a
 * transport connecting to it never completes. Used for the connect-timeout and close-during-connect rules. In
 * hang-up mode it closes every connection as soon as it accepts it, before any handshake answer (a server that
 * closes before open).
 */
public final class NeverAnsweringServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private final boolean hangUp;

    NeverAnsweringServer() {
        this(false);
    }

    NeverAnsweringServer(boolean hangUp) {
        this.hangUp = hangUp;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback server socket", e);
        }
        acceptor = new Thread(this::acceptLoop, "tck-never-answering-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                connections.incrementAndGet();
                if (hangUp) {
                    socket.close();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A WebSocket URL pointing at this server. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/v1/realtime");
    }

    /** How many TCP connections were accepted. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : accepted) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
