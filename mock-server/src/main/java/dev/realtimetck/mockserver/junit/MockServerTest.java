package dev.realtimetck.mockserver.junit;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.ValidationMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link MockRealtimeServer} for a test class and injects it into test and
 * lifecycle method parameters of that type.
 *
 * <pre>{@code
 * @MockServerTest
 * class MyTransportTest {
 *     @Test
 *     void connects(MockRealtimeServer server) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MockRealtimeServerExtension.class)
public @interface MockServerTest {

    /** One fresh server per test method instead of one per test class. */
    boolean perTest() default false;

    /** The validation mode of the server. */
    ValidationMode validation() default ValidationMode.STRICT;

    /** The accepted API keys; empty accepts any non-empty key. */
    String[] apiKeys() default {};

    /**
     * Fail each test, at its end, when a session it opened recorded problems (unexpected or out-of-order client
     * events, schema violations, scenario mismatches, behaviour failures); the failure message holds every
     * report. {@code false} opts out (then check {@code MockSession#problems()} yourself).
     */
    boolean failOnProblems() default true;

    /**
     * Named scenarios for this class's server: class path resources or files (scenarios, or {@code .jsonl}
     * recordings replayed without gaps), each named after its file without the extension. A test selects one by
     * connecting to {@code server.realtimeUrl("NAME")} ({@code ?scenario=NAME}); sessions that name none get the
     * simulator (or the class's {@code @MockScenario}).
     */
    String[] scenarios() default {};
}
