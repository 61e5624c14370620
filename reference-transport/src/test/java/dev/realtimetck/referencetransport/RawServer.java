package dev.realtimetck.referencetransport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A plain TCP server on 127.0.0.1 for handshakes the mock server never produces: it reads the upgrade request and
 * then either closes the connection without answering or keeps it open and silent.
 */
final class RawServer implements AutoCloseable {

    enum Mode { CLOSE_AFTER_REQUEST, NEVER_ANSWER }

    private final ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();
    /** The request line and headers of the first upgrade request. */
    final CompletableFuture<List<String>> request = new CompletableFuture<>();

    RawServer(Mode mode) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(mode), "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    URI url(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    private void serve(Mode mode) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                List<String> lines = new ArrayList<>();
                for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                    lines.add(line);
                }
                request.complete(List.copyOf(lines));
                if (mode == Mode.CLOSE_AFTER_REQUEST) {
                    socket.close();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
