package dev.realtimetck.tck;

/** The outcome of one rule (or one test) in the TCK report. */
public enum Verdict {
    /** The rule is met. */
    PASS,
    /** A MUST rule is violated (or any rule, in strict mode). The JUnit test fails. */
    FAIL,
    /** A SHOULD or MAY rule is violated and strict mode is off. The JUnit test passes; the report says why. */
    NON_STRICT,
    /**
     * The transport declares the capability the rule needs as absent, and the documented behaviour of a
     * transport without it (for example {@code UnsupportedOperationException}) was asserted and met.
     */
    UNSUPPORTED,
    /** No test of the rule ran (a group was run alone, or a test was filtered out). Only rules get it. */
    NOT_RUN;

    /** Combines the verdicts of several tests of one rule: the worst one wins. */
    static Verdict worst(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case NOT_RUN -> 0;
            case PASS -> 1;
            case UNSUPPORTED -> 2;
            case NON_STRICT -> 3;
            case FAIL -> 4;
        };
    }
}
