package dev.realtimetck.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of {@code turn_done}. Renders TypeScript {@code TransportLayerResponseCompleted}
 * ({@code {type:'response_done', response:{id, output, usage}}}).
 *
 * @param response the finished response
 */
public record TurnDone(Response response) {
    /** Validates. */
    public TurnDone {
        Objects.requireNonNull(response, "response");
    }

    /**
     * A finished response.
     *
     * @param id the response id ({@code ""} when the server sent none)
     * @param output the raw output items as the server sent them (snake_case keys)
     * @param usage token usage (Java renders it with the same {@link Usage} type as {@code usage_update}; the
     *     TypeScript payload uses plain objects for the details)
     */
    public record Response(String id, List<Map<String, Object>> output, Usage usage) {
        /** Validates and copies. */
        public Response {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(usage, "usage");
            java.util.ArrayList<Map<String, Object>> copy = new java.util.ArrayList<>();
            List<Map<String, Object>> items = Objects.requireNonNull(output, "output");
            for (int i = 0; i < items.size(); i++) {
                copy.add(JsonValues.requiredCopy(items.get(i), "output[" + i + "]"));
            }
            output = java.util.Collections.unmodifiableList(copy);
        }
    }
}
