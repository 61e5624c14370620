package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExampleScenariosTest {

    private static final String DIR = "dev/realtimetck/mockserver/scenarios/";

    @Test
    void functionCallTurnRunsToTheEnd() {
        Scenario scenario = Scenario.fromClasspath(DIR + "function-call-turn.yaml");
        FakeSession s = new FakeSession(new ScenarioBehavior(scenario)).open();
        s.client("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is the weather in Paris?\"}]}}");
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        JsonNode call = s.events().stream().filter(e -> e.path("type").asString().equals("response.function_call_arguments.done"))
                .findFirst().orElseThrow();
        String callId = call.get("call_id").asString();
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + callId + "\",\"output\":\"{\\\"sky\\\":\\\"sunny\\\"}\"}}");
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        assertThat(s.problems()).isEmpty();
        assertThat(s.types()).startsWith("session.created", "session.updated", "conversation.item.added", "response.created")
                .endsWith("response.output_item.done", "response.done");
        assertThat(s.types()).filteredOn("response.done"::equals).hasSize(2);
        JsonNode added = s.events().get(2);
        assertThat(added.at("/item/content/0/text").asString()).isEqualTo("What is the weather in Paris?");
        JsonNode outputAdded = s.events().stream().filter(e -> e.at("/item/type").asString("").equals("function_call_output"))
                .findFirst().orElseThrow();
        assertThat(outputAdded.at("/item/call_id").asString()).isEqualTo(callId);
        assertThat(outputAdded.at("/item/output").asString()).isEqualTo("{\"sky\":\"sunny\"}");
        assertThat(s.events()).filteredOn(e -> e.has("response_id"))
                .extracting(e -> e.get("response_id").asString()).containsOnly(
                        s.events().get(3).at("/response/id").asString(),
                        s.events().get(s.events().size() - 1).at("/response/id").asString());
    }

    @Test
    void droppedMidResponseSendsMalformedFrameThenDrops() {
        FakeSession s = new FakeSession(new ScenarioBehavior(Scenario.fromClasspath(DIR + "dropped-mid-response.yaml"))).open();
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.dropped()).isFalse();
        s.advance(Duration.ofMillis(50));
        assertThat(s.frames()).extracting(FakeSession.Frame::kind).containsExactly("event", "event", "text");
        assertThat(s.dropped()).isTrue();
        assertThat(s.closeCode()).isNull();
    }
}
