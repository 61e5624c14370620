package dev.realtimetck.mockserver.record;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording WebSocket proxy: accepts clients on {@code /v1/realtime}, opens the upstream Realtime WebSocket for
 * each (forwarding the {@code Authorization} and {@code OpenAI-Beta} headers, the subprotocols and the query
 * string), forwards frames both ways, and writes every frame to a JSONL recording (see
 * {@link dev.realtimetck.mockserver.replay.RecordedFrame}). Secrets are redacted before writing (see the README);
 * nothing secret is logged. The first connection is written to {@code out}, later ones to {@code out} with
 * {@code -2}, {@code -3}, ... before the extension.
 */
public final class RecordingProxy implements AutoCloseable {

    /** The path clients connect to. */
    public static final String PATH = "/v1/realtime";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingProxy.class);

    private final URI upstream;
    private final Path out;
    private final String host;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
    private final AtomicInteger connections = new AtomicInteger();
    private Undertow undertow;
    private int boundPort;

    /**
     * @param upstream the upstream WebSocket URL ({@code ws://} or {@code wss://}), for example
     *     {@code wss://api.openai.com/v1/realtime}
     * @param out the recording file
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     */
    public RecordingProxy(URI upstream, Path out, String host, int port) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("upstream: must be a ws:// or wss:// URL, was " + safe(upstream));
        }
        this.out = Objects.requireNonNull(out, "out");
        this.host = Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0..65535, was " + port);
        }
        this.port = port;
    }

    /** Starts listening. */
    public synchronized RecordingProxy start() {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        WebSocketConnectionCallback callback = (exchange, channel) -> {
            int n = connections.incrementAndGet();
            Path file = fileFor(n);
            LOG.info("connection {}: recording to {}, upstream {}", n, file, safe(upstream));
            new ProxiedConnection(http, upstream, exchange, channel, new RecordingWriter(file)).start();
        };
        undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(Handlers.path().addExactPath(PATH, new WebSocketProtocolHandshakeHandler(
                        List.of(new Hybi13Handshake(Set.of("realtime"), false)), callback)))
                .build();
        undertow.start();
        boundPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return this;
    }

    /** The URL clients connect to. */
    public URI url() {
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort + PATH);
    }

    /** How many clients have connected. */
    public int connectionCount() {
        return connections.get();
    }

    /** The recording file of the {@code n}th connection (1-based). */
    public Path fileFor(int n) {
        if (n == 1) {
            return out;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return out.resolveSibling(numbered);
    }

    @Override
    public synchronized void close() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
    }

    /** The URL without query or user info, for logs. */
    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
