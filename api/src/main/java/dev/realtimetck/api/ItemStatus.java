package dev.realtimetck.api;

/** The status of an item. Renders TypeScript {@code 'in_progress' | 'completed' | 'incomplete'}. */
public enum ItemStatus {
    /** {@code in_progress}. */
    IN_PROGRESS("in_progress"),
    /** {@code completed}. */
    COMPLETED("completed"),
    /** {@code incomplete}. */
    INCOMPLETE("incomplete");

    private final String wireValue;

    ItemStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The wire string. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire string.
     *
     * @throws IllegalArgumentException naming {@code status} if unknown
     */
    public static ItemStatus fromWire(String status) {
        for (ItemStatus s : values()) {
            if (s.wireValue.equals(status)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status: unknown status '" + status + "'");
    }
}
