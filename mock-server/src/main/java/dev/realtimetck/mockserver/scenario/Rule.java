package dev.realtimetck.mockserver.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A reactive rule: whenever a client event satisfies {@code when}, run {@code then} (at most {@code times}
 * times per session; 0 means unlimited).
 */
public record Rule(EventMatcher when, List<Step> then, int times) {
    public Rule {
        Objects.requireNonNull(when, "when");
        then = List.copyOf(Objects.requireNonNull(then, "then"));
        if (times < 0) {
            throw new IllegalArgumentException("times: must be >= 0, was " + times);
        }
        for (Step step : then) {
            if (step instanceof Step.Expect) {
                throw new IllegalArgumentException("then: a rule cannot contain expect steps");
            }
        }
    }
}
