package dev.realtimetck.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a TCK test and names the catalogue rule it checks. It is a JUnit {@link Test} tagged {@code tck}; the
 * display name starts with the rule id (see {@link TckDisplayNames}) and {@link TckExtension} turns the outcome
 * into a {@link Verdict} according to the rule's level.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("tck")
public @interface TckRule {

    /** The rule id, for example {@code RT-CONN-003}; it must exist in {@code rules.json}. */
    String value();
}
