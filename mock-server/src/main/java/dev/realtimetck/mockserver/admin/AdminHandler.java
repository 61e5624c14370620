package dev.realtimetck.mockserver.admin;

import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.core.InputAudio;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import io.undertow.websockets.core.CloseMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin HTTP API under {@code /__admin} (see the module README, section "Admin API"). It sees the server
 * only as a {@link SessionRegistry}; mount it on a path handler with the prefix {@code /__admin}.
 */
public final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SessionRegistry server;
    private final RoutingHandler routes = new RoutingHandler(false);

    /**
     * @param server the sessions to administer
     * @param extraRoutes routes added next to the built-in ones
     */
    public AdminHandler(SessionRegistry server, List<AdminRoute> extraRoutes) {
        this.server = server;
        route("GET", "/health", this::health);
        route("GET", "/sessions", r -> {
            ArrayNode list = JSON.arrayNode();
            server.sessions().forEach(s -> list.add(summary(s)));
            ObjectNode body = JSON.objectNode();
            body.set("sessions", list);
            return AdminResponse.ok(body);
        });
        route("GET", "/sessions/{id}", r -> AdminResponse.ok(detail(r.session())));
        route("GET", "/sessions/{id}/frames", r -> AdminResponse.ok(frames(r.session(), since(r))));
        route("GET", "/sessions/{id}/input-audio.wav",
                r -> new AdminResponse(200, "audio/wav", r.session().inputAudio().toWav()));
        route("POST", "/sessions/{id}/events", this::pushEvents);
        route("POST", "/sessions/{id}/close", this::close);
        route("POST", "/sessions/{id}/drop", r -> {
            MockSession session = r.session();
            session.drop();
            return AdminResponse.json(202, summary(session));
        });
        route("POST", "/reset", r -> {
            int count = server.sessions().size();
            server.reset();
            ObjectNode body = JSON.objectNode();
            body.put("reset", true);
            body.put("sessionsForgotten", count);
            return AdminResponse.ok(body);
        });
        for (AdminRoute extra : extraRoutes) {
            route(extra.method(), extra.path(), extra.action());
        }
        routes.setFallbackHandler(exchange -> send(exchange, error(404, "not_found",
                "No admin endpoint " + exchange.getRequestMethod() + " /__admin" + exchange.getRelativePath()
                        + "; see GET /__admin/health and the README's Admin API section.")));
        routes.setInvalidMethodHandler(exchange -> send(exchange, error(405, "method_not_allowed",
                "Method " + exchange.getRequestMethod() + " is not allowed on /__admin"
                        + exchange.getRelativePath() + ".")));
    }

    private void route(String method, String template, AdminAction action) {
        routes.add(method, template, exchange -> run(exchange, action));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        routes.handleRequest(exchange);
    }

    private void run(HttpServerExchange exchange, AdminAction action) {
        AdminResponse response;
        try {
            exchange.startBlocking();
            byte[] body = exchange.getInputStream().readAllBytes();
            PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (Map.Entry<String, Deque<String>> e : exchange.getQueryParameters().entrySet()) {
                query.put(e.getKey(), List.copyOf(e.getValue()));
            }
            AdminRequest request = new AdminRequest(server, exchange.getRequestMethod().toString(),
                    exchange.getRelativePath(), match == null ? Map.of() : match.getParameters(), query, body);
            response = action.handle(request);
        } catch (AdminException e) {
            response = error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            LOG.warn("admin {} {} failed", exchange.getRequestMethod(), exchange.getRelativePath(), e);
            response = error(500, "internal_error", "The admin action failed: " + e);
        }
        send(exchange, response);
    }

    private static void send(HttpServerExchange exchange, AdminResponse response) {
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }

    private static AdminResponse error(int status, String code, String message) {
        ObjectNode error = JSON.objectNode();
        error.put("message", message);
        error.put("type", "invalid_request_error");
        error.put("code", code);
        ObjectNode body = JSON.objectNode();
        body.set("error", error);
        return AdminResponse.json(status, body);
    }

    private AdminResponse health(AdminRequest request) {
        ObjectNode body = JSON.objectNode();
        body.put("status", "ok");
        body.put("realtimeUrl", server.realtimeUrl().toString());
        body.put("validation", server.validationMode().name().toLowerCase(Locale.ROOT));
        body.put("sessions", server.sessions().size());
        body.put("openSessions", server.sessions().stream().filter(MockSession::isOpen).count());
        return AdminResponse.ok(body);
    }

    private AdminResponse pushEvents(AdminRequest request) {
        MockSession session = request.session();
        JsonNode json = request.json();
        List<ObjectNode> events = new ArrayList<>();
        if (json != null && json.isObject()) {
            events.add((ObjectNode) json);
        } else if (json != null && json.isArray()) {
            for (JsonNode element : json) {
                if (!element.isObject()) {
                    throw new AdminException(400, "invalid_body",
                            "Every element of the event array must be a JSON object.");
                }
                events.add((ObjectNode) element);
            }
        } else {
            throw new AdminException(400, "invalid_body",
                    "The body must be one server event (a JSON object) or an array of them.");
        }
        for (int i = 0; i < events.size(); i++) {
            List<String> violations = session.checkServerEvent(events.get(i));
            if (!violations.isEmpty()) {
                throw new AdminException(400, "invalid_event", "Event " + i + " ("
                        + events.get(i).path("type").asString("<no type>") + ") violates the schema, nothing was "
                        + "sent: " + String.join("; ", violations));
            }
        }
        if (!session.isOpen()) {
            throw new AdminException(409, "session_closed", "Session " + session.id() + " is "
                    + session.state().name().toLowerCase(Locale.ROOT) + "; nothing was sent.");
        }
        events.forEach(session::send);
        ObjectNode body = JSON.objectNode();
        body.put("sent", events.size());
        return AdminResponse.json(202, body);
    }

    private AdminResponse close(AdminRequest request) {
        MockSession session = request.session();
        ObjectNode body = request.jsonObject();
        JsonNode code = body.path("code");
        int closeCode = 1000;
        if (!code.isMissingNode() && !code.isNull()) {
            if (!code.isInt() || !CloseMessage.isValid(code.asInt())) {
                throw new AdminException(400, "invalid_close_code", "'code' must be a valid WebSocket close code "
                        + "(1000-1003, 1007-1014 or 3000-4999), was " + code + ".");
            }
            closeCode = code.asInt();
        }
        JsonNode reason = body.path("reason");
        if (!reason.isMissingNode() && !reason.isNull() && !reason.isString()) {
            throw new AdminException(400, "invalid_close_reason", "'reason' must be a string.");
        }
        String why = reason.isString() ? reason.asString() : "";
        if (why.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new AdminException(400, "invalid_close_reason", "'reason' must be at most 123 bytes in UTF-8.");
        }
        session.close(closeCode, why);
        return AdminResponse.json(202, summary(session));
    }

    /** The summary of a session that {@code GET /__admin/sessions} lists. */
    static ObjectNode summary(MockSession session) {
        ObjectNode json = JSON.objectNode();
        json.put("id", session.id());
        json.put("model", session.model().orElse(null));
        json.put("callId", session.callId().orElse(null));
        json.put("state", session.state().name().toLowerCase(Locale.ROOT));
        json.put("startedAt", session.startedAt().toString());
        json.put("framesIn", session.clientFrameCount());
        json.put("framesOut", session.serverFrameCount());
        json.put("problems", session.problems().size());
        return json;
    }

    private static ObjectNode detail(MockSession session) {
        ObjectNode json = summary(session);
        ArrayNode problems = JSON.arrayNode();
        session.problems().forEach(problems::add);
        json.set("problemList", problems);
        ArrayNode types = JSON.arrayNode();
        session.clientEvents().forEach(e -> types.add(e.path("type").asString("<no type>")));
        json.set("clientEventTypes", types);
        json.put("framesDropped", session.framesDropped());
        InputAudio audio = session.inputAudio();
        ObjectNode audioJson = JSON.objectNode();
        audioJson.put("bytes", audio.bytes().length);
        audioJson.put("format", audio.format().wireType());
        audioJson.put("sampleRate", audio.format().sampleRate());
        audioJson.put("durationMs", Math.round(audio.durationMillis()));
        json.set("inputAudio", audioJson);
        return json;
    }

    private static long since(AdminRequest request) {
        List<String> values = request.query().get("since");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
            throw new AdminException(400, "invalid_since", "'since' must be a frame sequence number, was '"
                    + values.get(0) + "'.");
        }
    }

    private static ObjectNode frames(MockSession session, long since) {
        ArrayNode list = JSON.arrayNode();
        for (Frame frame : session.frames()) {
            if (frame.seq() <= since) {
                continue;
            }
            ObjectNode f = JSON.objectNode();
            f.put("seq", frame.seq());
            f.put("direction", frame.direction().name().toLowerCase(Locale.ROOT));
            f.put("kind", frame.kind().name().toLowerCase(Locale.ROOT));
            f.put("offsetMs", frame.offset().toNanos() / 1_000_000.0);
            switch (frame.kind()) {
                case TEXT -> f.put("text", frame.text());
                case BINARY -> f.put("base64", frame.base64());
                case CLOSE -> {
                    f.put("code", frame.closeCode());
                    f.put("reason", frame.closeReason());
                }
                case DROP -> {
                }
            }
            list.add(f);
        }
        ObjectNode json = JSON.objectNode();
        json.put("sessionId", session.id());
        json.put("dropped", session.framesDropped());
        json.set("frames", list);
        return json;
    }
}
