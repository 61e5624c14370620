package dev.realtimetck.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TCK run report: one verdict per catalogue rule, built from the verdicts of its tests, written as
 * {@code report.json} (stable keys, for tools) and {@code report.md} (for people). Keys and verdict names are
 * part of the TCK's public contract.
 */
public final class TckReport {

    /** One executed test of a rule. */
    public record TestOutcome(String rule, String test, String implementation, Verdict verdict, Duration duration,
                              String message) {
        /** Validates the fields. */
        public TestOutcome {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(implementation, "implementation");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** The verdict of one rule across its tests. */
    public record RuleOutcome(Rule rule, Verdict verdict, List<TestOutcome> tests) {
        /** Validates the fields. */
        public RuleOutcome {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(verdict, "verdict");
            tests = List.copyOf(tests);
        }

        /** The summed duration of the rule's tests. */
        public Duration duration() {
            return tests.stream().map(TestOutcome::duration).reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final RuleCatalogue catalogue;
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Instant started;
    private volatile KnownDeviations knownDeviations;

    /** An empty report for the given catalogue, started now. */
    public TckReport(RuleCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.started = Instant.now();
    }

    /** Adds (or replaces) a header value such as {@code implementation} or {@code timing}. */
    public synchronized void header(String key, String value) {
        if (value != null) {
            header.putIfAbsent(key, value);
        }
    }

    /**
     * Explains non-PASS rules with this table: the report shows each rule's {@code knownDeviation} and counts the
     * FAIL and NON_STRICT rules it does not explain.
     */
    public void knownDeviations(KnownDeviations table) {
        this.knownDeviations = table;
    }

    /** The explanation of a rule's verdict from the known-deviations table, or null (always null for PASS). */
    public KnownDeviations.Deviation deviation(RuleOutcome r) {
        KnownDeviations table = knownDeviations;
        if (table == null || r.verdict() == Verdict.PASS || r.verdict() == Verdict.NOT_RUN) {
            return null;
        }
        return table.of(r.rule().id()).orElse(null);
    }

    /** FAIL and NON_STRICT rules the known-deviations table does not explain (all of them without a table). */
    public List<RuleOutcome> unexplained() {
        return rules().stream().filter(r -> (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.NON_STRICT)
                && deviation(r) == null).toList();
    }

    /** Records one executed test. */
    public synchronized void add(TestOutcome outcome) {
        outcomes.add(Objects.requireNonNull(outcome, "outcome"));
    }

    /** Whether any TCK test was recorded. */
    public synchronized boolean isEmpty() {
        return outcomes.isEmpty();
    }

    /** The verdict of every catalogue rule, in catalogue order; rules with no recorded test are NOT_RUN. */
    public synchronized List<RuleOutcome> rules() {
        List<RuleOutcome> out = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            List<TestOutcome> tests = outcomes.stream().filter(o -> o.rule().equals(rule.id())).toList();
            Verdict verdict = tests.stream().map(TestOutcome::verdict).reduce(Verdict.NOT_RUN, Verdict::worst);
            out.add(new RuleOutcome(rule, verdict, tests));
        }
        return out;
    }

    /** Outcomes whose rule id is not in the catalogue (a TCK bug; reported, never dropped). */
    public synchronized List<TestOutcome> unknownRules() {
        return outcomes.stream().filter(o -> catalogue.find(o.rule()).isEmpty()).toList();
    }

    /** {@code TCK: 58 rules, 55 PASS, 0 FAIL, 2 NON_STRICT, 1 UNSUPPORTED} (plus NOT_RUN when some did not run). */
    public String summaryLine() {
        Map<Verdict, Integer> counts = counts();
        StringBuilder line = new StringBuilder("TCK: ").append(catalogue.rules().size()).append(" rules");
        for (Verdict v : List.of(Verdict.PASS, Verdict.FAIL, Verdict.NON_STRICT, Verdict.UNSUPPORTED)) {
            line.append(", ").append(counts.get(v)).append(' ').append(v);
        }
        if (counts.get(Verdict.NOT_RUN) > 0) {
            line.append(", ").append(counts.get(Verdict.NOT_RUN)).append(' ').append(Verdict.NOT_RUN);
        }
        return line.toString();
    }

    private Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        rules().forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    /** The JSON report. */
    public String toJson() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode run = root.putObject("run");
        run.put("tckVersion", catalogue.version());
        run.put("startedAt", started.toString());
        run.put("durationMs", Duration.between(started, Instant.now()).toMillis());
        Map<String, String> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(header);
        }
        snapshot.forEach(run::put);
        run.put("jvm", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        run.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        ObjectNode summary = root.putObject("summary");
        summary.put("rules", catalogue.rules().size());
        counts().forEach((v, n) -> summary.put(v.name(), n));
        summary.put("line", summaryLine());
        if (knownDeviations != null) {
            summary.put("knownDeviations", knownDeviations.transport());
            summary.put("unexplained", unexplained().size());
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleOutcome r : rules()) {
            ObjectNode node = rules.addObject();
            node.put("id", r.rule().id());
            node.put("level", r.rule().level().name());
            node.put("group", r.rule().group());
            node.put("sentence", r.rule().sentence());
            node.put("source", r.rule().source());
            node.put("capability", r.rule().capability() == null ? null : r.rule().capability().catalogueName());
            node.put("verdict", r.verdict().name());
            KnownDeviations.Deviation deviation = deviation(r);
            if (knownDeviations != null) {
                node.put("knownDeviation", deviation == null ? null : deviation.quirk());
                node.put("knownDeviationReason", deviation == null ? null : deviation.reason());
            }
            node.put("durationMs", r.duration().toMillis());
            node.put("message", r.tests().stream().filter(t -> t.verdict() == r.verdict() && t.message() != null)
                    .map(TestOutcome::message).findFirst().orElse(null));
            ArrayNode tests = node.putArray("tests");
            for (TestOutcome t : r.tests()) {
                ObjectNode test = tests.addObject();
                test.put("test", t.test());
                test.put("implementation", t.implementation());
                test.put("verdict", t.verdict().name());
                test.put("durationMs", t.duration().toMillis());
                test.put("message", t.message());
            }
        }
        ArrayNode unknown = root.putArray("unknownRules");
        unknownRules().forEach(t -> unknown.addObject().put("rule", t.rule()).put("test", t.test()));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The Markdown report: header, one row per rule, the details of every non-PASS test, the summary line. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("# Realtime TCK report\n\n");
        Map<String, String> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(header);
        }
        out.append("- TCK version: ").append(catalogue.version()).append('\n');
        snapshot.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append("- JVM: ").append(System.getProperty("java.version")).append(", OS: ")
                .append(System.getProperty("os.name")).append('\n');
        out.append("\n**").append(summaryLine()).append("**\n\n");
        boolean deviations = knownDeviations != null;
        if (deviations) {
            out.append("Known deviations: ").append(knownDeviations.transport()).append("; unexplained FAIL or "
                    + "NON_STRICT rules: ").append(unexplained().size()).append("\n\n");
            out.append("| Rule | Level | Verdict | Known deviation | Tests | ms | Rule text |\n"
                    + "|---|---|---|---|---|---|---|\n");
        } else {
            out.append("| Rule | Level | Verdict | Tests | ms | Rule text |\n|---|---|---|---|---|---|\n");
        }
        List<RuleOutcome> rules = rules();
        for (RuleOutcome r : rules) {
            out.append("| ").append(r.rule().id()).append(" | ").append(r.rule().level()).append(" | ")
                    .append(r.verdict()).append(" | ");
            if (deviations) {
                KnownDeviations.Deviation d = deviation(r);
                out.append(d == null ? "" : d.quirk()).append(" | ");
            }
            out.append(r.tests().size()).append(" | ")
                    .append(r.duration().toMillis()).append(" | ").append(r.rule().sentence().replace("|", "\\|"))
                    .append(" |\n");
        }
        Set<String> shown = new LinkedHashSet<>();
        for (RuleOutcome r : rules) {
            for (TestOutcome t : r.tests()) {
                if (t.verdict() != Verdict.PASS && t.message() != null && shown.add(t.rule() + t.test())) {
                    if (shown.size() == 1) {
                        out.append("\n## Details\n");
                    }
                    out.append("\n### ").append(t.rule()).append(' ').append(t.verdict()).append(": ")
                            .append(t.test()).append("\n\n");
                    KnownDeviations.Deviation d = deviation(r);
                    if (d != null) {
                        out.append("Known deviation ").append(d.quirk()).append(": ").append(d.reason()).append("\n\n");
                    }
                    out.append("```\n").append(t.message()).append("\n```\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * Writes {@code report.json} and {@code report.md} into {@code dir} (created if needed).
     *
     * @throws IOException when the files cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), toJson(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.md"), toMarkdown(), StandardCharsets.UTF_8);
    }
}
