package dev.realtimetck.tck;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A capability a transport may declare absent ({@link TransportCapabilities}). Each has a catalogue name: the one
 * {@code rules.json}, SPEC.md, failure messages and the report use.
 */
public enum Capability {

    /** {@code mute(boolean)} works and {@code muted()} reports it. */
    MUTING("muting"),
    /** {@code response.create} is held back while one is outstanding or a response is active (section D). */
    RESPONSE_SEQUENCING("responseSequencing"),
    /** {@code audio_end_ms} of a truncate is the wall-clock time since the first audio delta. */
    WALL_CLOCK_TRUNCATION("wallClockTruncation"),
    /** A handshake that never completes is ended by the transport's own timeout. */
    CONNECT_TIMEOUT("connectTimeout");

    private final String catalogueName;

    Capability(String catalogueName) {
        this.catalogueName = catalogueName;
    }

    /**
     * The name in the catalogue and the report, for example {@code responseSequencing}.
     *
     * @return the catalogue name
     */
    public String catalogueName() {
        return catalogueName;
    }

    /**
     * The capability with this catalogue name.
     *
     * @param catalogueName for example {@code muting}
     * @return the capability
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Capability named(String catalogueName) {
        for (Capability c : values()) {
            if (c.catalogueName.equals(catalogueName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + catalogueName + "'; known: "
                + Arrays.stream(values()).map(Capability::catalogueName).collect(Collectors.joining(", ")));
    }

    /** The catalogue name. */
    @Override
    public String toString() {
        return catalogueName;
    }
}
