package dev.realtimetck.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs TCK classes in a nested JUnit Platform run (EngineTestKit) and collects, per rule, the verdict and the
 * failure message, the way an implementer's build would see them.
 */
final class TckLauncherRun {

    /** The outcome of one rule in a nested run. */
    record Outcome(Verdict verdict, String message) {
    }

    private TckLauncherRun() {
    }

    /** Runs one class with a short signal timeout and no report files. */
    static Map<String, Outcome> run(Class<?> testClass, Map<String, String> parameters) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tck.signalTimeoutMs", "2000");
        config.put("tck.noSignalMs", "250");
        config.put(TckReportListener.REPORT_DIR, "none");
        config.putAll(parameters);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameters(config).execute();
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new TreeMap<>();
        for (Event event : results.allEvents().list()) {
            TestDescriptor descriptor = event.getTestDescriptor();
            Optional<String> rule = ruleOf(descriptor);
            if (rule.isEmpty()) {
                continue;
            }
            if (event.getType() == EventType.REPORTING_ENTRY_PUBLISHED) {
                ReportEntry entry = event.getRequiredPayload(ReportEntry.class);
                entries.computeIfAbsent(descriptor.getUniqueId().toString(), k -> new LinkedHashMap<>())
                        .putAll(entry.getKeyValuePairs());
            } else if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                Map<String, String> values = entries.getOrDefault(descriptor.getUniqueId().toString(), Map.of());
                Verdict verdict;
                String message = values.get("tck.message");
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    verdict = Verdict.FAIL;
                    message = result.getThrowable().map(Throwable::getMessage).orElse(message);
                } else {
                    verdict = Verdict.valueOf(values.getOrDefault("tck.verdict", "PASS"));
                }
                Outcome previous = outcomes.get(rule.get());
                Verdict combined = previous == null ? verdict : Verdict.worst(previous.verdict(), verdict);
                outcomes.put(rule.get(), new Outcome(combined, combined == verdict ? message
                        : previous.message()));
            }
        }
        return outcomes;
    }

    private static Optional<String> ruleOf(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod).map((Method m) -> m.getAnnotation(TckRule.class))
                .map(TckRule::value);
    }
}
