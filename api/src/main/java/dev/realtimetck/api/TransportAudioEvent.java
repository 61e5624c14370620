package dev.realtimetck.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The payload of {@code audio}. Renders TypeScript {@code TransportLayerAudio} ({@code {type:'audio', data,
 * responseId}}).
 *
 * <p>{@code data} is a read-only buffer of the decoded audio in the session's output format. It is valid only
 * while the listener runs: transports may reuse it, so copy it to keep it.
 *
 * @param data the decoded audio, read-only
 * @param responseId the response id, not null
 */
public record TransportAudioEvent(ByteBuffer data, String responseId) {
    /** Validates and makes the buffer read-only. */
    public TransportAudioEvent {
        data = Objects.requireNonNull(data, "data").asReadOnlyBuffer();
        Objects.requireNonNull(responseId, "responseId");
    }

    /** A copy of the audio bytes. */
    public byte[] copyBytes() {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
