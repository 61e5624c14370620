package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report listener, found through META-INF/services by a plain JUnit Platform Launcher run (as Surefire, Gradle
 * and IDEs run it), writes report.json and report.md and prints the summary line.
 */
class TckReportListenerTest {

    @Test
    void launcherRunWritesTheReport(@TempDir Path dir) throws Exception {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(VerdictSemanticsTest.MiniConnection.class))
                .configurationParameter(TckReportListener.REPORT_DIR, dir.toString())
                .configurationParameter("tck.signalTimeoutMs", "2000")
                .configurationParameter("tck.noSignalMs", "200")
                .build();
        Launcher launcher = LauncherFactory.create();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(request);
        } finally {
            System.setOut(original);
        }
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.at("/run/implementation").asString()).isEqualTo(VerdictSemanticsTest.MiniConnection.class.getName());
        assertThat(json.at("/run/timing").asString()).contains("signalTimeout=2000ms");
        assertThat(json.at("/summary/UNSUPPORTED").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/NOT_RUN").asInt()).as("rules of the groups that did not run")
                .isEqualTo((int) RuleCatalogue.standard().rules().stream().filter(r -> !r.group().equals("CONN")).count());
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| RT-CONN-012 | MUST | UNSUPPORTED |").contains("| RT-CONN-004 | MUST | FAIL |");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TCK: " + RuleCatalogue.standard().rules().size()
                + " rules, ");
    }
}
