package dev.realtimetck.api;

/** The role of a message item. Renders TypeScript {@code RealtimeMessageItem['role']}. */
public enum Role {
    /** {@code system}. */
    SYSTEM("system"),
    /** {@code user}. */
    USER("user"),
    /** {@code assistant}. */
    ASSISTANT("assistant");

    private final String wireValue;

    Role(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The wire string. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire string.
     *
     * @throws IllegalArgumentException naming {@code role} if unknown
     */
    public static Role fromWire(String role) {
        for (Role r : values()) {
            if (r.wireValue.equals(role)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role: unknown role '" + role + "'");
    }
}
