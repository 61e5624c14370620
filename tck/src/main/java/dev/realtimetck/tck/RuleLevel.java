package dev.realtimetck.tck;

/** How binding a catalogue rule is. */
public enum RuleLevel {
    /** Every conforming transport meets it; a violation is a {@link Verdict#FAIL}. */
    MUST,
    /**
     * Expected of a transport, but a transport may document a departure; a violation is
     * {@link Verdict#NON_STRICT} (a pass) unless strict mode ({@code -Dtck.strict=true}) is on.
     */
    SHOULD,
    /** Optional behaviour; a violation is reported like a SHOULD. */
    MAY
}
