package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.JsonResponses;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Starts the server's Undertow HTTP listeners and names their URLs. */
final class Listeners {

    private Listeners() {
    }

    /**
     * A started listener on {@code host:port} (0: a free port).
     *
     * @throws IllegalStateException naming host and port when it cannot bind
     */
    static Undertow listen(String host, int port, HttpHandler handler) {
        Undertow server = Undertow.builder()
                .setIoThreads(2)
                .setWorkerThreads(8)
                .addHttpListener(port, host)
                .setHandler(handler)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + cause.getMessage(), e);
        }
        return server;
    }

    /** {@code scheme://host:port/path} of a started listener. */
    static URI url(String scheme, String host, Undertow server, String path) {
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + h + ":" + port + path);
    }

    /** Answers any other path with 404 and the real API's error body, naming the Realtime endpoint. */
    static HttpHandler notFound(String realtimePath) {
        return exchange -> JsonResponses.send(exchange, 404, JsonResponses.errorBody(
                "Unknown path " + exchange.getRequestPath() + "; the Realtime endpoint is " + realtimePath + ".",
                "invalid_request_error", null, "not_found"));
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
