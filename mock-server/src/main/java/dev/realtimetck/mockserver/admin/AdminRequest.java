package dev.realtimetck.mockserver.admin;

import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One admin HTTP request as an {@link AdminAction} sees it.
 *
 * @param registry the sessions of the server the admin API belongs to
 * @param method the HTTP method, upper case
 * @param path the path below {@code /__admin}, for example {@code /sessions/sess_1}
 * @param pathParameters the values of the route template's {@code {name}} parts
 * @param query the query parameters
 * @param body the request body (empty when none)
 */
public record AdminRequest(SessionRegistry registry, String method, String path, Map<String, String> pathParameters,
                           Map<String, List<String>> query, byte[] body) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Validates and copies. */
    public AdminRequest {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body parsed as JSON, or {@code null} when the body is empty.
     *
     * @throws AdminException 400 {@code invalid_json} if it is not JSON
     */
    public JsonNode json() {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new AdminException(400, "invalid_json", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * The body as a JSON object; an empty body gives an empty object.
     *
     * @throws AdminException 400 if it is not a JSON object
     */
    public ObjectNode jsonObject() {
        JsonNode json = json();
        if (json == null) {
            return MAPPER.createObjectNode();
        }
        if (!json.isObject()) {
            throw new AdminException(400, "invalid_body", "The request body must be a JSON object.");
        }
        return (ObjectNode) json;
    }

    /**
     * The session named by the {@code {id}} path parameter.
     *
     * @throws AdminException 404 {@code session_not_found} if there is none
     */
    public MockSession session() {
        String id = pathParameters.get("id");
        return registry.session(id).orElseThrow(() -> new AdminException(404, "session_not_found",
                "No session with id '" + id + "'."));
    }
}
