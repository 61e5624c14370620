package dev.realtimetck.tck;

import dev.realtimetck.mockserver.core.Frame;
import java.util.List;
import java.util.Objects;

/**
 * An assertion failure of a TCK check that knows what it expected, what it saw and which wire frames show it.
 * {@link TckExtension} turns it into the full failure message ({@link FailureMessage}).
 */
public final class TckViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;
    private final transient List<Frame> offending;

    /**
     * @param expected what the rule requires, in words
     * @param actual what happened
     * @param offending the frames that show the departure (may be empty)
     */
    public TckViolation(String expected, String actual, List<Frame> offending) {
        super("Expected: " + expected + "\nActual:   " + actual);
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
        this.offending = List.copyOf(Objects.requireNonNull(offending, "offending"));
    }

    /** What the rule requires. */
    public String expected() {
        return expected;
    }

    /** What happened. */
    public String actual() {
        return actual;
    }

    /** The frames that show the departure. */
    public List<Frame> offending() {
        return offending;
    }
}
