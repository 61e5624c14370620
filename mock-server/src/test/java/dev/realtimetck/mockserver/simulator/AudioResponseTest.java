package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.assertError;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.ofType;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.G711;
import dev.realtimetck.api.audio.Pcm16;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AudioResponseTest {

    private static final String TEXT = "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\","
            + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"what time is it\"}]}}";
    private static final String REPLY = "You said: what time is it";

    private static byte[] joinedDeltas(List<ObjectNode> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ObjectNode e : ofType(events, "response.output_audio.delta")) {
            out.writeBytes(Base64.getDecoder().decode(e.path("delta").asString()));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"audio/pcm, 24000, 2", "audio/pcmu, 8000, 1", "audio/pcma, 8000, 1"})
    void audioArrivesInTheSessionFormatWithTheTranscript(String type, int rate, int bytesPerSample) {
        String format = type.equals("audio/pcm") ? "{\"type\":\"audio/pcm\",\"rate\":24000}"
                : "{\"type\":\"" + type + "\"}";
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"output\":{\"format\":" + format + "}}}");
        h.client(TEXT).client("{\"type\":\"response.create\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsSubsequence("response.created", "response.output_item.added",
                "conversation.item.added", "response.content_part.added", "response.output_audio.delta",
                "response.output_audio_transcript.delta", "response.output_audio.done",
                "response.output_audio_transcript.done", "response.content_part.done", "response.output_item.done",
                "conversation.item.done", "response.done");
        byte[] audio = joinedDeltas(events);
        long expectedMs = ReplyVoice.durationMillis(REPLY, SimulatorOptions.defaults().speechMillisPerCharacter());
        assertThat(audio.length).isEqualTo((int) (expectedMs * rate / 1000 * bytesPerSample));
        // each delta carries at most 100 ms
        for (ObjectNode delta : ofType(events, "response.output_audio.delta")) {
            assertThat(Base64.getDecoder().decode(delta.path("delta").asString()).length)
                    .isLessThanOrEqualTo(rate / 10 * bytesPerSample);
        }
        byte[] pcm = format.contains("pcmu") ? G711.decodeMulaw(audio)
                : format.contains("pcma") ? G711.decodeAlaw(audio) : audio;
        assertThat(Pcm16.toDbfs(Pcm16.rms(pcm))).as("the reply audio is audible").isGreaterThan(-30);
        String transcript = ofType(events, "response.output_audio_transcript.delta").stream()
                .map(e -> e.path("delta").asString()).collect(Collectors.joining());
        assertThat(transcript).isEqualTo(REPLY);
        assertThat(single(events, "response.output_audio_transcript.done").path("transcript").asString())
                .isEqualTo(REPLY);
        assertThat(single(events, "response.content_part.added").path("part").toString())
                .isEqualTo("{\"type\":\"audio\",\"transcript\":\"\"}");
        JsonNode done = single(events, "response.done").path("response");
        assertThat(done.path("audio").path("output").path("format").toString()).isEqualTo(format);
        assertThat(done.path("output").get(0).path("content").toString())
                .isEqualTo("[{\"type\":\"output_audio\",\"transcript\":\"" + REPLY + "\"}]");
        assertThat(done.path("usage").path("output_token_details").path("audio_tokens").asInt())
                .isEqualTo(TokenUsage.audioTokens(expectedMs));
    }

    @Test
    void responseCanOverrideTheOutputFormatAndModalities() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(TEXT).client("{\"type\":\"response.create\",\"response\":{\"audio\":{\"output\":{\"format\":"
                + "{\"type\":\"audio/pcmu\"}}}}}");
        List<ObjectNode> events = h.take();
        long expectedMs = ReplyVoice.durationMillis(REPLY, SimulatorOptions.defaults().speechMillisPerCharacter());
        assertThat(joinedDeltas(events)).hasSize((int) (expectedMs * 8));
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        assertThat(types(h.take())).doesNotContain("response.output_audio.delta").contains("response.output_text.done");
    }

    @Test
    void realtimePacingSpacesDeltasByTheirDuration() {
        SimulatorHarness h = SimulatorHarness.open(SimulatorOptions.builder()
                .pacing(SimulatorOptions.Pacing.REALTIME).audioChunk(Duration.ofMillis(200)).build());
        h.client(TEXT).client("{\"type\":\"response.create\"}");
        h.take();
        List<FakeSessionContext.Sent> deltas = h.ctx.sent().stream()
                .filter(s -> s.event().path("type").asString().equals("response.output_audio.delta")).toList();
        assertThat(deltas).hasSizeGreaterThan(3);
        for (int k = 0; k < deltas.size(); k++) {
            assertThat(deltas.get(k).atNanos() - deltas.get(0).atNanos()).isEqualTo(k * 200_000_000L);
        }
        long expectedMs = ReplyVoice.durationMillis(REPLY, SimulatorOptions.defaults().speechMillisPerCharacter());
        FakeSessionContext.Sent audioDone = h.ctx.sent().stream()
                .filter(s -> s.event().path("type").asString().equals("response.output_audio.done")).findFirst()
                .orElseThrow();
        assertThat((audioDone.atNanos() - deltas.get(0).atNanos()) / 1_000_000).isCloseTo(expectedMs, within(1L));
    }

    @Test
    void fastPacingSendsEverythingWithoutVirtualDelay() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(TEXT).client("{\"type\":\"response.create\"}");
        h.take();
        assertThat(h.ctx.nowNanos()).isZero();
    }

    @Test
    void outputAudioBufferClearStopsThePlayingResponse() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"output_audio_buffer.clear\",\"event_id\":\"o1\"}");
        assertError(h.take().get(0), "invalid_value", null, "o1");
        h.client(TEXT).client("{\"type\":\"response.create\"}");
        h.ctx.runUntil(e -> e.path("type").asString().equals("response.output_audio.delta"));
        String responseId = h.takeSent().get(2).path("response").path("id").asString();
        h.client("{\"type\":\"output_audio_buffer.clear\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).endsWith("response.done", "output_audio_buffer.cleared");
        assertThat(single(events, "response.done").path("response").path("status").asString()).isEqualTo("cancelled");
        assertThat(single(events, "output_audio_buffer.cleared").path("response_id").asString()).isEqualTo(responseId);
    }

    @Test
    void truncateDuringStreamingLimitsToTheAudioSentSoFar() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(TEXT).client("{\"type\":\"response.create\"}");
        h.ctx.runUntil(e -> e.path("type").asString().equals("response.output_audio.delta"));
        String itemId = single(h.takeSent(), "response.output_item.added").path("item").path("id").asString();
        h.client("{\"type\":\"conversation.item.truncate\",\"event_id\":\"t\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":150}");
        assertError(h.takeSent().get(0), "invalid_value", "audio_end_ms", "t");
        h.client("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":50}");
        assertThat(types(h.takeSent())).containsExactly("conversation.item.truncated");
        List<ObjectNode> rest = h.take();
        assertThat(single(rest, "conversation.item.done").path("item").path("content").get(0).path("transcript")
                .asString()).isEmpty();
        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        String b64 = single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0)
                .path("audio").asString();
        assertThat(Base64.getDecoder().decode(b64)).hasSize(50 * 48);
        assertThat(AudioFormat.PCM16_24K.durationMillis(50 * 48)).isEqualTo(50.0);
    }
}
