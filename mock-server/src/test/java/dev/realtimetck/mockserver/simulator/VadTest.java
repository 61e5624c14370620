package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class VadTest {

    private static final int FRAME_MS = 20;

    /** 1 s silence, 1.5 s speech, 1 s silence: speech from 1000 to 2500 ms. */
    private static short[] turn(int rate) {
        return TestSignals.concat(TestSignals.silence(1000, rate), TestSignals.speech(1500, rate),
                TestSignals.silence(1000, rate));
    }

    @Test
    void detectorReportsStartWithPaddingAndEndWithSilence() {
        VoiceActivityDetector vad = new VoiceActivityDetector(24000, FRAME_MS,
                SimulatorOptions.defaults().vadRmsThreshold(0.5), 300, 200, 0);
        List<VoiceActivityDetector.Event> events = vad.accept(turn(24000), 0);
        assertThat(events).hasSize(2);
        VoiceActivityDetector.SpeechStarted started = (VoiceActivityDetector.SpeechStarted) events.get(0);
        VoiceActivityDetector.SpeechStopped stopped = (VoiceActivityDetector.SpeechStopped) events.get(1);
        assertThat(started.audioStartMs()).isCloseTo(700L, within((long) FRAME_MS));
        assertThat(stopped.audioEndMs()).isCloseTo(2700L, within((long) FRAME_MS));
    }

    @Test
    void detectorIgnoresSilenceAndIsIndependentOfChunking() {
        VoiceActivityDetector quiet = new VoiceActivityDetector(24000, FRAME_MS,
                SimulatorOptions.defaults().vadRmsThreshold(0.5), 300, 200, 0);
        assertThat(quiet.accept(TestSignals.silence(5000, 24000), 0)).isEmpty();

        VoiceActivityDetector chunked = new VoiceActivityDetector(24000, FRAME_MS,
                SimulatorOptions.defaults().vadRmsThreshold(0.5), 300, 200, 0);
        short[] audio = turn(24000);
        List<VoiceActivityDetector.Event> events = new java.util.ArrayList<>();
        for (int from = 0; from < audio.length; from += 777) {
            events.addAll(chunked.accept(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 777)), 0));
        }
        VoiceActivityDetector whole = new VoiceActivityDetector(24000, FRAME_MS,
                SimulatorOptions.defaults().vadRmsThreshold(0.5), 300, 200, 0);
        assertThat(events).isEqualTo(whole.accept(audio, 0));
    }

    @Test
    void highThresholdHearsNothingInQuietSpeech() {
        short[] quiet = TestSignals.speech(1500, 24000);
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = (short) (quiet[i] / 100);
        }
        VoiceActivityDetector vad = new VoiceActivityDetector(24000, FRAME_MS,
                SimulatorOptions.defaults().vadRmsThreshold(0.9), 300, 200, 0);
        assertThat(vad.accept(quiet, 0)).isEmpty();
    }

    @Test
    void serverVadCommitsTheTurnAndCreatesAResponse() {
        SimulatorHarness h = SimulatorHarness.open();
        byte[] audio = TestSignals.encode(turn(24000), AudioFormat.PCM16_24K);
        for (int from = 0; from < audio.length; from += 4800) {
            h.append(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 4800)));
        }
        List<ObjectNode> events = h.take();
        assertThat(types(events)).startsWith("input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
                "input_audio_buffer.committed", "conversation.item.added", "conversation.item.done",
                "response.created");
        ObjectNode started = events.get(0);
        ObjectNode stopped = events.get(1);
        String itemId = started.path("item_id").asString();
        assertThat(started.path("audio_start_ms").asLong()).isCloseTo(700L, within((long) FRAME_MS));
        assertThat(stopped.path("audio_end_ms").asLong()).isCloseTo(2700L, within((long) FRAME_MS));
        assertThat(stopped.path("item_id").asString()).isEqualTo(itemId);
        assertThat(events.get(2).path("item_id").asString()).isEqualTo(itemId);
        assertThat(single(events, "response.done").path("response").path("status").asString()).isEqualTo("completed");

        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        String b64 = single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0)
                .path("audio").asString();
        long committedMs = java.util.Base64.getDecoder().decode(b64).length / 48;
        long expected = stopped.path("audio_end_ms").asLong() - started.path("audio_start_ms").asLong();
        assertThat(committedMs).isCloseTo(expected, within(1L));
    }

    @Test
    void createResponseFalseOnlyCommits() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"create_response\":false}}}}");
        h.append(TestSignals.encode(turn(24000), AudioFormat.PCM16_24K));
        assertThat(types(h.take())).containsExactly("input_audio_buffer.speech_started",
                "input_audio_buffer.speech_stopped", "input_audio_buffer.committed", "conversation.item.added",
                "conversation.item.done");
    }

    @Test
    void speechDuringAResponseInterruptsIt() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"tell me a long story please\"}]}}");
        h.client("{\"type\":\"response.create\"}");
        h.ctx.runUntil(e -> e.path("type").asString().equals("response.output_audio.delta"));
        h.append(TestSignals.encode(TestSignals.speech(400, 24000), AudioFormat.PCM16_24K));
        List<ObjectNode> events = h.takeSent();
        assertThat(types(events)).contains("input_audio_buffer.speech_started", "response.done");
        ObjectNode done = single(events, "response.done");
        assertThat(done.path("response").path("status").asString()).isEqualTo("cancelled");
        assertThat(done.path("response").path("status_details").path("reason").asString()).isEqualTo("turn_detected");
    }

    @Test
    void interruptResponseFalseLetsTheResponseFinish() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"interrupt_response\":false}}}}");
        h.client("{\"type\":\"response.create\"}");
        h.ctx.runUntil(e -> e.path("type").asString().equals("response.output_audio.delta"));
        h.append(TestSignals.encode(TestSignals.speech(400, 24000), AudioFormat.PCM16_24K));
        List<ObjectNode> events = h.take();
        assertThat(single(events, "response.done").path("response").path("status").asString()).isEqualTo("completed");
    }

    @Test
    void semanticVadAlsoDetectsTurns() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"semantic_vad\",\"eagerness\":\"high\"}}}}");
        h.append(TestSignals.encode(turn(24000), AudioFormat.PCM16_24K));
        List<ObjectNode> events = h.take();
        assertThat(single(events, "input_audio_buffer.speech_stopped").path("audio_end_ms").asLong())
                .isCloseTo(2700L, within((long) FRAME_MS));
    }

    @Test
    void g711InputIsDecodedBeforeDetection() {
        for (String type : new String[] {"audio/pcmu", "audio/pcma"}) {
            AudioFormat format = AudioFormat.parse(type);
            SimulatorHarness h = SimulatorHarness.open();
            h.update("{\"audio\":{\"input\":{\"format\":{\"type\":\"" + type + "\"}}}}");
            h.append(TestSignals.encode(turn(8000), format));
            List<ObjectNode> events = h.take();
            assertThat(single(events, "input_audio_buffer.speech_started").path("audio_start_ms").asLong())
                    .isCloseTo(700L, within((long) FRAME_MS));
            assertThat(single(events, "input_audio_buffer.speech_stopped").path("audio_end_ms").asLong())
                    .isCloseTo(2700L, within((long) FRAME_MS));
            String itemId = single(events, "input_audio_buffer.committed").path("item_id").asString();
            h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
            ObjectNode retrieved = single(h.take(), "conversation.item.retrieved");
            tools.jackson.databind.JsonNode part = retrieved.path("item").path("content").get(0);
            assertThat(part.path("format").path("type").asString()).isEqualTo(type);
            assertThat(java.util.Base64.getDecoder().decode(part.path("audio").asString()).length)
                    .isCloseTo(2000 * 8, within(8 * FRAME_MS));
        }
    }

    @Test
    void timelineContinuesAcrossTurns() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"create_response\":false}}}}");
        h.append(TestSignals.encode(turn(24000), AudioFormat.PCM16_24K));
        h.append(TestSignals.encode(turn(24000), AudioFormat.PCM16_24K));
        List<ObjectNode> events = h.take();
        List<ObjectNode> starts = SimulatorHarness.ofType(events, "input_audio_buffer.speech_started");
        assertThat(starts).hasSize(2);
        assertThat(starts.get(1).path("audio_start_ms").asLong()).isCloseTo(3500L + 700L, within((long) FRAME_MS));
        assertThat(starts.get(1).path("item_id").asString()).isNotEqualTo(starts.get(0).path("item_id").asString());
        List<ObjectNode> committed = SimulatorHarness.ofType(events, "input_audio_buffer.committed");
        assertThat(committed.get(1).path("previous_item_id").asString())
                .isEqualTo(committed.get(0).path("item_id").asString());
    }

    @Test
    void longSilenceBeforeSpeechIsNotKeptWhileIdle() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"create_response\":false}}}}");
        byte[] second = TestSignals.encode(TestSignals.silence(1000, 24000), AudioFormat.PCM16_24K);
        for (int i = 0; i < 40; i++) {
            h.append(second);
        }
        h.client("{\"type\":\"input_audio_buffer.commit\"}");
        String itemId = single(h.take(), "input_audio_buffer.committed").path("item_id").asString();
        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        String b64 = single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0)
                .path("audio").asString();
        assertThat(java.util.Base64.getDecoder().decode(b64).length / 48)
                .isEqualTo((int) SimulatedSession.MAX_IDLE_BUFFER_MS);
    }

    @Test
    void idleTimeoutCommitsTheSilenceAfterAResponseAndAnswersIt() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\",\"idle_timeout_ms\":6000}}}}");
        byte[] second = TestSignals.encode(TestSignals.silence(1000, 24000), AudioFormat.PCM16_24K);
        for (int i = 0; i < 8; i++) {
            h.append(second);
        }
        assertThat(h.take()).as("no timeout before any response").isEmpty();
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        h.take();
        for (int i = 0; i < 5; i++) {
            h.append(second);
        }
        assertThat(h.take()).as("5 s idle is below the timeout").isEmpty();
        h.append(second);
        List<ObjectNode> events = h.take();
        assertThat(types(events)).startsWith("input_audio_buffer.timeout_triggered", "input_audio_buffer.committed",
                "conversation.item.added", "conversation.item.done", "response.created");
        ObjectNode triggered = events.get(0);
        assertThat(triggered.path("audio_start_ms").asLong()).isEqualTo(8000);
        assertThat(triggered.path("audio_end_ms").asLong()).isEqualTo(14000);
        assertThat(events.get(1).path("item_id").asString()).isEqualTo(triggered.path("item_id").asString());
        for (int i = 0; i < 3; i++) {
            h.append(second);
        }
        assertThat(types(h.take())).doesNotContain("input_audio_buffer.timeout_triggered");
    }
}
