package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.tck.runner.TckRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole TCK over the bridge, through the runner, on the reference transport inside {@link JavaReferenceAdapter}
 * (a child JVM): every rule runs unchanged on a {@link BridgedTransport} and must get the in-process verdict (no FAIL,
 * no NON_STRICT). It runs in a launcher of its own, so its report ({@code target/bridge-tck-report}) stays apart
 * from the in-process one ({@code target/tck-report}). Part of {@code ./mvnw verify}; needs nothing but Java.
 */
class JavaAdapterBridgeTckTest {

    @Test
    void everyRuleOverTheBridgeGetsTheInProcessVerdict() throws Exception {
        Path out = Path.of("target", "bridge-tck-report");
        long start = System.nanoTime();
        int status = TckRunner.run(new String[] {"--adapter", JavaAdapters.commandLine(), "--report-dir",
            out.toString()}, System.out);
        System.out.println("The TCK over the bridge (Java adapter): "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json"),
                StandardCharsets.UTF_8));
        List<String> notPassing = new ArrayList<>();
        for (JsonNode rule : report.path("rules")) {
            String verdict = rule.path("verdict").asString();
            if (verdict.equals("FAIL") || verdict.equals("NON_STRICT") || verdict.equals("NOT_RUN")) {
                notPassing.add(rule.path("id").asString() + " " + verdict + ": " + rule.path("message").asString());
            }
        }
        assertThat(notPassing).as("rules over the bridge that the reference passes in process").isEmpty();
        assertThat(status).as("runner exit status").isZero();
        assertThat(report.path("run").path("adapter").asString()).isEqualTo("java-reference-adapter 0.1.0");
    }
}
