package dev.realtimetck.tck;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule of the TCK catalogue ({@code rules.json}).
 *
 * @param id stable id {@code RT-<GROUP>-NNN}; never renumbered
 * @param level how binding the rule is
 * @param group the rule group, which is also the test interface that holds its tests (for example
 *     {@code CONN} and {@code ConnectionRules})
 * @param sentence the rule, one sentence
 * @param source the section of the behaviour rules it derives from (for example {@code C3} or {@code X1})
 * @param capability the capability the rule needs, or null when every transport
 *     must meet it
 */
public record Rule(String id, RuleLevel level, String group, String sentence, String source, Capability capability) {

    private static final Pattern ID = Pattern.compile("RT-[A-Z]+-\\d{3}");

    /** Validates the fields. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(source, "source");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: expected RT-<GROUP>-NNN, was " + id);
        }
        if (!id.startsWith("RT-" + group + "-")) {
            throw new IllegalArgumentException("group: rule " + id + " is not in group " + group);
        }
        if (sentence.isBlank()) {
            throw new IllegalArgumentException("sentence: must not be blank (rule " + id + ")");
        }
    }

    /** The capability the rule needs, if any. */
    public Optional<Capability> requiredCapability() {
        return Optional.ofNullable(capability);
    }

    /** {@code RT-CONN-003 MUST}: how failure messages and the report name the rule. */
    public String label() {
        return id + " " + level;
    }
}
