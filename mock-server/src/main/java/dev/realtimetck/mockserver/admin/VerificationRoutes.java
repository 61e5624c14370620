package dev.realtimetck.mockserver.admin;

import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.core.MockSession;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verification endpoints of the admin API (the HTTP side of {@code MockSession#verifyClientEvents}):
 * <ul>
 *   <li>{@code GET /__admin/sessions/{id}/events[?type=T][&direction=client|server][&field=/pointer=value...]}:
 *       the session's events (from its frame log) that match, oldest first, with their count;</li>
 *   <li>{@code GET /__admin/problems}: every session that recorded problems, with the problems, and the total.</li>
 * </ul>
 * A {@code field} filter compares the value at the JSON Pointer: a JSON string by its text, anything else by
 * its JSON text ({@code field=/response/max_output_tokens=100}, {@code field=/item/role=user}).
 */
public final class VerificationRoutes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private VerificationRoutes() {
    }

    /** The routes, for {@code MockRealtimeServer} to mount. */
    public static List<AdminRoute> routes() {
        return List.of(
                new AdminRoute("GET", "/sessions/{id}/events", VerificationRoutes::events),
                new AdminRoute("GET", "/problems", VerificationRoutes::problems));
    }

    private record Filter(String type, Frame.Direction direction, List<String[]> fields) {
        boolean matches(Frame frame, JsonNode event) {
            if (direction != null && frame.direction() != direction) {
                return false;
            }
            if (type != null && !type.equals(event.path("type").asString(null))) {
                return false;
            }
            for (String[] field : fields) {
                JsonNode value = event.at(field[0]);
                if (value.isMissingNode() || !(value.isString() ? value.asString() : value.toString()).equals(field[1])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static AdminResponse events(AdminRequest request) {
        MockSession session = request.session();
        Filter filter = filter(request);
        ArrayNode events = JSON.arrayNode();
        for (Frame frame : session.frames()) {
            if (frame.kind() != Frame.Kind.TEXT) {
                continue;
            }
            JsonNode event;
            try {
                event = MAPPER.readTree(frame.text());
            } catch (JacksonException e) {
                continue;
            }
            if (event instanceof ObjectNode && filter.matches(frame, event)) {
                ObjectNode entry = events.addObject();
                entry.put("seq", frame.seq());
                entry.put("direction", frame.direction().name().toLowerCase(Locale.ROOT));
                entry.put("offsetMs", frame.offset().toMillis());
                entry.set("event", event);
            }
        }
        ObjectNode body = JSON.objectNode();
        body.put("sessionId", session.id());
        body.put("count", events.size());
        body.put("framesDropped", session.framesDropped());
        body.set("events", events);
        return AdminResponse.ok(body);
    }

    private static Filter filter(AdminRequest request) {
        String type = first(request, "type");
        String dir = first(request, "direction");
        Frame.Direction direction = null;
        if (dir != null) {
            try {
                direction = Frame.Direction.valueOf(dir.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AdminException(400, "invalid_parameter",
                        "direction: must be client or server, was '" + dir + "'");
            }
        }
        List<String> raw = request.query().getOrDefault("field", List.of());
        List<String[]> fields = raw.stream().map(f -> {
            int eq = f.indexOf('=');
            if (!f.startsWith("/") || eq < 0) {
                throw new AdminException(400, "invalid_parameter",
                        "field: must be /json/pointer=value, was '" + f + "'");
            }
            return new String[] {f.substring(0, eq), f.substring(eq + 1)};
        }).toList();
        return new Filter(type, direction, fields);
    }

    private static String first(AdminRequest request, String name) {
        List<String> values = request.query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static AdminResponse problems(AdminRequest request) {
        ArrayNode sessions = JSON.arrayNode();
        int total = 0;
        for (MockSession session : request.registry().sessions()) {
            List<String> problems = session.problems();
            if (problems.isEmpty()) {
                continue;
            }
            total += problems.size();
            ObjectNode entry = sessions.addObject();
            entry.put("id", session.id());
            entry.put("state", session.state().name());
            ArrayNode list = entry.putArray("problems");
            problems.forEach(list::add);
        }
        ObjectNode body = JSON.objectNode();
        body.put("count", total);
        body.set("sessions", sessions);
        return AdminResponse.ok(body);
    }
}
