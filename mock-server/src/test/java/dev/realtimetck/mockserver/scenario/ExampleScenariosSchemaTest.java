package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.schema.OfficialSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example scenarios send protocol-correct events: every event they produce (templates rendered) is checked
 * against the server-event schemas of the official OpenAPI document (from {@code realtime-protocol-data}).
 */
class ExampleScenariosSchemaTest {

    private static final String DIR = "dev/realtimetck/mockserver/scenarios/";

    @Test
    void everyEventOfTheExamplesMatchesItsSchema() {
        OfficialSchemas official = OfficialSchemas.load();

        // the check is real: an event without its required fields fails
        assertThat(official.validateServerEvent(FakeSession.JSON.readTree("{\"type\":\"response.done\",\"event_id\":\"e\"}")))
                .isNotEmpty();

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
            for (String error : official.validateServerEvent(event)) {
                problems.add(type + ": " + error);
            }
        }
        assertThat(problems).isEmpty();
    }

    static List<JsonNode> functionCallTurn() {
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

    static List<JsonNode> audioReply() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "audio-reply.yaml"))).open();
        s.client("{\"type\":\"input_audio_buffer.commit\"}").client("{\"type\":\"response.create\"}");
        s.runAll();
        assertThat(s.problems()).isEmpty();
        return s.events();
    }

    static List<JsonNode> droppedMidResponse() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "dropped-mid-response.yaml"))).open();
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        return s.events();
    }
}
