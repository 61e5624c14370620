package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the opt-in runs on the official TypeScript transport ({@code -Pinterop}, which sets
 * {@code -Dinterop=true}): checks Node 18+, installs the pinned packages with {@code npm ci}, and knows where the
 * adapters and the committed reports are.
 */
final class TypeScriptInterop {

    /** The TypeScript folder, relative to this module (so that reports name no machine path). */
    static final Path DIR = Path.of("..", "interop", "typescript");
    /** Where the committed reports and the known-deviations table live. */
    static final Path REPORTS = Path.of("reports");

    private static boolean installed;

    private TypeScriptInterop() {
    }

    /** Skips (with a message) unless {@code -Dinterop=true}; then requires Node 18+ and runs {@code npm ci} once. */
    static synchronized void requireNode() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Boolean.getBoolean("interop"), "TypeScript bridge runs skipped: run "
                + "./mvnw -B -Pinterop -pl tck -am verify (needs Node 18+ and npm)");
        if (installed) {
            return;
        }
        String version = run(List.of("node", "--version")).strip();
        assertThat(version).as("node --version").startsWith("v");
        int major = Integer.parseInt(version.substring(1, version.indexOf('.')));
        assertThat(major).as("the Node major version (the adapter needs Node 18 or later)").isGreaterThanOrEqualTo(18);
        run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        installed = true;
    }

    /** The version of {@code @openai/agents-realtime} that {@code npm ci} installed. */
    static String transportVersion() throws IOException {
        Path pkg = DIR.resolve(Path.of("node_modules", "@openai", "agents-realtime", "package.json"));
        return JsonMapper.builder().build().readTree(Files.readString(pkg, StandardCharsets.UTF_8))
                .path("version").asString();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tck-interop-", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done && p.exitValue() == 0).as("%s failed:%n%s", command, output).isTrue();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
