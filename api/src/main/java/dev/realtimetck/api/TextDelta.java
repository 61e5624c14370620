package dev.realtimetck.api;

import java.util.Objects;

/**
 * The payload of {@code output_text_delta}. Renders TypeScript {@code TransportLayerOutputTextDelta}.
 *
 * @param delta the text added, not null
 * @param itemId the item id, not null
 * @param responseId the response id, not null
 */
public record TextDelta(String delta, String itemId, String responseId) {
    /** Validates. */
    public TextDelta {
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(responseId, "responseId");
    }
}
