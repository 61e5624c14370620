package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TckReportTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.parse(new ByteArrayInputStream(("""
            {"tckVersion":"9","groups":{"CONN":"c"},"rules":[
             {"id":"RT-CONN-001","level":"MUST","group":"CONN","source":"C1","sentence":"one."},
             {"id":"RT-CONN-002","level":"SHOULD","group":"CONN","source":"C2","sentence":"two."},
             {"id":"RT-CONN-003","level":"MUST","group":"CONN","source":"A25","sentence":"three.","capability":"muting"},
             {"id":"RT-CONN-004","level":"MUST","group":"CONN","source":"C4","sentence":"four."},
             {"id":"RT-CONN-005","level":"MUST","group":"CONN","source":"C5","sentence":"five."}]}
            """).getBytes(StandardCharsets.UTF_8)));

    private static TckReport.TestOutcome outcome(String rule, String test, Verdict verdict, String message) {
        return new TckReport.TestOutcome(rule, test, "Impl", verdict, Duration.ofMillis(5), message);
    }

    @Test
    void ruleVerdictIsTheWorstOfItsTestsAndUntestedRulesAreNotRun() {
        TckReport report = new TckReport(CATALOGUE);
        report.add(outcome("RT-CONN-001", "a", Verdict.PASS, null));
        report.add(outcome("RT-CONN-001", "b", Verdict.FAIL, "[RT-CONN-001 MUST] one."));
        report.add(outcome("RT-CONN-002", "c", Verdict.NON_STRICT, "[RT-CONN-002 SHOULD] two."));
        report.add(outcome("RT-CONN-003", "d", Verdict.UNSUPPORTED, "capability 'muting' declared absent"));
        report.add(outcome("RT-CONN-004", "e", Verdict.PASS, null));
        assertThat(report.rules()).extracting(TckReport.RuleOutcome::verdict).containsExactly(Verdict.FAIL,
                Verdict.NON_STRICT, Verdict.UNSUPPORTED, Verdict.PASS, Verdict.NOT_RUN);
        assertThat(report.summaryLine())
                .isEqualTo("TCK: 5 rules, 1 PASS, 1 FAIL, 1 NON_STRICT, 1 UNSUPPORTED, 1 NOT_RUN");
    }

    @Test
    void writesJsonAndMarkdown(@TempDir Path dir) throws Exception {
        TckReport report = new TckReport(CATALOGUE);
        report.header("implementation", "com.example.MyTransport");
        report.add(outcome("RT-CONN-001", "a", Verdict.PASS, null));
        report.add(outcome("RT-CONN-002", "c", Verdict.NON_STRICT, "[RT-CONN-002 SHOULD] two.\nExpected: x"));
        report.add(outcome("RT-NOPE-001", "z", Verdict.PASS, null));
        report.write(dir);
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.at("/run/tckVersion").asString()).isEqualTo("9");
        assertThat(json.at("/run/implementation").asString()).isEqualTo("com.example.MyTransport");
        assertThat(json.at("/run/jvm").asString()).isNotBlank();
        assertThat(json.at("/summary/PASS").asInt()).isEqualTo(1);
        assertThat(json.at("/rules/1/verdict").asString()).isEqualTo("NON_STRICT");
        assertThat(json.at("/rules/1/tests/0/message").asString()).startsWith("[RT-CONN-002 SHOULD]");
        assertThat(json.at("/rules/1/message").asString()).startsWith("[RT-CONN-002 SHOULD]");
        assertThat(json.at("/rules/0/message").isNull()).isTrue();
        assertThat(json.at("/unknownRules/0/rule").asString()).isEqualTo("RT-NOPE-001");
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| RT-CONN-001 | MUST | PASS |", "| RT-CONN-002 | SHOULD | NON_STRICT |",
                "TCK: 5 rules, 1 PASS, 0 FAIL, 1 NON_STRICT, 0 UNSUPPORTED, 3 NOT_RUN", "### RT-CONN-002 NON_STRICT");
    }

    @Test
    void worstOrdersVerdicts() {
        assertThat(Verdict.worst(Verdict.NOT_RUN, Verdict.PASS)).isEqualTo(Verdict.PASS);
        assertThat(Verdict.worst(Verdict.PASS, Verdict.UNSUPPORTED)).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(Verdict.worst(Verdict.NON_STRICT, Verdict.UNSUPPORTED)).isEqualTo(Verdict.NON_STRICT);
        assertThat(Verdict.worst(Verdict.FAIL, Verdict.NON_STRICT)).isEqualTo(Verdict.FAIL);
    }
}
