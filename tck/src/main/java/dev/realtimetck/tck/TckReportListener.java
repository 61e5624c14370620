package dev.realtimetck.tck;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the verdict of every {@link TckRule} test of a JUnit Platform run and writes
 * {@code target/tck-report/report.json} and {@code report.md} when the run ends (even when tests crashed),
 * then prints the summary line. Registered through {@code META-INF/services}, so Maven Surefire, Gradle and IDEs
 * pick it up; runs without TCK tests write nothing.
 *
 * <p>Configuration parameter (or system property) {@code tck.reportDir}: where to write, default
 * {@code target/tck-report}; {@code none} turns the report off.
 */
public final class TckReportListener implements TestExecutionListener {

    /** Configuration parameter naming the report directory. */
    public static final String REPORT_DIR = "tck.reportDir";

    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private volatile TckReport report;
    private volatile String reportDir = "target/tck-report";

    /** Used by the JUnit Platform's ServiceLoader. */
    public TckReportListener() {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        report = new TckReport(RuleCatalogue.standard());
        reportDir = testPlan.getConfigurationParameters().get(REPORT_DIR).orElse("target/tck-report");
        testPlan.getConfigurationParameters().get(KnownDeviations.PARAMETER).filter(f -> !f.isBlank()).ifPresent(f -> {
            try {
                report.knownDeviations(KnownDeviations.read(Path.of(f)));
            } catch (java.io.IOException | IllegalArgumentException e) {
                System.err.println("Realtime TCK: cannot read the known deviations " + f + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        startNanos.put(testIdentifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        Map<String, String> values = entries.computeIfAbsent(testIdentifier.getUniqueId(), k -> new ConcurrentHashMap<>());
        entry.getKeyValuePairs().forEach((k, v) -> {
            if (k.startsWith("tck.")) {
                values.put(k, v);
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult result) {
        TckReport current = report;
        if (current == null || !testIdentifier.isTest()) {
            return;
        }
        Optional<String> rule = ruleOf(testIdentifier);
        if (rule.isEmpty()) {
            return;
        }
        Long start = startNanos.remove(testIdentifier.getUniqueId());
        Duration duration = Duration.ofNanos(start == null ? 0 : System.nanoTime() - start);
        Map<String, String> values = entries.getOrDefault(testIdentifier.getUniqueId(), Map.of());
        Verdict verdict;
        String message = values.get("tck.message");
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // a failed or aborted TCK test is a FAIL: nothing in the TCK aborts on purpose, so never show a skip
            verdict = Verdict.FAIL;
            if (message == null) {
                message = result.getThrowable().map(t -> t.getClass().getName() + ": " + t.getMessage())
                        .orElse(result.getStatus().name());
            }
        } else {
            verdict = Optional.ofNullable(values.get("tck.verdict")).map(Verdict::valueOf).orElse(Verdict.PASS);
        }
        String implementation = values.getOrDefault("tck.implementation", className(testIdentifier));
        current.header("implementation", implementation);
        current.header("capabilities", values.get("tck.capabilities"));
        current.header("timing", values.get("tck.timing"));
        current.header("strict", values.get("tck.strict"));
        values.forEach((k, v) -> {
            if (k.startsWith(TckExtension.HEADER_PREFIX)) {
                current.header(k.substring(TckExtension.HEADER_PREFIX.length()), v);
            }
        });
        current.add(new TckReport.TestOutcome(rule.get(), testIdentifier.getDisplayName(), implementation, verdict,
                duration, message));
    }

    private static Optional<String> ruleOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).flatMap(m -> {
            try {
                Method method = m.getJavaMethod();
                return Optional.ofNullable(method.getAnnotation(TckRule.class)).map(TckRule::value);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static String className(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getClassName).orElse("unknown");
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        TckReport current = report;
        try {
            if (current == null || current.isEmpty() || "none".equalsIgnoreCase(reportDir)) {
                return;
            }
            Path dir = Path.of(reportDir);
            current.write(dir);
            System.out.println(current.summaryLine() + " (report: " + dir.resolve("report.md") + ")");
        } catch (Exception | LinkageError e) {
            System.err.println("Realtime TCK: could not write the report to " + reportDir + ": " + e);
        } finally {
            report = null;
            startNanos.clear();
            entries.clear();
        }
    }
}
