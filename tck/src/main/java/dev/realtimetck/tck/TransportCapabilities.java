package dev.realtimetck.tck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the transport under test declares it supports. Rules that need a {@link Capability} name it in the catalogue;
 * when the transport declares the capability absent, the TCK asserts the documented behaviour of its absence (for
 * example that {@code mute} throws {@link UnsupportedOperationException}) and reports the rule as
 * {@link Verdict#UNSUPPORTED}, never as a silent pass.
 *
 * @param muting {@code mute(boolean)} works and {@code muted()} reports it; absent means {@code mute} throws
 *     {@code UnsupportedOperationException} and {@code muted()} is {@code NOT_HANDLED} (the WebSocket default)
 * @param responseSequencing the transport holds {@code response.create} back while one is outstanding or a
 *     response is active (the "sequenced" profile); absent means every request is written at once
 * @param wallClockTruncation {@code interrupt()} computes {@code audio_end_ms} from the wall-clock time since the
 *     first audio delta; absent means a playback-based value, of which only the bounds are checked
 * @param connectTimeout the transport bounds a handshake that never completes by its own timeout; absent means
 *     the TCK closes the transport after its signal wait and checks it ends disconnected
 */
public record TransportCapabilities(boolean muting, boolean responseSequencing, boolean wallClockTruncation,
                                    boolean connectTimeout) {

    /**
     * The profile of a WebSocket transport like the reference one: no muting, sequencing, wall-clock
     * truncation, a connect timeout.
     *
     * @return the profile
     */
    public static TransportCapabilities webSocketDefaults() {
        return new TransportCapabilities(false, true, true, true);
    }

    /**
     * Whether the capability is declared present.
     *
     * @param capability the capability
     * @return true when present
     */
    public boolean has(Capability capability) {
        return switch (Objects.requireNonNull(capability, "capability")) {
            case MUTING -> muting;
            case RESPONSE_SEQUENCING -> responseSequencing;
            case WALL_CLOCK_TRUNCATION -> wallClockTruncation;
            case CONNECT_TIMEOUT -> connectTimeout;
        };
    }

    /**
     * A copy with one capability changed.
     *
     * @param capability the capability
     * @param present whether it is present
     * @return the copy
     */
    public TransportCapabilities with(Capability capability, boolean present) {
        Objects.requireNonNull(capability, "capability");
        return new TransportCapabilities(
                capability == Capability.MUTING ? present : muting,
                capability == Capability.RESPONSE_SEQUENCING ? present : responseSequencing,
                capability == Capability.WALL_CLOCK_TRUNCATION ? present : wallClockTruncation,
                capability == Capability.CONNECT_TIMEOUT ? present : connectTimeout);
    }

    /**
     * Catalogue name to flag, in the order of {@link Capability} (for the report).
     *
     * @return the map
     */
    public Map<String, Boolean> asMap() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            out.put(capability.catalogueName(), has(capability));
        }
        return out;
    }
}
