package dev.realtimetck.api;

import java.util.Objects;

/**
 * The payload of {@code audio_transcript_delta}. Renders TypeScript {@code TransportLayerTranscriptDelta}.
 *
 * @param delta the transcript text added, not null
 * @param itemId the item id, not null
 * @param responseId the response id, not null
 */
public record TranscriptDelta(String delta, String itemId, String responseId) {
    /** Validates. */
    public TranscriptDelta {
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(responseId, "responseId");
    }
}
