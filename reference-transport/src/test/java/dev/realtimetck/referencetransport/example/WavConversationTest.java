package dev.realtimetck.referencetransport.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.junit.MockServerTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable example, run against the mock server's simulator. */
@MockServerTest
class WavConversationTest {

    @Test
    void refusesPcmAtAnotherRate(MockRealtimeServer server, @TempDir Path dir) throws Exception {
        Path in = dir.resolve("16k.wav");
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(16_000), new byte[3200]), in);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WavConversation.run(server.realtimeUrl(), null,
                "sk-test", in, dir.resolve("out.wav"), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16000 Hz");
    }

    @Test
    void sendsTheWavAndWritesTheSpokenReply(MockRealtimeServer server, @TempDir Path dir) throws Exception {
        AudioFormat input = AudioFormat.PCMU;
        byte[] question = SyntheticAudio.utterance(input, Duration.ofMillis(200), Duration.ofMillis(1000),
                Duration.ofMillis(300), SyntheticAudio.DEFAULT_SEED);
        Path in = dir.resolve("question.wav");
        Path out = dir.resolve("answer.wav");
        WavFile.write(WavAudio.of(input, question), in);

        // the model of the URL and of the session.update agree (the transport's default model is another one, and
        // the mock, like the API, refuses to change a session's model)
        WavConversation.Result result = WavConversation.run(URI.create(server.realtimeUrl() + "?model=gpt-realtime"),
                "gpt-realtime", "sk-test", in, out, Duration.ofSeconds(20));

        String expected = "I heard your audio message.";
        assertThat(result.transcript()).isEqualTo(expected);
        WavAudio answer = WavFile.read(out);
        assertThat(answer.sampleRate()).isEqualTo(24_000);
        assertThat(answer.dataLength()).isEqualTo(result.audioBytes()).isEqualTo(expected.length() * 60 * 48);
        MockSession session = server.awaitSession(Duration.ofSeconds(5));
        // 1.5 s of mu-law, sent in that format and committed as one user turn
        assertThat(session.inputAudio().durationMillis()).isBetween(1490.0, 1510.0);
        session.awaitClientEvent("input_audio_buffer.commit", Duration.ofSeconds(5));
    }
}
