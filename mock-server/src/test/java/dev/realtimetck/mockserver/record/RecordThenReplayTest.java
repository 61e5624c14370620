package dev.realtimetck.mockserver.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.replay.Recording;
import dev.realtimetck.mockserver.replay.Replays;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A fresh recording of a client streaming audio, replayed (strictly) to the same client: no problem at all. */
class RecordThenReplayTest {

    private static final String APPEND = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
            + Base64.getEncoder().encodeToString(new byte[2400]) + "\"}";

    /** Streams audio in bursts around one response, as a microphone would; returns the server event types. */
    private static List<String> converse(WsTestClient client) throws Exception {
        List<String> types = new ArrayList<>();
        types.add(client.nextEvent().path("type").asString());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":null}}}}");
        for (int i = 0; i < 12; i++) {
            client.send(APPEND);
        }
        client.send("{\"type\":\"input_audio_buffer.commit\"}");
        client.send("{\"type\":\"response.create\"}");
        for (int i = 0; i < 6; i++) {
            client.send(APPEND);
        }
        while (true) {
            JsonNode event = client.nextEvent();
            types.add(event.path("type").asString());
            if (event.path("type").asString().equals("response.done")) {
                break;
            }
        }
        for (int i = 0; i < 12; i++) {
            client.send(APPEND);
        }
        client.closeNormally();
        assertThat(client.awaitClose()).startsWith("1000");
        return types;
    }

    @Test
    void replayingAFreshRecordingToTheSameClientReportsNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fresh.jsonl");
        List<String> live;
        try (MockRealtimeServer upstream = MockRealtimeServer.builder().pacing(SimulatorOptions.Pacing.FAST).start();
             RecordingProxy proxy = new RecordingProxy(upstream.realtimeUrl(), out, "127.0.0.1", 0).start();
             WsTestClient client = WsTestClient.connect(proxy.url())) {
            live = converse(client);
            MockSession recorded = upstream.awaitSession(WsTestClient.TIMEOUT);
            recorded.awaitClosed(WsTestClient.TIMEOUT);
            assertThat(recorded.problems()).isEmpty();
        }
        assertThat(live).contains("session.updated", "input_audio_buffer.committed", "response.done");

        Recording recording = Recording.read(out);
        try (MockRealtimeServer replay = MockRealtimeServer.builder().behaviorFactory(new ScenarioBehaviorFactory(
                Replays.toScenario(recording, "fresh", new Replays.Options(0, false, true)))).start();
             WsTestClient client = WsTestClient.connect(replay.realtimeUrl())) {
            assertThat(converse(client)).isEqualTo(live);
            MockSession session = replay.awaitSession(WsTestClient.TIMEOUT);
            session.awaitClosed(WsTestClient.TIMEOUT);
            assertThat(session.clientEvents()).hasSize(33);
            session.verifyNoProblems();
        }
    }
}
