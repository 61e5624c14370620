package dev.realtimetck.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JMH's JSON result file ({@code -rf json}) and writes a Markdown table of every figure next to its baseline
 * from the same run, the ratio, and whether the module's goals are met (and by how much they are missed).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.realtimetck.benchmarks.ResultsTable results.json -o table.md</pre>
 */
@Command(name = "results-table", mixinStandardHelpOptions = true,
        description = "Turns a JMH JSON result file of the Realtime TCK benchmarks into a Markdown table.")
public final class ResultsTable implements Callable<Integer> {

    /** Events per second of the TypeScript transport on the spoken-response corpus (the goal is 10x). */
    static final double TYPESCRIPT_SPOKEN_EVENTS = 52_000;
    /** Events per second of the TypeScript transport on the text corpus (the goal is 10x, also for function calls). */
    static final double TYPESCRIPT_TEXT_EVENTS = 185_000;

    private static final String ENCODE = "AudioEncodeBenchmark";
    private static final String G711 = "G711Benchmark";
    private static final String DISPATCH = "EventDispatchBenchmark";
    private static final String LOOPBACK = "LoopbackBenchmark";

    @Parameters(index = "0", paramLabel = "RESULTS_JSON", description = "JMH result file written with -rf json")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Markdown file to write (default: stdout)")
    private Path output;

