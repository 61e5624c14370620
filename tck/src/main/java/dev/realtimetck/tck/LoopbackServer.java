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
 * A raw TCP server on 127.0.0.1 for the faults the mock server cannot produce: it accepts connections on a daemon
 * thread and hands each to {@link #accepted(Socket)}; closing it closes every accepted socket.
 */
abstract class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    LoopbackServer(String name) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback server socket", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, name + "-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                connections.incrementAndGet();
                accepted(socket);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Called on the acceptor thread for each new connection; must not block. */
    abstract void accepted(Socket socket) throws IOException;

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
