package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CI side of the command line: port file, per-session log lines, verbose frames, JSON validation, help. */
class CliOperationsTest {

    private static final String SECRET = "sk-proj-0123456789abcdef";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MockServerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CompletableFuture.completedFuture(null));
    }

    @Test
    void portFileSessionLogLinesAndRedactedVerboseFrames(@TempDir Path dir) throws Exception {
        Path portFile = dir.resolve("port");
        CompletableFuture<Void> stop = new CompletableFuture<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> MockServerCli.execute(
                    new String[] {"--port", "0", "--pacing", "fast", "--verbose", "--port-file", portFile.toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true), stop));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(portFile)) {
                assertThat(System.nanoTime()).as("port file within 20 s; stderr: %s", err).isLessThan(deadline);
                assertThat(exit).isNotDone();
                Thread.onSpinWait();
            }
            int port = Integer.parseInt(Files.readString(portFile).strip());
            assertThat(out.toString()).contains("ws://127.0.0.1:" + port + "/v1/realtime");
            try (WsTestClient client = WsTestClient.connect(URI.create("ws://127.0.0.1:" + port + "/v1/realtime"))) {
                assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
                client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"key "
                        + SECRET + "\"}}");
                client.nextEvent("session.updated");
                client.closeNormally();
                client.awaitClose();
            }
            stop.complete(null);
            assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        } finally {
            System.setErr(originalErr);
        }
        String log = logs.toString(StandardCharsets.UTF_8);
        assertThat(log).containsPattern("session sess_\\w+ opened: simulator");
        assertThat(log).containsPattern("session sess_\\w+ closed after \\d+ ms \\(close 1000 from client\\): "
                + "\\d+ frames in, \\d+ out, 0 problems; simulator");
        assertThat(log).contains("<< #").contains(">> #").contains("key [redacted]").doesNotContain(SECRET);
    }

    @Test
    void validateJsonIsOneMachineReadableDocument(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"type\":\"input_audio_buffer.commit\"}\n"
                + "{\"type\":\"conversation.item.deleted\",\"event_id\":\"e1\"}\nnot json\n");
        assertThat(run("validate", "--json", file.toString())).isEqualTo(2);
        JsonNode report = JsonMapper.builder().build().readTree(out.toString());
        assertThat(report.path("events").asInt()).isEqualTo(2);
        assertThat(report.path("invalid").asInt()).isEqualTo(1);
        assertThat(report.path("unreadable").asInt()).isEqualTo(1);
        JsonNode violation = report.path("violations").get(0);
        assertThat(violation.path("file").asString()).isEqualTo(file.toString());
        assertThat(violation.path("line").asInt()).isEqualTo(2);
        assertThat(violation.path("side").asString()).isEqualTo("server");
        assertThat(violation.path("type").asString()).isEqualTo("conversation.item.deleted");
        assertThat(violation.path("pointer").asString()).isEqualTo("/item_id");
        assertThat(report.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateHasVersionAndTopLevelHelpShowsTheServeOptions() {
        assertThat(run("validate", "--version")).isZero();
        assertThat(out.toString()).contains("realtime-mock-server");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Options of serve (the default command):")
                .contains("--port-file").contains("--scenarios").contains("--api-key").contains("--verbose");
    }

    @Test
    void aBadScenarioDirectoryIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "steps: [{send: {type: nonsense.event}}]\n");
        assertThat(run("--port", "0", "--scenarios", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--scenarios: scenario ").contains("bad.yaml line 1");
        assertThat(Duration.ZERO).isZero();
    }
}
