package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioTemplatesTest {

    private static byte[] delta(FakeSession s, int index) {
        return Base64.getDecoder().decode(s.events().get(index).get("delta").asString());
    }

    private static FakeSession run(String yaml) {
        return new FakeSession(new ScenarioBehavior(new ScenarioLoader(ServerEventCheck.NONE).parse(yaml, "a.yaml"))).open();
    }

    @Test
    void generatedAudioHasTheRequestedLengthInTheSessionFormat() {
        FakeSession s = run("""
                steps:
                  - send: {type: response.output_audio.delta, delta: "{{audio 200}}"}
                  - expect: {type: session.update}
                  - send: {type: response.output_audio.delta, delta: "{{audio 200}}"}
                """);
        byte[] pcm = delta(s, 0);
        assertThat(pcm).hasSize(200 * 24_000 * 2 / 1000);
        assertThat(pcm).containsExactly(SyntheticAudio.tone(AudioFormat.PCM16_24K, Duration.ofMillis(200), 440, 0.3));
        s.client("{\"type\":\"session.update\",\"session\":{\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}}");
        assertThat(delta(s, 1)).hasSize(200 * 8);
    }

    @Test
    void scenarioAudioFormatIsTheDefault() {
        FakeSession s = run("""
                audio_format: audio/pcma
                steps:
                  - send: {type: response.output_audio.delta, delta: "{{audio 50}}"}
                """);
        assertThat(delta(s, 0)).hasSize(400);
    }

    @Test
    void wavFileIsSentInTheSessionFormat(@TempDir Path dir) throws Exception {
        byte[] samples = SyntheticAudio.tone(new AudioFormat.Pcm(8000), Duration.ofMillis(100), 300, 0.5);
        Path wav = dir.resolve("hello.wav");
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(8000), samples), wav);
        String path = wav.toString().replace("\\", "/");
        FakeSession s = run("""
                audio_format: audio/pcmu
                steps:
                  - send: {type: response.output_audio.delta, delta: "{{wav \\"%s\\"}}"}
                  - expect: {type: session.update}
                  - send: {type: response.output_audio.delta, delta: "{{wav \\"%s\\"}}"}
                """.formatted(path, path));
        assertThat(delta(s, 0)).hasSize(800);
        s.client("{\"type\":\"session.update\",\"session\":{\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}}");
        assertThat(s.events()).hasSize(1);
        assertThat(s.problems()).singleElement().asString()
                .contains("hello.wav: 8000 Hz, but the session's output format audio/pcm needs 24000 Hz");
    }

    @Test
    void audioReplyExampleAnswersWithThreeChunks() {
        FakeSession s = new FakeSession(new ScenarioBehavior(
                Scenario.fromClasspath("dev/realtimetck/mockserver/scenarios/audio-reply.yaml"))).open();
        s.client("{\"type\":\"input_audio_buffer.commit\"}");
        s.client("{\"type\":\"response.create\"}");
        s.runAll();
        assertThat(s.types()).containsExactly("session.created", "input_audio_buffer.committed", "response.created",
                "response.output_audio.delta", "response.output_audio.delta", "response.output_audio.delta",
                "response.output_audio.done", "response.done");
        assertThat(delta(s, 3)).hasSize(4800);
        assertThat(s.frames().get(7).atMillis() - s.frames().get(3).atMillis()).isEqualTo(80);
        assertThat(s.problems()).isEmpty();
    }
}
