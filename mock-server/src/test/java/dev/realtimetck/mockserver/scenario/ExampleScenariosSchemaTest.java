package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example scenarios send protocol-correct events: every event they produce (templates rendered) is checked
 * against the server-event schemas of the OpenAPI document in the shared reference directory (read at run time;
 * skipped when it is absent).
 */
class ExampleScenariosSchemaTest {

    private static final String DOC = "urn:realtimetck:openapi-subset";
    private static final String DIR = "dev/realtimetck/mockserver/scenarios/";

    @Test
    void everyEventOfTheExamplesMatchesItsSchema() throws Exception {
        String shared = System.getProperty("realtimetck.shared.dir");
        Assumptions.assumeTrue(shared != null, "system property realtimetck.shared.dir is not set");
        Path doc = Path.of(shared, "openai-realtime", "openapi-realtime-subset.json");
        Assumptions.assumeTrue(Files.isRegularFile(doc), "the OpenAPI subset is absent: " + doc);
        String text = Files.readString(doc);
        Map<String, String> schemaByType = new HashMap<>();
        FakeSession.JSON.readTree(text).path("components").path("schemas").properties().forEach(e -> {
            JsonNode typeEnum = e.getValue().path("properties").path("type").path("enum");
            if (e.getKey().startsWith("RealtimeServerEvent") && typeEnum.size() == 1) {
                schemaByType.put(typeEnum.get(0).asString(), e.getKey());
            }
        });
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(DOC, text)));

        // the check is real: an event without its required fields fails
        assertThat(registry.getSchema(SchemaLocation.of(DOC + "#/components/schemas/" + schemaByType.get("response.done")))
                .validate(FakeSession.JSON.readTree("{\"type\":\"response.done\",\"event_id\":\"e\"}"))).isNotEmpty();

        List<JsonNode> events = new ArrayList<>();
        events.addAll(functionCallTurn());
        events.addAll(audioReply());
        events.addAll(droppedMidResponse());
        assertThat(events).hasSizeGreaterThan(20);

        List<String> problems = new ArrayList<>();
        for (JsonNode sent : events) {
            ObjectNode event = (ObjectNode) sent.deepCopy();
            if (!event.has("event_id")) {
                event.put("event_id", "event_added_by_server");
            }
            String type = event.path("type").asString();
            String name = schemaByType.get(type);
            if (name == null) {
                problems.add("no schema for " + type);
                continue;
            }
            Schema schema = registry.getSchema(SchemaLocation.of(DOC + "#/components/schemas/" + name));
            for (Error error : schema.validate(event)) {
                problems.add(type + ": " + error);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<JsonNode> functionCallTurn() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "function-call-turn.yaml"))).open();
        s.client("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"weather?\"}]}}");
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\"call_1\","
                + "\"output\":\"sunny\"}}");
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        assertThat(s.problems()).isEmpty();
        return s.events();
    }

    private static List<JsonNode> audioReply() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "audio-reply.yaml"))).open();
        s.client("{\"type\":\"input_audio_buffer.commit\"}").client("{\"type\":\"response.create\"}");
        s.runAll();
        assertThat(s.problems()).isEmpty();
        return s.events();
    }

    private static List<JsonNode> droppedMidResponse() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "dropped-mid-response.yaml"))).open();
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        return s.events();
    }
}
