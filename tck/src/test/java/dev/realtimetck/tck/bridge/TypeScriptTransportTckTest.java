package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.tck.runner.TckRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole TCK over the bridge on the official {@code @openai/agents-realtime} WebSocket transport
 * ({@code interop/typescript/tck-adapter.mjs}), through the runner with the known-deviations table: every rule that
 * does not PASS must be explained there. The report is copied to {@code tck/reports/agents-realtime-<version>.md}
 * and {@code .json}. Opt-in ({@code -Pinterop}).
 */
class TypeScriptTransportTckTest {

    @AfterAll
    static void stopAdapters() {
        BridgeProcesses.closeAll();
    }

    @Test
    void everyRuleThatDoesNotPassIsAKnownDeviation() throws Exception {
        TypeScriptInterop.requireNode();
        Path out = Path.of("target", "interop-report");
        long start = System.nanoTime();
        int status = TckRunner.run(new String[] {
            "--adapter", "node " + TypeScriptInterop.DIR.resolve("tck-adapter.mjs"),
            "--report-dir", out.toString(),
            "--known-deviations", TypeScriptInterop.REPORTS.resolve("known-deviations.json").toString()}, System.out);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String name = "agents-realtime-" + TypeScriptInterop.transportVersion();
        Files.copy(out.resolve("report.md"), TypeScriptInterop.REPORTS.resolve(name + ".md"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(out.resolve("report.json"), TypeScriptInterop.REPORTS.resolve(name + ".json"),
                StandardCopyOption.REPLACE_EXISTING);
        System.out.println("TypeScript transport over the bridge: " + took.toSeconds() + " s; report "
                + TypeScriptInterop.REPORTS.resolve(name + ".md"));
        assertThat(status).as("runner exit status: 0 unless a FAIL or NON_STRICT rule is missing from "
                + "tck/reports/known-deviations.json (see the runner's output above and " + out.resolve("report.md")
                + ")").isZero();
    }
}
