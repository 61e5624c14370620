package dev.realtimetck.mockserver.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a scenario, or replays a recording, in the sessions of the mock server that the JUnit extension provides
 * for the annotated test class or method (a method's annotation wins). The value is a class path resource or a
 * file path; a name ending in {@code .jsonl} is a recording, anything else a scenario file.
 * {@code dev.realtimetck.mockserver.replay.MockScenarios} turns it into a behaviour factory.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MockScenario {

    /** The scenario (YAML/JSON) or recording ({@code .jsonl}): class path resource, else file path. */
    String value();

    /** Close the session with 1008 on the first unexpected client event. */
    boolean strict() default false;

    /** For recordings: the factor applied to recorded gaps; 0 (the default in tests) sends without gaps. */
    double replaySpeed() default 0;

    /** For recordings: replace recorded ids with fresh ones, coherently per session. */
    boolean freshIds() default false;
}
