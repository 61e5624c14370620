package dev.realtimetck.tck;

import dev.realtimetck.mockserver.core.Frame;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs every {@link TckRule} test and turns its outcome into a {@link Verdict} that knows the rule's level:
 * <ul>
 *   <li>a failure of a MUST rule (or of any rule in strict mode, {@code tck.strict=true}) fails the test with a
 *       {@link FailureMessage} (rule, expected versus actual, offending frames, last frames of the wire log);</li>
 *   <li>a failure of a SHOULD/MAY rule outside strict mode lets the test pass and records {@code NON_STRICT} with
 *       the same message;</li>
 *   <li>a test that checked the documented behaviour of an absent capability records {@code UNSUPPORTED};</li>
 *   <li>anything else records {@code PASS}.</li>
 * </ul>
 * The verdict is published as JUnit report entries ({@code tck.rule}, {@code tck.verdict}, {@code tck.message}),
 * which {@link TckReportListener} collects into {@code target/tck-report}. It also supplies the per-test
 * {@link TckHarness} parameter and closes it after the test.
 */
public final class TckExtension implements InvocationInterceptor, ParameterResolver {

    /** Configuration parameter (or system property) that turns SHOULD violations into failures. */
    public static final String STRICT = "tck.strict";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TckExtension.class);

    /** Used by JUnit. */
    public TckExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TckHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return harness(context);
    }

    private static TckHarness harness(ExtensionContext context) {
        Object instance = context.getRequiredTestInstance();
        if (!(instance instanceof TransportUnderTest subject)) {
            throw new ParameterResolutionException("TCK tests need a test class that implements "
                    + TransportUnderTest.class.getName() + " (extend RealtimeTransportTck); "
                    + instance.getClass().getName() + " does not");
        }
        TckTiming timing = TckTiming.from(context::getConfigurationParameter, System::getenv);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TckHarness.class,
                k -> new TckHarness(subject, timing), TckHarness.class);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        TckRule annotation = invocationContext.getExecutable().getAnnotation(TckRule.class);
        if (annotation == null) {
            invocation.proceed();
            return;
        }
        Rule rule = RuleCatalogue.standard().rule(annotation.value());
        boolean strict = context.getConfigurationParameter(STRICT).map(Boolean::parseBoolean).orElse(false);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("tck.rule", rule.id());
        TckHarness harness = context.getStore(NAMESPACE).get(TckHarness.class, TckHarness.class);
        if (harness == null) {
            harness = harness(context);
        }
        describeRun(harness, strict, entry);
        try {
            invocation.proceed();
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Throwable failure) {
            List<Frame> offending = failure instanceof TckViolation v ? v.offending() : List.of();
            String detail = failure instanceof TckViolation v ? v.getMessage() : describe(failure);
            String message = FailureMessage.format(rule, detail, offending, harness.wireLog());
            boolean soft = rule.level() != RuleLevel.MUST && !strict;
            entry.put("tck.verdict", (soft ? Verdict.NON_STRICT : Verdict.FAIL).name());
            entry.put("tck.message", message);
            context.publishReportEntry(entry);
            if (soft) {
                return;
            }
            AssertionError error = new AssertionError(message, failure);
            throw error;
        }
        Capability unsupported = harness.unsupportedCapability();
        if (unsupported != null) {
            entry.put("tck.verdict", Verdict.UNSUPPORTED.name());
            entry.put("tck.message", "capability '" + unsupported + "' declared absent; " + harness.unsupportedNote());
        } else {
            entry.put("tck.verdict", Verdict.PASS.name());
        }
        context.publishReportEntry(entry);
    }

    private static void describeRun(TckHarness harness, boolean strict, Map<String, String> entry) {
        entry.put("tck.implementation", harness.implementationName());
        entry.put("tck.capabilities", harness.capabilities().asMap().toString());
        entry.put("tck.timing", harness.timing().describe());
        entry.put("tck.strict", Boolean.toString(strict));
        harness.reportHeader().forEach((k, v) -> entry.put(HEADER_PREFIX + k, v));
    }

    /** Report entries with this prefix become lines of the report header (see {@link TransportUnderTest#reportHeader()}). */
    static final String HEADER_PREFIX = "tck.header.";

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof AssertionError) {
            return message == null ? failure.getClass().getName() : message;
        }
        return "the test threw " + failure.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
