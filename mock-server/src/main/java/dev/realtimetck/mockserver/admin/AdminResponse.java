package dev.realtimetck.mockserver.admin;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What an admin action answers.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body bytes (copied)
 */
public record AdminResponse(int status, String contentType, byte[] body) {

    /** Validates and copies. */
    public AdminResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** A JSON response. */
    public static AdminResponse json(int status, JsonNode json) {
        Objects.requireNonNull(json, "json");
        return new AdminResponse(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 JSON response. */
    public static AdminResponse ok(JsonNode json) {
        return json(200, json);
    }
}
