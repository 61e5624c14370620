package dev.realtimetck.referencetransport;

import dev.realtimetck.api.RealtimeTransportConnectOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Which URL a connect opens and what its upgrade request carries (C5, C6): the URL precedence, the remembered URL of
 * the last successful connect that named one, and the headers. The key is never logged.
 */
final class Endpoint {

    private final URI baseUrl;
    private final URI fixedUrl;
    private URI rememberedUrl; // guarded by the transport lock

    Endpoint(URI baseUrl, URI fixedUrl) {
        this.baseUrl = baseUrl;
        this.fixedUrl = fixedUrl;
    }

    /**
     * The URL of a connect: {@code options.url()}, else {@code <baseUrl>?call_id=<callId>}, else the remembered URL,
     * else the fixed URL, else {@code <baseUrl>?model=<model>}. Called under the transport lock.
     */
    URI resolveUrl(RealtimeTransportConnectOptions options, String model) {
        if (options.url() != null) {
            return options.url();
        }
        if (options.callId() != null) {
            return withQuery(baseUrl, "call_id", options.callId());
        }
        if (rememberedUrl != null) {
            return rememberedUrl;
        }
        if (fixedUrl != null) {
            return fixedUrl;
        }
        return withQuery(baseUrl, "model", model);
    }

    /** A connect that passed {@code options.url()} succeeded: later connects that name none use it. Under the lock. */
    void remember(URI url) {
        rememberedUrl = url;
    }

    /** Starts the opening handshake with the bearer key and the SDK identification headers. */
    static CompletableFuture<WebSocket> open(HttpClient client, String key, URI url, Duration connectTimeout,
            WebSocket.Listener listener) {
        return client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + key)
                .header("User-Agent", "realtime-tck-java/" + RealtimeWebSocketTransport.VERSION)
                .header("X-OpenAI-Agents-SDK", "realtime-tck-java." + RealtimeWebSocketTransport.VERSION)
                .connectTimeout(connectTimeout)
                .buildAsync(url, listener);
    }

    /** {@code base} with {@code name=value} appended, the value URL-encoded (spaces as {@code %20}). */
    static URI withQuery(URI base, String name, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + (base.getRawQuery() == null ? "?" : "&") + name + "=" + encoded);
    }

    /** The implementation version of the jar, or {@code 0.1.0} when run from classes. */
    static String version() {
        String version = Endpoint.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0";
    }
}
