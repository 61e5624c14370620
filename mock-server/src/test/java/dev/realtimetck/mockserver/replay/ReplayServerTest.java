package dev.realtimetck.mockserver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Replays on the real server: order and scaled timing, checked with generous bounds. */
class ReplayServerTest {

    private static final Recording RECORDING = Recording.parse("""
            {"direction":"server","t_ms":0,"event":{"type":"session.created","session":{"type":"realtime"}}}
            {"direction":"client","t_ms":50,"event":{"type":"response.create"}}
            {"direction":"server","t_ms":450,"event":{"type":"response.created","response":{"id":"resp_1","object":"realtime.response","status":"in_progress","output":[]}}}
            {"direction":"server","t_ms":850,"event":{"type":"response.done","response":{"id":"resp_1","object":"realtime.response","status":"completed","output":[]}}}
            """, "timed.jsonl");

    private static long replayMillis(Recording recording, double speed) throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(new ScenarioBehaviorFactory(
                Replays.toScenario(recording, "timed", new Replays.Options(speed, false, false)))).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            long start = System.nanoTime();
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("response.created");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("response.done");
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
    }

    @Test
    void halfSpeedKeepsHalfTheRecordedGaps() throws Exception {
        // recorded: 400 ms to response.created, 400 more to response.done; at 0.5 that is 400 ms in total
        long elapsed = replayMillis(RECORDING, 0.5);
        assertThat(elapsed).isGreaterThanOrEqualTo(390).isLessThan(8_000);
    }

    @Test
    void speedZeroSendsAtOnceAndInOrder() throws Exception {
        // the same frames a minute apart: without gaps they still arrive well within the bound
        StringBuilder slow = new StringBuilder();
        for (RecordedFrame f : RECORDING.frames()) {
            slow.append(FRAME_JSON.writeValueAsString(new RecordedFrame(f.direction(), f.tMs() * 100, f.kind(), f.event(),
                    f.text(), f.binary(), f.closeCode(), f.closeReason()).toJson())).append('\n');
        }
        assertThat(replayMillis(Recording.parse(slow.toString(), "slow.jsonl"), 0)).isLessThan(10_000);
    }

    private static final tools.jackson.databind.json.JsonMapper FRAME_JSON = tools.jackson.databind.json.JsonMapper.builder().build();
}
