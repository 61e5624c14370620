package dev.realtimetck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.tck.bridge.BridgeTck;
import dev.realtimetck.tck.bridge.JavaAdapters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner as a non-Java author uses it (in process, for speed): one group over the bridge on the Java adapter, the
 * exit status, the report with the handshake in its header, and the known-deviations check.
 */
class TckRunnerTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TckRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    private JsonNode report() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8));
    }

    @Test
    void aGroupOverTheBridgePassesAndTheReportNamesTheAdapter() throws IOException {
        int status = run("--adapter", JavaAdapters.commandLine(), "--groups", "thread", "--report-dir", dir.toString());
        assertThat(status).isZero();
        JsonNode report = report();
        assertThat(report.path("run").path("adapter").asString()).isEqualTo("java-reference-adapter 0.1.0");
        assertThat(report.path("run").path("transport").asString()).startsWith(
                "dev.realtimetck.referencetransport.RealtimeWebSocketTransport");
        assertThat(report.path("run").path("implementation").asString()).isEqualTo(BridgeTck.class.getName());
        int threadRules = 0;
        for (JsonNode rule : report.path("rules")) {
            if (rule.path("group").asString().equals("THREAD")) {
                threadRules++;
                assertThat(rule.path("verdict").asString()).as(rule.path("id").asString()).isEqualTo("PASS");
            } else {
                assertThat(rule.path("verdict").asString()).as(rule.path("id").asString()).isEqualTo("NOT_RUN");
            }
        }
        assertThat(threadRules).isPositive();
        assertThat(Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8))
                .contains("- adapter: java-reference-adapter 0.1.0");
    }

    @Test
    void aFailingRuleFailsTheRunUnlessTheTableExplainsIt() throws IOException {
        String broken = JavaAdapters.commandLine("--break=ListenerExceptionKillsDispatch");
        assertThat(run("--adapter", broken, "--groups", "thread", "--report-dir", dir.toString())).isEqualTo(1);

        Path table = dir.resolve("known.json");
        Files.writeString(table, "{\"transport\":\"broken\",\"deviations\":{"
                + "\"RT-THREAD-001\":{\"quirk\":\"X24\",\"reason\":\"dispatch dies\"}}}");
        // RT-THREAD-004 (NON_STRICT) is not explained: with a table, that fails the run too
        assertThat(run("--adapter", broken, "--groups", "thread", "--report-dir", dir.toString(),
                "--known-deviations", table.toString())).isEqualTo(1);
        assertThat(report().path("summary").path("unexplained").asInt()).isEqualTo(1);

        Files.writeString(table, "{\"transport\":\"broken\",\"deviations\":{"
                + "\"RT-THREAD-001\":{\"quirk\":\"X24\",\"reason\":\"dispatch dies\"},"
                + "\"RT-THREAD-004\":{\"quirk\":\"X24\",\"reason\":\"not reported\"}}}");
        assertThat(run("--adapter", broken, "--groups", "thread", "--report-dir", dir.toString(),
                "--known-deviations", table.toString())).isZero();
        JsonNode rule = null;
        for (JsonNode r : report().path("rules")) {
            if (r.path("id").asString().equals("RT-THREAD-001")) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("verdict").asString()).isEqualTo("FAIL");
        assertThat(rule.path("knownDeviation").asString()).isEqualTo("X24");
        assertThat(Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8))
                .contains("| RT-THREAD-001 | MUST | FAIL | X24 |");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        assertThat(run("--groups", "thread")).as("no --adapter").isEqualTo(2);
        assertThat(run("--adapter", "x", "--groups", "nosuchgroup")).as("unknown group").isEqualTo(2);
        Path table = dir.resolve("bad.json");
        Files.writeString(table, "{\"deviations\":{\"RT-NOPE-001\":{\"quirk\":\"X1\",\"reason\":\"r\"}}}");
        assertThat(run("--adapter", "x", "--known-deviations", table.toString())).as("unknown rule in the table")
                .isEqualTo(2);
    }
}
