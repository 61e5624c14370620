package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.core.MockSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the official TypeScript transport ({@code OpenAIRealtimeWebSocket} and {@code RealtimeSession} of
 * {@code @openai/agents-realtime}, pinned in {@code interop/typescript/package.json}) against an embedded
 * mock server with STRICT validation. Opt-in: needs Node.js, npm and the npm registry, so it only runs with
 * {@code -Dinterop=true}; otherwise it is skipped with a message.
 */
class TypeScriptInteropTest {

    private static final List<String> FLOWS = List.of("connect", "text-turn", "audio-turn", "interrupt", "close",
            "session-connect", "function-call", "session-close");

    @Test
    void officialTypeScriptTransportCannotTellTheMockFromTheRealApi() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("interop"),
                "TypeScript interop check skipped: run with -Dinterop=true (needs node, npm and the npm registry)");
        Path dir = Path.of("..", "interop", "typescript").toAbsolutePath().normalize();
        assertThat(dir.resolve("package-lock.json")).as("the pinned TypeScript project").isRegularFile();

        Result install = run(dir, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as("npm ci failed:%n%s", install.output()).isZero();

        try (MockRealtimeServer server = MockRealtimeServer.builder()
                .host("127.0.0.1")
                .port(0)
                .validation(ValidationMode.STRICT)
                // audio at playback speed, so the interrupt flow cuts a response that is still streaming
                .pacing(SimulatorOptions.Pacing.REALTIME)
                .start()) {
            Result script = run(dir, Duration.ofSeconds(90), "node", "interop.mjs", server.realtimeUrl().toString());
            List<String> lines = script.output().lines().toList();
            for (String flow : FLOWS) {
                assertThat(lines).as("flow %s; script output:%n%s", flow, script.output()).contains("PASS " + flow);
            }
            assertThat(lines).as("script output").noneMatch(line -> line.startsWith("FAIL"));
            assertThat(script.exitCode()).as("script exit code; output:%n%s", script.output()).isZero();

            List<MockSession> sessions = server.awaitSessionCount(2, Duration.ofSeconds(5));
            ProtocolSchemas schemas = ProtocolSchemas.get();
            for (MockSession session : sessions) {
                assertThat(session.problems()).as("problems of %s", session.id()).isEmpty();
                assertThat(session.clientEvents()).as("client events of %s", session.id()).isNotEmpty();
                for (ObjectNode event : session.clientEvents()) {
                    assertThat(schemas.validateClientEvent(event)).as("client frame %s", event).isEmpty();
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code dir}, stdout and stderr merged, killing it when it outlives {@code timeout}. */
    private static Result run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path log = Files.createTempFile("interop-", ".log");
        try {
            Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, String.join(" ", cmd) + " timed out after " + timeout + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
