package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.tck.KnownDeviations;
import dev.realtimetck.tck.runner.TckRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole TCK over the bridge on the official {@code @openai/agents-realtime} WebSocket transport
 * ({@code interop/typescript/tck-adapter.mjs}), through the runner with the known-deviations table: every rule that
 * does not PASS must be explained there, and every rule explained there must still not PASS. The report is copied to {@code tck/reports/agents-realtime-<version>.md}
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
        // the table stays exact: every rule it explains must still not PASS
        KnownDeviations known = KnownDeviations.read(TypeScriptInterop.REPORTS.resolve("known-deviations.json"));
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json"),
                StandardCharsets.UTF_8));
        Set<String> passing = new TreeSet<>();
        for (JsonNode rule : report.path("rules")) {
            if (rule.path("verdict").asString().equals("PASS") && known.of(rule.path("id").asString()).isPresent()) {
                passing.add(rule.path("id").asString());
            }
        }
        assertThat(passing).as("rules in tck/reports/known-deviations.json that now PASS (remove them)").isEmpty();
        assertThat(status).as("runner exit status: 0 unless a FAIL or NON_STRICT rule is missing from "
                + "tck/reports/known-deviations.json (see the runner's output above and " + out.resolve("report.md")
                + ")").isZero();
    }
}
