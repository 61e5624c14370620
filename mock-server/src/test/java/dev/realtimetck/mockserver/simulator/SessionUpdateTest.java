package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.assertError;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SessionUpdateTest {

    @Test
    void openingSendsAFullGaSessionThenTheConversation() {
        SimulatorHarness h = SimulatorHarness.fresh("gpt-realtime-test");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("session.created", "conversation.created");
        JsonNode s = events.get(0).get("session");
        assertThat(events.get(0).path("event_id").asString()).startsWith("event_");
        assertThat(s.path("id").asString()).isEqualTo("sess_fake");
        assertThat(s.path("type").asString()).isEqualTo("realtime");
        assertThat(s.path("object").asString()).isEqualTo("realtime.session");
        assertThat(s.path("model").asString()).isEqualTo("gpt-realtime-test");
        assertThat(s.path("output_modalities").toString()).isEqualTo("[\"audio\"]");
        assertThat(s.path("tools").isArray()).isTrue();
        assertThat(s.path("tool_choice").asString()).isEqualTo("auto");
        assertThat(s.path("max_output_tokens").asString()).isEqualTo("inf");
        assertThat(s.path("tracing").isNull()).isTrue();
        JsonNode input = s.path("audio").path("input");
        assertThat(input.path("format").toString()).isEqualTo("{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertThat(input.path("transcription").isNull()).isTrue();
        assertThat(input.path("noise_reduction").isNull()).isTrue();
        JsonNode td = input.path("turn_detection");
        assertThat(td.path("type").asString()).isEqualTo("server_vad");
        assertThat(td.path("threshold").asDouble()).isEqualTo(0.5);
        assertThat(td.path("prefix_padding_ms").asInt()).isEqualTo(300);
        assertThat(td.path("silence_duration_ms").asInt()).isEqualTo(200);
        assertThat(td.path("create_response").asBoolean()).isTrue();
        assertThat(td.path("interrupt_response").asBoolean()).isTrue();
        assertThat(td.has("idle_timeout_ms")).isTrue();
        JsonNode output = s.path("audio").path("output");
        assertThat(output.path("voice").asString()).isEqualTo("alloy");
        assertThat(output.path("speed").asDouble()).isEqualTo(1.0);
        JsonNode conv = events.get(1).get("conversation");
        assertThat(conv.path("id").asString()).startsWith("conv_");
        assertThat(conv.path("object").asString()).isEqualTo("realtime.conversation");
    }

    @Test
    void modelDefaultsWhenTheHandshakeNamedNone() {
        SimulatorHarness h = SimulatorHarness.fresh(null);
        assertThat(h.take().get(0).path("session").path("model").asString()).isEqualTo("gpt-realtime");
    }

    @Test
    void updateMergesOnlyTheGivenFieldsAndAnswersWithTheWholeSession() {
        SimulatorHarness h = SimulatorHarness.open();
        ObjectNode updated = h.update("{\"type\":\"realtime\",\"instructions\":\"be brief\","
                + "\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcmu\"}},"
                + "\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":500}}}}");
        JsonNode s = updated.get("session");
        assertThat(s.path("instructions").asString()).isEqualTo("be brief");
        assertThat(s.path("audio").path("output").path("format").toString()).isEqualTo("{\"type\":\"audio/pcmu\"}");
        assertThat(s.path("audio").path("output").path("voice").asString()).isEqualTo("alloy");
        assertThat(s.path("audio").path("input").path("format").path("rate").asInt()).isEqualTo(24000);
        JsonNode td = s.path("audio").path("input").path("turn_detection");
        assertThat(td.path("silence_duration_ms").asInt()).isEqualTo(500);
        assertThat(td.path("threshold").asDouble()).isEqualTo(0.5);
        assertThat(s.path("model").asString()).isEqualTo("gpt-realtime");
        assertThat(s.path("id").asString()).isEqualTo("sess_fake");
    }

    @Test
    void nullTurnsTurnDetectionOffAndLegacyFormatStringsNormalize() {
        SimulatorHarness h = SimulatorHarness.open();
        JsonNode s = h.update("{\"audio\":{\"input\":{\"turn_detection\":null,\"format\":\"g711_alaw\"}},"
                + "\"output_modalities\":[\"text\"]}").get("session");
        assertThat(s.path("audio").path("input").path("turn_detection").isNull()).isTrue();
        assertThat(s.path("audio").path("input").path("format").toString()).isEqualTo("{\"type\":\"audio/pcma\"}");
        assertThat(s.path("output_modalities").toString()).isEqualTo("[\"text\"]");
    }

    @Test
    void changingTheModelIsRejectedAndLeavesTheSessionAsItWas() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"session.update\",\"event_id\":\"ev1\",\"session\":{\"model\":\"other\","
                + "\"instructions\":\"x\"}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("error");
        assertError(events.get(0), "invalid_value", "session.model", "ev1");
        JsonNode s = h.update("{}").get("session");
        assertThat(s.path("model").asString()).isEqualTo("gpt-realtime");
        assertThat(s.path("instructions").asString()).isNotEqualTo("x");
    }

    @Test
    void unknownAudioFormatIsRejectedNamingTheParam() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"session.update\",\"event_id\":\"ev2\",\"session\":{\"audio\":{\"input\":"
                + "{\"format\":{\"type\":\"audio/mp3\"}}}}}");
        List<ObjectNode> events = h.take();
        assertError(events.get(0), "invalid_value", "session.audio.input.format", "ev2");
    }

    @Test
    void voiceIsFixedOnceAudioWasProduced() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"output\":{\"voice\":\"marin\"}}}");
        h.client("{\"type\":\"response.create\"}");
        h.take();
        h.client("{\"type\":\"session.update\",\"event_id\":\"ev3\",\"session\":{\"audio\":{\"output\":"
                + "{\"voice\":\"verse\"}}}}");
        assertError(h.take().get(0), "invalid_value", "session.audio.output.voice", "ev3");
    }

    @Test
    void unknownClientEventTypeGetsAnErrorAndTheSessionGoesOn() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"session.frobnicate\",\"event_id\":\"ev4\"}");
        assertError(h.take().get(0), "invalid_event", "type", "ev4");
        assertThat(types(List.of(h.update("{}")))).containsExactly("session.updated");
    }
}
