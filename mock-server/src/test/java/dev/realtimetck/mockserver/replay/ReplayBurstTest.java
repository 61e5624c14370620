package dev.realtimetck.mockserver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import org.junit.jupiter.api.Test;

/**
 * A burst of appends that the recording split into runs by server events: the replay absorbs the burst, reports
 * nothing, and in strict mode closes with 1008 only on a real mismatch.
 */
class ReplayBurstTest {

    private static final String APPEND = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}";

    /** Three runs of three appends, split by two server events, then the client closes. */
    static Recording recording() {
        StringBuilder lines = new StringBuilder();
        long t = 0;
        for (int run = 0; run < 3; run++) {
            for (int i = 0; i < 3; i++) {
                lines.append("{\"direction\":\"client\",\"t_ms\":").append(t++).append(",\"event\":").append(APPEND).append("}\n");
            }
            if (run < 2) {
                lines.append("{\"direction\":\"server\",\"t_ms\":").append(t++).append(",\"event\":{\"type\":\"input_audio_buffer.speech_")
                        .append(run == 0 ? "started" : "stopped").append("\",\"audio_start_ms\":0,\"audio_end_ms\":10,\"item_id\":\"item_1\"}}\n");
            }
        }
        lines.append("{\"direction\":\"client\",\"t_ms\":").append(t).append(",\"close\":{\"code\":1000,\"reason\":\"\"}}\n");
        return Recording.parse(lines.toString(), "burst.jsonl");
    }

    private static MockRealtimeServer replay(boolean strict) {
        return MockRealtimeServer.builder().behaviorFactory(new ScenarioBehaviorFactory(
                Replays.toScenario(recording(), "burst", new Replays.Options(0, false, strict)))).start();
    }

    @Test
    void aBurstOfAppendsIsAbsorbedWithoutProblems() throws Exception {
        try (MockRealtimeServer server = replay(false);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            for (int i = 0; i < 9; i++) {
                client.send(APPEND);
            }
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("input_audio_buffer.speech_started");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("input_audio_buffer.speech_stopped");
            MockSession session = server.awaitSession(WsTestClient.TIMEOUT);
            client.closeNormally();
            client.awaitClose();
            session.awaitClosed(WsTestClient.TIMEOUT);
            assertThat(session.clientEvents()).hasSize(9);
            assertThat(session.problems()).isEmpty();
        }
    }

    @Test
    void strictClosesWith1008AndTheReasonOnAMismatch() throws Exception {
        try (MockRealtimeServer server = replay(true);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send(APPEND);
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("input_audio_buffer.speech_started");
            client.send("{\"type\":\"response.cancel\"}");
            assertThat(client.awaitClose()).startsWith("1008").contains("unexpected response.cancel");
            MockSession session = server.awaitSession(WsTestClient.TIMEOUT);
            assertThat(session.awaitProblem("unexpected client event response.cancel", WsTestClient.TIMEOUT)).isNotEmpty();
        }
    }
}
