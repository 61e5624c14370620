package dev.realtimetck.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.realtimetck.tck.KnownDeviations;
import dev.realtimetck.tck.TckReportListener;
import dev.realtimetck.tck.TckTiming;
import dev.realtimetck.tck.bridge.AdapterCommand;
import dev.realtimetck.tck.bridge.BridgeTck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar realtime-tck-runner.jar --adapter "node my-adapter.mjs"}: runs the TCK over the bridge on the
 * adapter's transport (JUnit Platform launcher, {@link BridgeTck}) and writes {@code report.json} and
 * {@code report.md}. Exit status: 0 when no rule FAILs (with {@code --known-deviations}: when every FAIL and
 * NON_STRICT rule is explained by the table), 1 otherwise, 2 for a usage error.
 */
@Command(name = "realtime-tck-runner", mixinStandardHelpOptions = true, version = "Realtime TCK runner 0.1.0",
        sortOptions = false, description = "Runs the Realtime TCK over the bridge protocol (tck/BRIDGE.md) on the "
        + "transport of an adapter process, and writes report.json and report.md.")
public final class TckRunner implements Callable<Integer> {

    /** The rule groups (JUnit tags). */
    static final List<String> GROUPS = List.of("conn", "client", "server", "seq", "resil", "thread");

    @Option(names = "--adapter", required = true, paramLabel = "COMMAND",
            description = "adapter command line, for example \"node my-adapter.mjs\" (split on spaces; quotes group "
                    + "words; no shell)")
    String adapter;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP",
            description = "run only these rule groups: conn, client, server, seq, resil, thread (default: all)")
    List<String> groups = new ArrayList<>();

    @Option(names = "--strict", description = "a violated SHOULD rule is a FAIL (default: NON_STRICT)")
    boolean strict;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "multiply every wait by FACTOR, for slow machines or slow adapters (default: ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--signal-timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "longest wait for something that must happen, before scaling (default: ${DEFAULT-VALUE})")
    long signalTimeoutMs;

    @Option(names = "--no-signal-ms", paramLabel = "MS", defaultValue = "300",
            description = "window of checks that something must not happen, before scaling (default: ${DEFAULT-VALUE})")
    long noSignalMs;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "tck-report",
            description = "where report.json and report.md go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--known-deviations", paramLabel = "FILE",
            description = "JSON table of rule id to the quirk that explains its non-PASS verdict; shown in the report, "
                    + "and the run fails only on FAIL or NON_STRICT rules the table does not explain")
    Path knownDeviations;

    private final PrintStream out;

    TckRunner(PrintStream out) {
        this.out = out;
    }

    /** Runs the command line; exits with its status. */
    public static void main(String[] args) {
        // the embedded mock servers log through SLF4J; keep the console for the TCK's own output
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.exit(run(args, System.out));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int run(String[] args, PrintStream out) {
        return new CommandLine(new TckRunner(out)).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        for (String g : groups) {
            if (!GROUPS.contains(g)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--groups: unknown group '" + g
                        + "'; known: " + String.join(", ", GROUPS));
            }
        }
        KnownDeviations table;
        try {
            AdapterCommand.split(adapter);
            table = knownDeviations == null ? null : KnownDeviations.read(knownDeviations);
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put(BridgeTck.ADAPTER, adapter);
        config.put("tck.strict", Boolean.toString(strict));
        config.put("tck.timeScale", Double.toString(timeScale));
        config.put("tck.signalTimeoutMs", Long.toString(signalTimeoutMs));
        config.put("tck.noSignalMs", Long.toString(noSignalMs));
        config.put(TckReportListener.REPORT_DIR, reportDir.toString());
        if (knownDeviations != null) {
            config.put(KnownDeviations.PARAMETER, knownDeviations.toString());
        }
        // BridgeTck and TckTiming.fromSystem() read system properties; JUnit reads the configuration parameters.
        // Restored afterwards, for callers that run the runner inside their own JVM (tests).
        Map<String, String> previous = new LinkedHashMap<>();
        config.keySet().forEach(k -> previous.put(k, System.getProperty(k)));
        config.forEach(System::setProperty);
        try {
            return launch(config, table);
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private int launch(Map<String, String> config, KnownDeviations table) throws IOException {
        TckTiming timing = TckTiming.fromSystem();
        out.println("Realtime TCK over the bridge: adapter `" + adapter + "`, groups "
                + (groups.isEmpty() ? "all" : String.join(",", groups)) + ", " + timing.describe()
                + (strict ? ", strict" : ""));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(BridgeTck.class)).configurationParameters(config);
        if (!groups.isEmpty()) {
            request.filters(new GroupFilter(groups));
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        long start = System.nanoTime();
        launcher.execute(discovery, new ProgressListener(out));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path json = reportDir.resolve("report.json");
        if (!Files.exists(json)) {
            out.println("No report was written (did any TCK test run?)");
            return 1;
        }
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(json, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : report.path("rules")) {
            String verdict = rule.path("verdict").asString("");
            boolean explained = table != null && rule.path("knownDeviation").isString();
            boolean counts = verdict.equals("FAIL") || table != null && verdict.equals("NON_STRICT");
            if (counts && !explained) {
                problems.add(rule.path("id").asString() + " " + verdict);
            }
        }
        out.println(report.path("summary").path("line").asString() + " in " + took.toSeconds() + " s; report: "
                + reportDir.resolve("report.md"));
        if (!problems.isEmpty()) {
            out.println((table == null ? "Failed rules: " : "Not explained by " + knownDeviations + ": ")
                    + String.join(", ", problems));
            return 1;
        }
        return 0;
    }
}
