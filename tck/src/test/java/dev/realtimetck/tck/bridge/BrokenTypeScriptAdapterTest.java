package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.tck.KnownDeviations;
import dev.realtimetck.tck.runner.TckRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof that the bridge reports a broken TypeScript transport: {@code interop/typescript/broken-adapter.mjs} wraps
 * the official transport so that {@code sendAudio} never commits, and over the bridge RT-CLIENT-008 must FAIL while
 * every other client rule keeps the verdict of the official transport. Opt-in ({@code -Pinterop}).
 */
class BrokenTypeScriptAdapterTest {

    @AfterAll
    static void stopAdapters() {
        BridgeProcesses.closeAll();
    }

    @Test
    void aCommitThatIsNeverSentFailsRtClient008() throws Exception {
        TypeScriptInterop.requireNode();
        Path out = Path.of("target", "interop-broken-report");
        int status = TckRunner.run(new String[] {
            "--adapter", "node " + TypeScriptInterop.DIR.resolve("broken-adapter.mjs"),
            "--groups", "client", "--report-dir", out.toString()}, System.out);
        assertThat(status).as("runner exit status with a broken adapter").isEqualTo(1);
        KnownDeviations known = KnownDeviations.read(TypeScriptInterop.REPORTS.resolve("known-deviations.json"));
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json"),
                StandardCharsets.UTF_8));
        Set<String> unexpected = new TreeSet<>();
        for (JsonNode rule : report.path("rules")) {
            String id = rule.path("id").asString();
            if (rule.path("verdict").asString().equals("FAIL") && known.of(id).isEmpty()) {
                unexpected.add(id);
                assertThat(rule.path("message").asString()).startsWith("[" + id + " ");
            }
        }
        assertThat(unexpected).as("client rules failing beyond the official transport's known deviations")
                .containsExactly("RT-CLIENT-008");
    }
}
