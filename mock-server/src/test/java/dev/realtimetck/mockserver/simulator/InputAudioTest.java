package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.assertError;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.ofType;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class InputAudioTest {

    private static SimulatorHarness manualTurns() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":null}}}");
        return h;
    }

    @Test
    void commitCreatesAUserAudioItemHoldingTheAppendedAudio() {
        SimulatorHarness h = manualTurns();
        byte[] audio = TestSignals.encode(TestSignals.speech(500, 24000), AudioFormat.PCM16_24K);
        // split at an odd byte to check a sample split across appends survives
        h.append(Arrays.copyOf(audio, 1001)).append(Arrays.copyOfRange(audio, 1001, audio.length));
        assertThat(h.take()).isEmpty();
        h.client("{\"type\":\"input_audio_buffer.commit\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("input_audio_buffer.committed", "conversation.item.added",
                "conversation.item.done");
        String itemId = events.get(0).path("item_id").asString();
        assertThat(events.get(0).path("previous_item_id").isNull()).isTrue();
        JsonNode item = events.get(1).path("item");
        assertThat(item.path("id").asString()).isEqualTo(itemId);
        assertThat(item.path("role").asString()).isEqualTo("user");
        assertThat(item.path("content").get(0).path("type").asString()).isEqualTo("input_audio");
        assertThat(item.path("content").get(0).has("audio")).isFalse();
        // the key is present (null until transcribed): the official TS transport rejects a part without it
        assertThat(item.path("content").get(0).path("transcript").isNull()).isTrue();
        assertThat(events.get(2).path("item").path("content").get(0).path("transcript").isNull()).isTrue();

        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        JsonNode part = single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0);
        assertThat(Base64.getDecoder().decode(part.path("audio").asString())).isEqualTo(audio);

        h.append(audio).client("{\"type\":\"input_audio_buffer.commit\"}");
        assertThat(h.take().get(0).path("previous_item_id").asString()).isEqualTo(itemId);
    }

    @Test
    void emptyOrTooShortCommitIsAnError() {
        SimulatorHarness h = manualTurns();
        h.client("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"c1\"}");
        assertError(h.take().get(0), "input_audio_buffer_commit_empty", null, "c1");
        h.append(TestSignals.encode(TestSignals.speech(50, 24000), AudioFormat.PCM16_24K));
        h.client("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"c2\"}");
        List<ObjectNode> events = h.take();
        assertError(events.get(0), "input_audio_buffer_commit_empty", null, "c2");
        assertThat(events.get(0).path("error").path("message").asString()).contains("50.00ms");
    }

    @Test
    void clearEmptiesTheBuffer() {
        SimulatorHarness h = manualTurns();
        h.append(TestSignals.encode(TestSignals.speech(300, 24000), AudioFormat.PCM16_24K));
        h.client("{\"type\":\"input_audio_buffer.clear\"}");
        assertThat(types(h.take())).containsExactly("input_audio_buffer.cleared");
        h.client("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"c3\"}");
        assertError(h.take().get(0), "input_audio_buffer_commit_empty", null, "c3");
    }

    @Test
    void invalidBase64IsAnError() {
        SimulatorHarness h = manualTurns();
        h.client("{\"type\":\"input_audio_buffer.append\",\"event_id\":\"a1\",\"audio\":\"%%%\"}");
        assertError(h.take().get(0), "invalid_value", "audio", "a1");
    }

    @Test
    void transcriptionEventsFollowTheCommitWhenConfigured() {
        SimulatorHarness h = manualTurns();
        h.update("{\"audio\":{\"input\":{\"transcription\":{\"model\":\"whisper-1\"}}}}");
        h.append(TestSignals.encode(TestSignals.speech(1200, 24000), AudioFormat.PCM16_24K));
        h.client("{\"type\":\"input_audio_buffer.commit\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).startsWith("input_audio_buffer.committed", "conversation.item.added",
                "conversation.item.done", "conversation.item.input_audio_transcription.delta");
        assertThat(types(events)).last().isEqualTo("conversation.item.input_audio_transcription.completed");
        String itemId = events.get(0).path("item_id").asString();
        ObjectNode completed = single(events, "conversation.item.input_audio_transcription.completed");
        assertThat(completed.path("transcript").asString()).isEqualTo("[mock transcript: 1.2 s of audio]");
        assertThat(completed.path("item_id").asString()).isEqualTo(itemId);
        assertThat(completed.path("content_index").asInt()).isZero();
        assertThat(completed.path("usage").path("type").asString()).isEqualTo("tokens");
        String joined = String.join("", ofType(events, "conversation.item.input_audio_transcription.delta").stream()
                .map(e -> e.path("delta").asString()).toList());
        assertThat(joined).isEqualTo(completed.path("transcript").asString());
        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        assertThat(single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0)
                .path("transcript").asString()).isEqualTo("[mock transcript: 1.2 s of audio]");
    }

    @Test
    void noTranscriptionEventsWithoutTranscription() {
        SimulatorHarness h = manualTurns();
        h.append(TestSignals.encode(TestSignals.speech(300, 24000), AudioFormat.PCM16_24K));
        h.client("{\"type\":\"input_audio_buffer.commit\"}");
        assertThat(types(h.take())).noneMatch(t -> t.contains("transcription"));
    }

    @Test
    void audioReplyToAudioInputUsesTheFixedSentence() {
        SimulatorHarness h = manualTurns();
        h.append(TestSignals.encode(TestSignals.speech(300, 24000), AudioFormat.PCM16_24K));
        h.client("{\"type\":\"input_audio_buffer.commit\"}").client("{\"type\":\"response.create\"}");
        List<ObjectNode> events = h.take();
        assertThat(single(events, "response.output_audio_transcript.done").path("transcript").asString())
                .isEqualTo("I heard your audio message.");
        JsonNode usage = single(events, "response.done").path("response").path("usage");
        assertThat(usage.path("input_token_details").path("audio_tokens").asInt()).isEqualTo(6);
        assertThat(usage.path("output_token_details").path("audio_tokens").asInt())
                .isCloseTo((int) (27 * 60 / 50.0), within(1));
    }
}
