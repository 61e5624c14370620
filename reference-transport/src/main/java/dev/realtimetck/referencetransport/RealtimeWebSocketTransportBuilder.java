package dev.realtimetck.referencetransport;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds {@link RealtimeWebSocketTransport}; get one from {@link RealtimeWebSocketTransport#builder()}. Every setter
 * checks its argument and names it in the exception.
 */
public final class RealtimeWebSocketTransportBuilder {

    private String model = RealtimeWebSocketTransport.DEFAULT_MODEL;
    private URI baseUrl = RealtimeWebSocketTransport.DEFAULT_BASE_URL;
    private URI url;
    private ApiKey apiKey;
    private Duration connectTimeout = RealtimeWebSocketTransport.DEFAULT_CONNECT_TIMEOUT;
    private Duration pingInterval = RealtimeWebSocketTransport.DEFAULT_PING_INTERVAL;
    private Duration responseCreateTimeout = ProtocolOptions.DEFAULT_RESPONSE_CREATE_TIMEOUT;
    private HttpClient httpClient;
    private LongSupplier nanoClock = System::nanoTime;

    RealtimeWebSocketTransportBuilder() {
    }

    /**
     * The model used when connect options name none (default {@link RealtimeWebSocketTransport#DEFAULT_MODEL}).
     *
     * @param model the model, not empty
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder model(String model) {
        if (Objects.requireNonNull(model, "model").isEmpty()) {
            throw new IllegalArgumentException("model: must not be empty");
        }
        this.model = model;
        return this;
    }

    /**
     * The endpoint the default URLs are built on (default {@link RealtimeWebSocketTransport#DEFAULT_BASE_URL}):
     * {@code ?model=} or {@code ?call_id=} is appended, URL-encoded.
     *
     * @param baseUrl a {@code ws} or {@code wss} URI
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder baseUrl(URI baseUrl) {
        this.baseUrl = requireWebSocketUri(baseUrl, "baseUrl");
        return this;
    }

    /**
     * A fixed URL used as is when connect options give neither a URL nor a call id (default none).
     *
     * @param url a {@code ws} or {@code wss} URI
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder url(URI url) {
        this.url = requireWebSocketUri(url, "url");
        return this;
    }

    /**
     * The API key used when connect options give none.
     *
     * @param apiKey the key
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder apiKey(String apiKey) {
        this.apiKey = ApiKey.of(apiKey);
        return this;
    }

    /**
     * The API key (a value or an asynchronous supplier called once per connect).
     *
     * @param apiKey the key
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder apiKey(ApiKey apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    /**
     * The bound on the opening handshake (default {@link RealtimeWebSocketTransport#DEFAULT_CONNECT_TIMEOUT}).
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * How often to ping the server while connected (default {@link RealtimeWebSocketTransport#DEFAULT_PING_INTERVAL});
     * a failed ping ends the connection as a socket error. {@link Duration#ZERO} turns pings off.
     *
     * @param pingInterval zero or a positive duration
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder pingInterval(Duration pingInterval) {
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval: must not be negative, was " + pingInterval);
        }
        this.pingInterval = pingInterval;
        return this;
    }

    /**
     * How long an outstanding {@code response.create} waits for {@code response.created} or its {@code error} before
     * the next queued one may go (default 15 s).
     *
     * @param responseCreateTimeout a positive duration
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder responseCreateTimeout(Duration responseCreateTimeout) {
        this.responseCreateTimeout = requirePositive(responseCreateTimeout, "responseCreateTimeout");
        return this;
    }

    /**
     * The HTTP client that opens the sockets (default {@link HttpClient#newHttpClient()}); its executor runs the
     * socket callbacks.
     *
     * @param httpClient the client
     * @return this builder
     */
    public RealtimeWebSocketTransportBuilder httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /**
     * For tests: the monotonic clock in nanoseconds used for the elapsed audio of {@code interrupt} and the
     * create timeout (default {@link System#nanoTime()}).
     */
    RealtimeWebSocketTransportBuilder nanoClock(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        return this;
    }

    /**
     * Builds the transport (disconnected).
     *
     * @return a new transport
     */
    public RealtimeWebSocketTransport build() {
        return new RealtimeWebSocketTransport(new TransportSettings(
                httpClient != null ? httpClient : HttpClient.newHttpClient(), apiKey, model, baseUrl, url,
                connectTimeout, pingInterval,
                ProtocolOptions.defaults().withResponseCreateTimeout(responseCreateTimeout).withNanoClock(nanoClock)));
    }

    private static URI requireWebSocketUri(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException(name + ": scheme must be ws or wss, was " + uri);
        }
        return uri;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
        return value;
    }
}