    /** Runs the command line; exits non-zero with one line on stderr when the input is missing or malformed. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ResultsTable()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            System.err.println("results-table: no such file: " + input);
            return 2;
        }
        List<BenchmarkResult> results;
        try {
            results = parse(Files.readString(input, StandardCharsets.UTF_8));
        } catch (JacksonException | IllegalArgumentException e) {
            System.err.println("results-table: " + input + " is not a JMH JSON result file: " + firstLine(e));
            return 2;
        }
        String markdown = render(results);
        if (output == null) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            out.print(markdown);
            out.flush();
        } else {
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    // ------------------------------------------------------------------ parsing

    /**
     * Parses JMH's JSON (an array of benchmark entries).
     *
     * @throws IllegalArgumentException when the document is not an array of entries with a benchmark name
     */
    static List<BenchmarkResult> parse(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of benchmark results");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            String benchmark = entry.path("benchmark").asString("");
            int dot = benchmark.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("entry without a benchmark name: " + abbreviate(entry));
            }
            String className = benchmark.substring(0, dot);
            className = className.substring(className.lastIndexOf('.') + 1);
            Map<String, String> params = new HashMap<>();
            for (Map.Entry<String, JsonNode> p : entry.path("params").properties()) {
                params.put(p.getKey(), p.getValue().asString(""));
            }
            JsonNode primary = entry.path("primaryMetric");
            String unit = primary.path("scoreUnit").asString("");
            double ops = unit.startsWith("ops/") ? perSecond(primary.path("score").asDouble(), unit) : 0;
            Map<String, Double> percentiles = new HashMap<>();
            if (unit.endsWith("/op")) {
                for (Map.Entry<String, JsonNode> p : primary.path("scorePercentiles").properties()) {
                    percentiles.put(p.getKey(), micros(p.getValue().asDouble(), unit));
                }
            }
            Map<String, Double> secondary = new HashMap<>();
            for (Map.Entry<String, JsonNode> s : entry.path("secondaryMetrics").properties()) {
                String sUnit = s.getValue().path("scoreUnit").asString("");
                double score = s.getValue().path("score").asDouble();
                secondary.put(s.getKey(), sUnit.startsWith("ops/") ? perSecond(score, sUnit) : score);
            }
            results.add(new BenchmarkResult(className, benchmark.substring(dot + 1),
                    entry.path("mode").asString(""), params, ops, percentiles, secondary));
        }
        return results;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static double perSecond(double score, String unit) {
        return score * switch (unit) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1e3;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/min" -> 1.0 / 60;
            default -> throw new IllegalArgumentException("unknown rate unit " + unit);
        };
    }

    private static double micros(double score, String unit) {
        return score * switch (unit) {
            case "s/op" -> 1e6;
            case "ms/op" -> 1e3;
            case "us/op" -> 1;
            case "ns/op" -> 1e-3;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    // ------------------------------------------------------------------ rendering

    /** The Markdown document: goals first, then one table per benchmark. */
    static String render(List<BenchmarkResult> results) {
        List<String> goals = new ArrayList<>();
        StringBuilder tables = new StringBuilder();
        encode(results, tables, goals);
        g711(results, tables);
        dispatch(results, tables, goals);
        loopback(results, tables, goals);
        roundTrip(results, tables);

        StringBuilder md = new StringBuilder("## Goals\n\n");
        if (goals.isEmpty()) {
            md.append("No goal could be checked: the results hold none of the benchmarks the goals name.\n");
        }
        for (String goal : goals) {
            md.append("- ").append(goal).append('\n');
        }
        return md.append(tables).toString();
    }

    private static void encode(List<BenchmarkResult> results, StringBuilder md, List<String> goals) {
        List<BenchmarkResult> rows = withMissing(results, ENCODE, "appendFrame", "base64Baseline", "chunkBytes");
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Audio encode: PCM16 chunk to `input_audio_buffer.append` frame\n\n")
                .append("| chunk bytes | target | frame MB/s (PCM in) | Base64 MB/s | ratio | allocated B/op "
                        + "| frame bytes | allocated / frame |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult r : rows) {
            Optional<BenchmarkResult> base = baseline(results, r, "base64Baseline");
            double mbs = mbPerSecond(r);
            double baseMbs = base.map(ResultsTable::mbPerSecond).orElse(Double.NaN);
            double frameBytes = r.secondary("outputBytes") / r.opsPerSecond();
            double alloc = r.allocatedBytesPerOp();
            md.append(row(r.param("chunkBytes"), target(r), mb(mbs), mb(baseMbs), ratio(mbs / baseMbs),
                    count(alloc), count(frameBytes), ratio(alloc / frameBytes)));
            if ("4800".equals(r.param("chunkBytes"))) {
                goals.add(goal("encode 4,800-byte chunks (" + target(r) + ")", "throughput >= 0.50x Base64",
                        mbs / baseMbs, 0.5, true));
                goals.add(goal("encode 4,800-byte chunks (" + target(r) + ")", "allocation <= 2.5x frame size",
                        alloc / frameBytes, 2.5, false));
            }
        }
    }

    private static void g711(List<BenchmarkResult> results, StringBuilder md) {
        List<BenchmarkResult> rows = new ArrayList<>(withMissing(results, G711, "mulaw", "jdkMulawBaseline", "chunkBytes"));
        rows.addAll(withMissing(results, G711, "alaw", "jdkAlawBaseline", "chunkBytes"));
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## G.711 encode of PCM16\n\n")
                .append("| codec | chunk bytes | api G711 MB/s (PCM in) | JDK javax.sound MB/s | ratio "
                        + "| allocated B/op |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult r : rows) {
            String baselineMethod = r.method().equals("mulaw") ? "jdkMulawBaseline" : "jdkAlawBaseline";
            double mbs = mbPerSecond(r);
            double baseMbs = baseline(results, r, baselineMethod).map(ResultsTable::mbPerSecond).orElse(Double.NaN);
            md.append(row(r.method().equals("mulaw") ? "mu-law" : "A-law", r.param("chunkBytes"), mb(mbs), mb(baseMbs),
                    ratio(mbs / baseMbs), count(r.allocatedBytesPerOp())));
        }
    }

    private static void dispatch(List<BenchmarkResult> results, StringBuilder md, List<String> goals) {
        List<BenchmarkResult> rows = new ArrayList<>(
                withMissing(results, DISPATCH, "typicalListeners", "jacksonBaseline", "corpus"));
        rows.addAll(sorted(results, DISPATCH, "typicalPlusAnyListener", "corpus"));
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Event dispatch: corpus frames through the inbound path\n\n")
                .append("| corpus | listeners | target | events/s | MB/s | Jackson events/s | Jackson MB/s "
                        + "| ratio (MB/s) | vs TypeScript | allocated B/event |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult r : rows) {
            Optional<BenchmarkResult> base = baseline(results, r, "jacksonBaseline");
            double events = r.secondary("events");
            double mbs = mbPerSecond(r);
            double baseMbs = base.map(ResultsTable::mbPerSecond).orElse(Double.NaN);
            String corpus = r.param("corpus");
            double typescript = corpus.equals("response-audio") ? TYPESCRIPT_SPOKEN_EVENTS : TYPESCRIPT_TEXT_EVENTS;
            boolean any = r.method().equals("typicalPlusAnyListener");
            double eventsPerOp = events / r.opsPerSecond();
            md.append(row(corpus, any ? "typical + `*`" : "typical", target(r), count(events), mb(mbs),
                    count(base.map(b -> b.secondary("events")).orElse(Double.NaN)), mb(baseMbs),
                    ratio(mbs / baseMbs), ratio(events / typescript), count(r.allocatedBytesPerOp() / eventsPerOp)));
            if (any) {
                continue;
            }
            String what = "dispatch " + corpus + " (" + target(r) + ")";
            if (corpus.equals("response-audio")) {
                goals.add(goal(what, "MB/s >= 0.50x raw Jackson", mbs / baseMbs, 0.5, true));
            } else {
                goals.add(goal(what, "events/s >= 10x TypeScript (" + count(typescript) + ")",
                        events / typescript, 10, true));
            }
        }
    }

    private static void loopback(List<BenchmarkResult> results, StringBuilder md, List<String> goals) {
        List<BenchmarkResult> rows = withMissing(results, LOOPBACK, "transportStream", "bareClientStream", "corpus");
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Loopback: mock server to transport over a WebSocket on 127.0.0.1\n\n")
                .append("| corpus | target | events/s | MB/s | bare JDK client events/s | bare MB/s | ratio (MB/s) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult r : rows) {
            Optional<BenchmarkResult> base = baseline(results, r, "bareClientStream");
            double mbs = mbPerSecond(r);
            double baseMbs = base.map(ResultsTable::mbPerSecond).orElse(Double.NaN);
            md.append(row(r.param("corpus"), target(r), count(r.secondary("events")), mb(mbs),
                    count(base.map(b -> b.secondary("events")).orElse(Double.NaN)), mb(baseMbs), ratio(mbs / baseMbs)));
            goals.add(goal("loopback " + r.param("corpus") + " (" + target(r) + ")", "MB/s >= 0.70x bare JDK client",
                    mbs / baseMbs, 0.7, true));
        }
    }

    private static void roundTrip(List<BenchmarkResult> results, StringBuilder md) {
        List<BenchmarkResult> rows = withMissing(results, LOOPBACK, "transportRoundTrip", "bareClientRoundTrip", "corpus");
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Round trip: `sendEvent` to the listener of the server's answer\n\n")
                .append("| target | p50 us | p99 us | bare JDK client p50 us | bare p99 us | p50 ratio | p99 ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (BenchmarkResult r : rows) {
            Optional<BenchmarkResult> base = baseline(results, r, "bareClientRoundTrip");
            double p50 = percentile(r, "50.0");
            double p99 = percentile(r, "99.0");
            double b50 = base.map(b -> percentile(b, "50.0")).orElse(Double.NaN);
            double b99 = base.map(b -> percentile(b, "99.0")).orElse(Double.NaN);
            md.append(row(target(r), micros(p50), micros(p99), micros(b50), micros(b99), ratio(p50 / b50),
                    ratio(p99 / b99)));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<BenchmarkResult> sorted(List<BenchmarkResult> results, String cls, String method,
                                                String sortParam) {
        return results.stream()
                .filter(r -> r.benchmarkClass().equals(cls) && r.method().equals(method))
                .sorted(Comparator.comparing((BenchmarkResult r) -> r.param("factory"))
                        .thenComparing(r -> sortKey(r.param(sortParam))))
                .toList();
    }

    /**
     * The runs of {@code method}, plus a row with no figures for every run of {@code baselineMethod} that no run of
     * {@code method} matches (the figure failed or was not run), so the baseline is still shown and the goal is
     * reported as not measured.
     */
    private static List<BenchmarkResult> withMissing(List<BenchmarkResult> results, String cls, String method,
                                                     String baselineMethod, String sortParam) {
        List<BenchmarkResult> rows = new ArrayList<>(sorted(results, cls, method, sortParam));
        for (BenchmarkResult base : sorted(results, cls, baselineMethod, sortParam)) {
            boolean matched = rows.stream().anyMatch(r -> r.params().entrySet().containsAll(base.params().entrySet()));
            if (!matched) {
                rows.add(new BenchmarkResult(cls, method, base.mode(), base.params(), Double.NaN, Map.of(), Map.of()));
            }
        }
        return rows;
    }

    /** Numbers sort numerically, corpus names in the order of {@link Corpus#NAMES}. */
    private static String sortKey(String value) {
        if (value.matches("\\d+")) {
            return String.format(Locale.ROOT, "%012d", Long.parseLong(value));
        }
        int index = Corpus.NAMES.indexOf(value);
        return index >= 0 ? "#" + index : value;
    }

    /** The baseline run of {@code method} whose parameters all equal those of {@code of} (it may have fewer). */
    private static Optional<BenchmarkResult> baseline(List<BenchmarkResult> results, BenchmarkResult of, String method) {
        return results.stream()
                .filter(r -> r.benchmarkClass().equals(of.benchmarkClass()) && r.method().equals(method)
                        && of.params().entrySet().containsAll(r.params().entrySet()))
                .findFirst();
    }

    private static double mbPerSecond(BenchmarkResult r) {
        return r.secondary("bytes") / 1e6;
    }

    private static double percentile(BenchmarkResult r, String key) {
        Double value = r.percentilesUs().get(key);
        return value == null ? Double.NaN : value;
    }

    private static String target(BenchmarkResult r) {
        if (Double.isNaN(r.opsPerSecond())) {
            return "no result";
        }
        String factory = r.param("factory");
        return factory.isEmpty() ? "-" : factory.substring(factory.lastIndexOf('.') + 1);
    }

    /** One goal line: what, the goal, the measured value, and met or by how much it is missed. */
    static String goal(String what, String goal, double measured, double bound, boolean atLeast) {
        if (Double.isNaN(measured)) {
            return what + ": " + goal + " - not measured (figure or baseline missing)";
        }
        boolean met = atLeast ? measured >= bound : measured <= bound;
        String value = String.format(Locale.ROOT, "%.2fx", measured);
        if (met) {
            return what + ": " + goal + " - **met** (" + value + ")";
        }
        double miss = atLeast ? (bound - measured) / bound : (measured - bound) / bound;
        return what + ": " + goal + " - **not met** (" + value + ", "
                + String.format(Locale.ROOT, "%.0f%%", miss * 100) + (atLeast ? " short)" : " over)");
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String mb(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String count(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }
}
