package dev.realtimetck.mockserver.admin;

import dev.realtimetck.mockserver.core.JsonResponses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Lets an admin request through only when it carries {@code Authorization: Bearer <token>}; anything else gets
 * 401 with a JSON error and {@code WWW-Authenticate: Bearer}. The comparison takes the same time wherever the
 * tokens differ, and the token is never echoed or logged.
 */
public final class AdminTokenFilter implements HttpHandler {

    /** The environment variable the command line reads the token from when {@code --admin-token} is absent. */
    public static final String ENVIRONMENT_VARIABLE = "REALTIME_MOCK_ADMIN_TOKEN";

    private static final String BEARER = "Bearer ";

    private final byte[] expected;
    private final HttpHandler next;

    /**
     * @param token the token requests must carry; not blank
     * @param next the admin API
     */
    public AdminTokenFilter(String token, HttpHandler next) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(expected,
                        header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"realtime-mock-admin\"");
        JsonResponses.send(exchange, 401, JsonResponses.errorBody(header == null
                        ? "The admin API needs 'Authorization: Bearer <admin token>' (the --admin-token the server "
                        + "was started with)."
                        : "The admin token is not valid.",
                "invalid_request_error", null, header == null ? "missing_admin_token" : "invalid_admin_token"));
    }
}
