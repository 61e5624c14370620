package dev.realtimetck.mockserver.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.mockserver.MockRealtimeServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A full voice turn against the real server, over a plain JDK WebSocket: speech audio in, server VAD commits, an
 * audio response streams in real time, the client cancels it and truncates the assistant's audio.
 */
class SimulatorEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Collects every text frame as JSON; {@link #await} skips to the next event of a type. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final List<JsonNode> seen = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(SimulatorHarness.MAPPER.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String json) throws Exception {
            socket.sendText(json, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        JsonNode await(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                JsonNode event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no " + type + " within " + TIMEOUT + "; saw " + seen.stream()
                            .map(e -> e.path("type").asString()).toList());
                }
                seen.add(event);
                assertThat(event.path("event_id").asString()).as("event_id of %s", event).isNotEmpty();
                if (event.path("type").asString().equals(type)) {
                    return event;
                }
            }
        }
    }

    @Test
    void voiceTurnWithCancelAndTruncate() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().pacing(SimulatorOptions.Pacing.REALTIME).build();
        try (MockRealtimeServer server = MockRealtimeServer.builder()
                .behaviorFactory(session -> new RealtimeSimulator(options)).start()) {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .header("Authorization", "Bearer test-key")
                    .buildAsync(URI.create(server.realtimeUrl() + "?model=gpt-realtime-e2e"), client)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            JsonNode created = client.await("session.created");
            assertThat(created.path("session").path("model").asString()).isEqualTo("gpt-realtime-e2e");
            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                    + "\"instructions\":\"answer briefly\"}}");
            assertThat(client.await("session.updated").path("session").path("instructions").asString())
                    .isEqualTo("answer briefly");

            byte[] turn = SyntheticAudio.utterance(AudioFormat.PCM16_24K, Duration.ofMillis(500),
                    Duration.ofMillis(1000), Duration.ofMillis(800), SyntheticAudio.DEFAULT_SEED);
            for (int from = 0; from < turn.length; from += 4800) {
                byte[] chunk = Arrays.copyOfRange(turn, from, Math.min(turn.length, from + 4800));
                client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                        + Base64.getEncoder().encodeToString(chunk) + "\"}");
            }
            JsonNode started = client.await("input_audio_buffer.speech_started");
            assertThat(started.path("audio_start_ms").asLong()).isBetween(180L, 220L);
            JsonNode stopped = client.await("input_audio_buffer.speech_stopped");
            assertThat(stopped.path("audio_end_ms").asLong()).isBetween(1680L, 1720L);
            String userItem = client.await("input_audio_buffer.committed").path("item_id").asString();
            assertThat(userItem).isEqualTo(started.path("item_id").asString());
            String responseId = client.await("response.created").path("response").path("id").asString();
            String assistantItem = client.await("response.output_item.added").path("item").path("id").asString();
            JsonNode delta = client.await("response.output_audio.delta");
            byte[] firstAudio = Base64.getDecoder().decode(delta.path("delta").asString());
            assertThat(firstAudio).hasSize(100 * 48);

            client.send("{\"type\":\"response.cancel\"}");
            JsonNode done = client.await("response.done");
            assertThat(done.path("response").path("id").asString()).isEqualTo(responseId);
            assertThat(done.path("response").path("status").asString()).isEqualTo("cancelled");
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            for (JsonNode e : client.seen) {
                if (e.path("type").asString().equals("response.output_audio.delta")) {
                    audio.writeBytes(Base64.getDecoder().decode(e.path("delta").asString()));
                }
            }
            long receivedMs = audio.size() / 48;
            long fullMs = ReplyVoice.durationMillis("I heard your audio message.", options.speechMillisPerCharacter());
            assertThat(receivedMs).isGreaterThanOrEqualTo(100).isLessThan(fullMs);

            client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + assistantItem
                    + "\",\"content_index\":0,\"audio_end_ms\":60}");
            JsonNode truncated = client.await("conversation.item.truncated");
            assertThat(truncated.path("item_id").asString()).isEqualTo(assistantItem);
            assertThat(truncated.path("audio_end_ms").asInt()).isEqualTo(60);

            client.send("{\"type\":\"conversation.item.truncate\",\"event_id\":\"too_far\",\"item_id\":\""
                    + assistantItem + "\",\"content_index\":0,\"audio_end_ms\":" + (fullMs + 1000) + "}");
            JsonNode error = client.await("error");
            assertThat(error.path("error").path("event_id").asString()).isEqualTo("too_far");
            assertThat(error.path("error").path("param").asString()).isEqualTo("audio_end_ms");

            client.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
            assertThat(client.await("response.output_text.done").path("text").asString())
                    .isEqualTo("I heard your audio message.");
            assertThat(client.await("response.done").path("response").path("status").asString())
                    .isEqualTo("completed");
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
