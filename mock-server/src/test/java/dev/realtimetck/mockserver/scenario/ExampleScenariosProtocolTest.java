package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped example scenarios and the README's scenario examples are valid against the project's own protocol
 * schemas ({@link ProtocolSchemas}, the ones the server enforces in STRICT mode): each loads with the default,
 * schema-checking loader, and every event the examples produce once rendered is a complete server event.
 */
class ExampleScenariosProtocolTest {

    private static final String DIR = "dev/realtimetck/mockserver/scenarios/";
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyShippedExampleLoadsWithTheSchemaCheckingLoader() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.list(classpathDir())) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(names).contains("audio-reply.yaml", "dropped-mid-response.yaml", "function-call-turn.yaml");
        for (String name : names) {
            assertThat(ScenarioLoader.defaults().fromClasspath(DIR + name).steps()).as(name).isNotEmpty();
        }
    }

    @Test
    void everyEventTheExamplesRenderIsACompleteServerEvent() {
        List<JsonNode> events = new ArrayList<>();
        events.addAll(ExampleScenariosSchemaTest.functionCallTurn());
        events.addAll(ExampleScenariosSchemaTest.audioReply());
        events.addAll(ExampleScenariosSchemaTest.droppedMidResponse());
        assertThat(events).hasSizeGreaterThan(20);
        assertThat(problems(events)).isEmpty();
    }

    @Test
    void theCheckIsReal() {
        JsonNode partial = FakeSession.JSON.readTree("{\"type\":\"session.created\",\"session\":{\"type\":\"realtime\"}}");
        assertThat(problems(List.of(partial))).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("session.created"));
    }

    @Test
    void theSessionPlaceholderRendersACompleteSessionObject() {
        for (String format : List.of("audio/pcm", "audio/pcmu", "audio/pcma")) {
            Scenario scenario = Scenario.parse("audio_format: " + format + "\nsteps:\n"
                    + "  - send: {type: session.created, session: \"{{session}}\"}\n"
                    + "  - send: {type: session.updated, session: \"{{session}}\"}\n", "s.yaml");
            FakeSession s = new FakeSession(new ScenarioBehavior(scenario)).open();
            s.runAll();
            assertThat(s.problems()).isEmpty();
            assertThat(s.types()).containsExactly("session.created", "session.updated");
            JsonNode session = s.events().get(0).get("session");
            assertThat(session.path("object").asString()).isEqualTo("realtime.session");
            assertThat(session.path("model").asString()).isNotEmpty();
            assertThat(session.at("/audio/output/format/type").asString()).isEqualTo(format);
            assertThat(problems(s.events())).as(format).isEmpty();
        }
    }

    @Test
    void everyYamlExampleOfTheReadmeLoadsAndRendersValidEvents() throws Exception {
        Path readme = Path.of(System.getProperty("basedir", "."), "README.md");
        assertThat(readme).isRegularFile();
        String text = Files.readString(readme);
        int start = text.indexOf("## Scenarios and replay");
        assertThat(start).as("README section '## Scenarios and replay'").isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        String section = end < 0 ? text.substring(start) : text.substring(start, end);
        Matcher m = YAML_BLOCK.matcher(section);
        int count = 0;
        while (m.find()) {
            count++;
            Scenario scenario = ScenarioLoader.defaults().parse(m.group(1), "README example " + count);
            FakeSession s = new FakeSession(new ScenarioBehavior(scenario)).open();
            // a plausible client turn, so steps after the first expect and the rules render too
            s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is the weather?\"}]}}");
            s.client("{\"type\":\"input_audio_buffer.commit\"}");
            s.client("{\"type\":\"response.create\"}");
            s.runAll();
            assertThat(s.events()).as("README example " + count).hasSizeGreaterThan(1);
            assertThat(problems(s.events())).as("README example " + count).isEmpty();
        }
        assertThat(count).as("yaml examples in the README section").isPositive();
    }

    private static List<String> problems(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode sent : events) {
            ObjectNode event = (ObjectNode) sent.deepCopy();
            if (!event.has("event_id")) {
                event.put("event_id", "event_added_by_server");
            }
            ProtocolSchemas.get().validateServerEvent(event)
                    .forEach(v -> out.add(event.path("type").asString() + " " + v.pointer() + ": " + v.message()));
        }
        return out;
    }

    private static Path classpathDir() throws URISyntaxException {
        return Path.of(ExampleScenariosProtocolTest.class.getClassLoader().getResource(DIR).toURI());
    }
}
