package dev.realtimetck.mockserver.core;

/** How the server treats events that fail JSON Schema validation, in both directions. */
public enum ValidationMode {
    /** No schema validation; events pass through unchecked. */
    OFF,
    /** Invalid events are logged and recorded as a session problem, then processed (client) or sent (server). */
    WARN,
    /**
     * Invalid client events are answered with a protocol {@code error} event and not passed to the behaviour;
     * invalid server events are not sent and are recorded as a session problem. The default.
     */
    STRICT;

    /**
     * Parses {@code off}, {@code warn} or {@code strict}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value if it is none of these
     */
    public static ValidationMode parse(String value) {
        java.util.Objects.requireNonNull(value, "value");
        for (ValidationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("validation mode: expected off, warn or strict, was '" + value + "'");
    }
}
