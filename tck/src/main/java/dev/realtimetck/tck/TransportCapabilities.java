package dev.realtimetck.tck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the transport under test declares it supports. Rules that need a capability name it in the catalogue;
 * when the transport declares the capability absent, the TCK asserts the documented behaviour of its absence
 * (for example that {@code mute} throws {@link UnsupportedOperationException}) and reports the rule as
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

    /** The capability names used in the catalogue. */
    public static final Set<String> NAMES = Set.of("muting", "responseSequencing", "wallClockTruncation",
            "connectTimeout");

    /**
     * The profile of a WebSocket transport like the reference one: no muting, sequencing, wall-clock
     * truncation, a connect timeout.
     */
    public static TransportCapabilities webSocketDefaults() {
        return new TransportCapabilities(false, true, true, true);
    }

    /** Whether the named capability is declared present. */
    public boolean has(String name) {
        return switch (name) {
            case "muting" -> muting;
            case "responseSequencing" -> responseSequencing;
            case "wallClockTruncation" -> wallClockTruncation;
            case "connectTimeout" -> connectTimeout;
            default -> throw new IllegalArgumentException("name: unknown capability '" + name + "'; known: " + NAMES);
        };
    }

    /** A copy with one capability changed. */
    public TransportCapabilities with(String name, boolean present) {
        has(name);
        return new TransportCapabilities(
                name.equals("muting") ? present : muting,
                name.equals("responseSequencing") ? present : responseSequencing,
                name.equals("wallClockTruncation") ? present : wallClockTruncation,
                name.equals("connectTimeout") ? present : connectTimeout);
    }

    /** Name to flag, in a stable order (for the report). */
    public Map<String, Boolean> asMap() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        out.put("muting", muting);
        out.put("responseSequencing", responseSequencing);
        out.put("wallClockTruncation", wallClockTruncation);
        out.put("connectTimeout", connectTimeout);
        return out;
    }
}
