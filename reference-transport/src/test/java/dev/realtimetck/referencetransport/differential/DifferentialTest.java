package dev.realtimetck.referencetransport.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.ValidationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The differential test of issue #10: every scenario of {@code interop/differential/scenarios.json} runs against
 * the reference transport and is compared, field by field, with what the official TypeScript
 * {@code OpenAIRealtimeWebSocket} did (the golden file of the version pinned in
 * {@code interop/typescript/package.json}). A difference fails its scenario unless a row of
 * {@code interop/differential/DEPARTURES.md} lists it; a row that matches no difference fails the last test
 * (stale departure). Needs no Node: re-recording is {@code cd interop/typescript && npm ci && npm run differential}.
 */
class DifferentialTest {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final int MINIMUM_SCENARIOS = 40;
    private static MockRealtimeServer server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> differential() throws IOException {
        Path dir = differentialDir();
        String version = pinnedVersion(dir.resolveSibling("typescript").resolve("package.json"));
        Path goldenFile = dir.resolve("golden-agents-realtime-" + version + ".json");
        if (!Files.exists(goldenFile)) {
            fail("no golden file for the pinned @openai/agents-realtime " + version + " (" + goldenFile
                    + "); re-record: cd interop/typescript && npm ci && npm run differential");
        }
        JsonNode golden = MAPPER.readTree(goldenFile.toFile());
        List<JsonNode> scenarios = new ArrayList<>();
        MAPPER.readTree(dir.resolve("scenarios.json").toFile()).path("scenarios").forEach(scenarios::add);
        List<Departures.Departure> departures = Departures.read(dir.resolve("DEPARTURES.md"));
        Set<Departures.Departure> used = new LinkedHashSet<>();
        List<String> identical = new ArrayList<>();
        List<String> onlyGeneralRows = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        List<TraceDiff.Difference> all = new ArrayList<>();

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("golden file is recorded from the current scenarios", () -> {
            assertEquals(version, golden.path("version").asString(), "version inside " + goldenFile);
            assertTrue(scenarios.size() >= MINIMUM_SCENARIOS, "at least " + MINIMUM_SCENARIOS + " scenarios");
            List<String> expected = scenarios.stream().map(DifferentialTest::shape).toList();
            List<String> recorded = new ArrayList<>();
            golden.path("scenarios").forEach(s -> recorded.add(shape(s)));
            assertEquals(expected, recorded, "scenarios.json changed since " + goldenFile.getFileName()
                    + " was recorded; re-record: cd interop/typescript && npm ci && npm run differential");
        }));
        for (int i = 0; i < scenarios.size(); i++) {
            JsonNode scenario = scenarios.get(i);
            JsonNode recorded = golden.path("scenarios").path(i);
            String name = scenario.path("name").asString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                JsonNode java = new JavaScenarioRunner(server()).run(scenario);
                List<TraceDiff.Difference> differences = TraceDiff.compare(recorded, java);
                all.addAll(differences);
                List<TraceDiff.Difference> unlisted = new ArrayList<>();
                for (TraceDiff.Difference d : differences) {
                    List<Departures.Departure> covering = departures.stream().filter(p -> p.covers(d)).toList();
                    used.addAll(covering);
                    if (covering.isEmpty()) {
                        unlisted.add(d);
                    }
                }
                completed.add(name);
                if (differences.isEmpty()) {
                    identical.add(name);
                } else if (differences.stream().allMatch(d -> departures.stream()
                        .anyMatch(p -> p.scenario().equals("*") && p.covers(d)))) {
                    onlyGeneralRows.add(name);
                }
                if (!unlisted.isEmpty()) {
                    fail(name + ": " + unlisted.size() + " difference(s) from @openai/agents-realtime " + version
                            + " not listed in DEPARTURES.md (fix the transport or add a row with rule id and reason):\n"
                            + unlisted.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("departures table has no stale rows", () -> {
            System.out.println("differential: " + scenarios.size() + " scenarios against @openai/agents-realtime "
                    + version + ": " + identical.size() + " identical, " + onlyGeneralRows.size()
                    + " identical apart from the rows that apply to every scenario (scenario *), "
                    + departures.size() + " departure rows");
            writeReport(all, departures);
            assertEquals(scenarios.size(), completed.size(),
                    "every scenario must run to the end before stale rows can be judged");
            List<Departures.Departure> stale = departures.stream().filter(d -> !used.contains(d)).toList();
            if (!stale.isEmpty()) {
                fail("stale departure(s): no difference matches them any more, remove them from DEPARTURES.md:\n"
                        + stale.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
            }
        }));
        return tests.stream();
    }

    /** Every difference with the departure rows that cover it, for reading: target/differential-report.txt. */
    private static void writeReport(List<TraceDiff.Difference> all, List<Departures.Departure> departures)
            throws IOException {
        StringBuilder report = new StringBuilder();
        for (TraceDiff.Difference d : all) {
            report.append(d.scenario()).append(" | ").append(d).append("\n      listed: ")
                    .append(departures.stream().filter(p -> p.covers(d)).map(p -> "line " + p.line())
                            .collect(Collectors.joining(", ", "[", "]")))
                    .append("\n");
        }
        Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("differential-report.txt"), report);
    }

    /** The name and step ops of a scenario: what must agree between scenarios.json and the golden file. */
    private static String shape(JsonNode scenario) {
        List<String> ops = new ArrayList<>();
        scenario.path("steps").forEach(s -> ops.add(s.path("op").asString()));
        return scenario.path("name").asString() + " " + ops;
    }

    private static synchronized MockRealtimeServer server() {
        if (server == null) {
            server = MockRealtimeServer.builder().validation(ValidationMode.OFF)
                    .behaviorFactory(SessionBehaviorFactory.silent()).start();
        }
        return server;
    }

    /** interop/differential of this repository, found from the module directory Maven runs the tests in. */
    private static Path differentialDir() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path dir = module.resolveSibling("interop").resolve("differential");
        if (!Files.isDirectory(dir)) {
            fail("interop/differential not found beside the module directory " + module);
        }
        return dir;
    }

    private static String pinnedVersion(Path packageJson) throws IOException {
        JsonNode pinned = MAPPER.readTree(packageJson.toFile()).path("dependencies").path("@openai/agents-realtime");
        if (!pinned.isString()) {
            fail("@openai/agents-realtime is not pinned in " + packageJson);
        }
        return pinned.asString();
    }
}
