package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The table from a hand-made result file in JMH's JSON layout (sample-results.json) with round numbers. */
class ResultsTableTest {

    private static String json;

    @BeforeAll
    static void readSample() throws IOException {
        try (InputStream in = ResultsTableTest.class.getResourceAsStream("sample-results.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesRatesPerSecondWhateverTheUnit() {
        List<BenchmarkResult> results = ResultsTable.parse(json);

        BenchmarkResult append = results.get(0);
        assertThat(append.benchmarkClass()).isEqualTo("AudioEncodeBenchmark");
        assertThat(append.method()).isEqualTo("appendFrame");
        assertThat(append.param("chunkBytes")).isEqualTo("4800");
        assertThat(append.opsPerSecond()).isEqualTo(100_000);
        assertThat(append.secondary("bytes")).isEqualTo(480_000_000); // written as ops/ms
        assertThat(append.allocatedBytesPerOp()).isEqualTo(19_350);
        BenchmarkResult roundTrip = results.get(results.size() - 2);
        assertThat(roundTrip.percentilesUs()).containsEntry("50.0", 120.0).containsEntry("99.0", 400.0);
    }

    @Test
    void encodeRowHasFigureBaselineRatioAndAllocationPerFrame() {
        String md = ResultsTable.render(ResultsTable.parse(json));

        assertThat(md).contains("| 4800 | ReferenceTransportTarget | 480.0 | 720.0 | 0.67x | 19,350 | 6,450 | 3.00x |");
    }

    @Test
    void goalsSayMetOrByHowMuchTheyAreMissed() {
        String md = ResultsTable.render(ResultsTable.parse(json));

        assertThat(md).contains("encode 4,800-byte chunks (ReferenceTransportTarget): throughput >= 0.50x Base64"
                + " - **met** (0.67x)");
        assertThat(md).contains("allocation <= 2.5x frame size - **not met** (3.00x, 20% over)");
        assertThat(md).contains("dispatch response-audio (ReferenceTransportTarget): MB/s >= 0.50x raw Jackson"
                + " - **met** (0.50x)");
        assertThat(md).contains("dispatch response-text (ReferenceTransportTarget): events/s >= 10x TypeScript"
                + " (185,000) - **not met** (5.89x, 41% short)");
        assertThat(md).contains("loopback response-audio (ReferenceTransportTarget): MB/s >= 0.70x bare JDK client"
                + " - **met** (0.75x)");
    }

    @Test
    void dispatchLoopbackRoundTripAndG711Rows() {
        String md = ResultsTable.render(ResultsTable.parse(json));

        assertThat(md).contains("| response-audio | typical | ReferenceTransportTarget | 110,000 | 338.7 | 220,000 "
                + "| 677.3 | 0.50x | 2.12x | 5,000 |");
        assertThat(md).contains("| response-audio | typical + `*` | ReferenceTransportTarget | 88,000 | 270.9 |");
        assertThat(md).contains("| response-audio | ReferenceTransportTarget | 33,000 | 101.6 | 44,000 | 135.5 | 0.75x |");
        assertThat(md).contains("| ReferenceTransportTarget | 120.0 | 400.0 | 100.0 | 200.0 | 1.20x | 2.00x |");
        assertThat(md).contains("| mu-law | 4800 | 960.0 | 240.0 | 4.00x | 0 |");
        assertThat(md.indexOf("## Goals")).isZero();
    }

    @Test
    void missingBaselineShowsADashAndTheGoalIsNotMeasured() {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        String onlyFigure = "[" + mapper.readTree(json).get(0).toString() + "]";

        String md = ResultsTable.render(ResultsTable.parse(onlyFigure));

        assertThat(md).contains("| 4800 | ReferenceTransportTarget | 480.0 | - | - |");
        assertThat(md).contains("throughput >= 0.50x Base64 - not measured");
    }

    @Test
    void baselineWithoutItsFigureIsStillShownAndTheGoalIsNotMeasured() {
        List<BenchmarkResult> baselinesOnly = ResultsTable.parse(json).stream()
                .filter(r -> r.method().endsWith("Baseline") || r.method().startsWith("bareClient"))
                .toList();

        String md = ResultsTable.render(baselinesOnly);

        assertThat(md).contains("| 4800 | no result | - | 720.0 | - |");
        assertThat(md).contains("| response-audio | typical | no result | - | - | 220,000 | 677.3 | - |");
        assertThat(md).contains("| response-audio | no result | - | - | 44,000 | 135.5 | - |");
        assertThat(md).contains("| no result | - | - | 100.0 | 200.0 | - | - |");
        assertThat(md).contains("dispatch response-audio (no result): MB/s >= 0.50x raw Jackson - not measured");
        assertThat(md).contains("loopback response-audio (no result): MB/s >= 0.70x bare JDK client - not measured");
    }

    @Test
    void emptyResultsSayNoGoalCouldBeChecked() {
        assertThat(ResultsTable.render(ResultsTable.parse("[]"))).contains("No goal could be checked");
    }

    @Test
    void notAnArrayIsRejected() {
        assertThatThrownBy(() -> ResultsTable.parse("{\"benchmark\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON array");
    }

    @Test
    void commandWritesTheFileAndFailsWithOneLineOnBadInput(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("results.json");
        Files.writeString(in, json);
        Path out = dir.resolve("table.md");

        int ok = new CommandLine(new ResultsTable()).execute(in.toString(), "-o", out.toString());
        int missing = new CommandLine(new ResultsTable()).execute(dir.resolve("none.json").toString());
        Files.writeString(dir.resolve("bad.json"), "not json");
        int malformed = new CommandLine(new ResultsTable()).execute(dir.resolve("bad.json").toString());

        assertThat(ok).isZero();
        assertThat(Files.readString(out)).startsWith("## Goals");
        assertThat(missing).isEqualTo(2);
        assertThat(malformed).isEqualTo(2);
    }
}
