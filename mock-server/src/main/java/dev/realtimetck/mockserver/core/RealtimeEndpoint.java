package dev.realtimetck.mockserver.core;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HeaderValues;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Pooled;

/**
 * {@code /v1/realtime}: checks the API key (bearer header or the browser subprotocol form), then upgrades to a
 * WebSocket, selecting the {@code realtime} subprotocol when offered, and wires the channel to a new
 * {@link MockSession}. API keys are never logged.
 */
final class RealtimeEndpoint implements HttpHandler {

    static final String KEY_SUBPROTOCOL_PREFIX = "openai-insecure-api-key.";
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeEndpoint.class);

    private final Set<String> apiKeys;
    private final HttpHandler handshake;

    /**
     * @param apiKeys accepted keys; empty accepts any non-empty key
     * @param sessions opens a session for the handshake's {@code model} and {@code call_id} (either may be null)
     */
    RealtimeEndpoint(Set<String> apiKeys, SessionOpener sessions, Supplier<SessionBehaviorFactory> behaviors) {
        this.apiKeys = Set.copyOf(apiKeys);
        WebSocketConnectionCallback callback =
                (exchange, channel) -> connect(exchange, channel, sessions, behaviors.get());
        this.handshake = new WebSocketProtocolHandshakeHandler(
                List.of(new Hybi13Handshake(Set.of("realtime"), false)), callback,
                exchange -> JsonResponses.send(exchange, 400, JsonResponses.errorBody(
                        "This endpoint speaks WebSocket only; send an Upgrade: websocket request.",
                        "invalid_request_error", null, "websocket_upgrade_required")));
    }

    /** Opens the session object for a completed handshake. */
    interface SessionOpener {
        /** Creates the session object (not yet visible to tests). */
        MockSession open(String model, String callId, Handshake handshake);

        /** Makes the session visible once it is wired to its channel. */
        void register(MockSession session);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String key = apiKey(exchange);
        if (key == null || key.isBlank()) {
            JsonResponses.send(exchange, 401, JsonResponses.errorBody(
                    "You didn't provide an API key. Send it in an 'Authorization: Bearer <key>' header, or as the "
                            + "WebSocket subprotocol 'openai-insecure-api-key.<key>'.",
                    "invalid_request_error", null, "invalid_api_key"));
            return;
        }
        if (!apiKeys.isEmpty() && !apiKeys.contains(key)) {
            JsonResponses.send(exchange, 401, JsonResponses.errorBody(
                    "Incorrect API key provided. This mock server accepts only the keys it was started with.",
                    "invalid_request_error", null, "invalid_api_key"));
            return;
        }
        handshake.handleRequest(exchange);
    }

    private static String apiKey(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        HeaderValues protocols = exchange.getRequestHeaders().get(Headers.SEC_WEB_SOCKET_PROTOCOL);
        if (protocols != null) {
            for (String header : protocols) {
                for (String protocol : header.split(",")) {
                    String p = protocol.trim();
                    if (p.startsWith(KEY_SUBPROTOCOL_PREFIX)) {
                        return p.substring(KEY_SUBPROTOCOL_PREFIX.length());
                    }
                }
            }
        }
        return null;
    }

    private static void connect(WebSocketHttpExchange exchange, WebSocketChannel channel, SessionOpener sessions,
                                SessionBehaviorFactory factory) {
        Map<String, List<String>> params = exchange.getRequestParameters();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        MockSession session = sessions.open(first(params, "model"), first(params, "call_id"),
                new Handshake(params, headers));
        SessionBehavior behavior;
        try {
            behavior = java.util.Objects.requireNonNull(factory.create(session), "behaviour");
        } catch (RuntimeException e) {
            session.reportProblem("the behaviour factory threw " + e + "; the session runs without a behaviour");
            LOG.warn("session {}: behaviour factory threw", session.id(), e);
            behavior = SessionBehaviorFactory.silent().create(session);
        }
        channel.getReceiveSetter().set(new Listener(session));
        session.attach(channel, behavior);
        sessions.register(session);
        channel.resumeReceives();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static final class Listener extends AbstractReceiveListener {
        private final MockSession session;

        Listener(MockSession session) {
            this.session = session;
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            session.onClientText(message.getData());
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            try (Pooled<ByteBuffer[]> data = message.getData()) {
                ByteBuffer merged = WebSockets.mergeBuffers(data.getResource());
                byte[] bytes = new byte[merged.remaining()];
                merged.get(bytes);
                session.onClientBinary(bytes);
            }
        }

        @Override
        protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
            try (Pooled<ByteBuffer[]> data = message.getData()) {
                CloseMessage close = new CloseMessage(data.getResource());
                boolean echo = session.onClientClose(close.getCode(), close.getReason());
                if (echo && !channel.isCloseFrameSent()) {
                    WebSockets.sendClose(close.getCode(), close.getReason(), channel, null);
                } else if (!echo) {
                    channel.close();
                }
            }
        }
    }
}
