package dev.realtimetck.mockserver.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.scenario.FakeSession;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReplaysTest {

    static final String RECORDING = """
            {"direction":"server","t_ms":0,"event":{"type":"session.created","event_id":"event_a","session":{"id":"sess_rec","type":"realtime"}}}
            {"direction":"client","t_ms":100,"event":{"type":"session.update","session":{"type":"realtime"}}}
            {"direction":"server","t_ms":130,"event":{"type":"session.updated","event_id":"event_b","session":{"id":"sess_rec","type":"realtime"}}}
            {"direction":"client","t_ms":200,"event":{"type":"input_audio_buffer.append","audio":"AAAA"}}
            {"direction":"client","t_ms":220,"event":{"type":"input_audio_buffer.append","audio":"AAAA"}}
            {"direction":"client","t_ms":300,"event":{"type":"input_audio_buffer.commit"}}
            {"direction":"server","t_ms":310,"event":{"type":"input_audio_buffer.committed","event_id":"event_c","item_id":"item_x","previous_item_id":null}}

            {"direction":"server","t_ms":400,"event":{"type":"conversation.item.added","event_id":"event_d","item":{"id":"item_x","type":"message"}}}
            {"direction":"server","t_ms":450,"text":"{not json"}
            {"direction":"server","t_ms":460,"binary":"AQID"}
            {"direction":"server","t_ms":500,"close":{"code":4001,"reason":"done"}}
            {"direction":"server","t_ms":600,"event":{"type":"never.sent"}}
            """;

    private static FakeSession replay(double speed, boolean freshIds) {
        Recording recording = Recording.parse(RECORDING, "test.jsonl");
        return new FakeSession(Replays.behavior(recording, "test", new Replays.Options(speed, freshIds, false))).open();
    }

    @Test
    void serverFramesWaitForThePrecedingClientFramesAndRecordedGaps() {
        FakeSession s = replay(1.0, false);
        assertThat(s.types()).containsExactly("session.created");
        s.advance(Duration.ofSeconds(5));
        assertThat(s.types()).containsExactly("session.created");
        s.client("{\"type\":\"session.update\"}");
        s.advance(Duration.ofMillis(29));
        assertThat(s.types()).hasSize(1);
        s.advance(Duration.ofMillis(1));
        assertThat(s.types()).containsExactly("session.created", "session.updated");
        s.client("{\"type\":\"input_audio_buffer.append\"}").client("{\"type\":\"input_audio_buffer.append\"}")
                .client("{\"type\":\"input_audio_buffer.append\"}");
        s.runAll();
        assertThat(s.types()).hasSize(2);
        long commitAt = s.now();
        s.client("{\"type\":\"input_audio_buffer.commit\"}");
        s.runAll();
        assertThat(s.frames()).extracting(FakeSession.Frame::kind).containsExactly("event", "event", "event", "event", "text", "binary");
        assertThat(s.frames().subList(2, 6)).extracting(f -> f.atMillis() - commitAt).containsExactly(10L, 100L, 150L, 160L);
        assertThat(s.frames().get(4).text()).isEqualTo("{not json");
        assertThat(s.frames().get(5).data()).containsExactly(1, 2, 3);
        assertThat(s.closeCode()).isEqualTo(4001);
        assertThat(s.closeReason()).isEqualTo("done");
        assertThat(s.problems()).isEmpty();
        assertThat(s.events().get(0).get("event_id").asString()).isEqualTo("event_a");
    }

    @Test
    void speedZeroSendsWithoutGaps() {
        FakeSession s = replay(0, false);
        s.client("{\"type\":\"session.update\"}").client("{\"type\":\"input_audio_buffer.append\"}")
                .client("{\"type\":\"input_audio_buffer.commit\"}");
        assertThat(s.frames()).hasSize(6).allSatisfy(f -> assertThat(f.atMillis()).isZero());
        assertThat(s.pendingTasks()).isZero();
        assertThat(s.closeCode()).isEqualTo(4001);
    }

    @Test
    void speedScalesTheGaps() {
        FakeSession s = replay(2.0, false);
        s.client("{\"type\":\"session.update\"}");
        s.advance(Duration.ofMillis(59));
        assertThat(s.types()).hasSize(1);
        s.advance(Duration.ofMillis(1));
        assertThat(s.types()).hasSize(2);
    }

    @Test
    void freshIdsAreRewrittenCoherentlyPerSession() {
        FakeSession s = replay(0, true);
        s.client("{\"type\":\"session.update\"}").client("{\"type\":\"input_audio_buffer.append\"}")
                .client("{\"type\":\"input_audio_buffer.commit\"}");
        List<JsonNode> e = s.events();
        assertThat(e.get(0).at("/session/id").asString()).isEqualTo("sess_test");
        assertThat(e.get(0).get("event_id").asString()).startsWith("event_").isNotEqualTo("event_a");
        String item = e.get(2).get("item_id").asString();
        assertThat(item).startsWith("item_").isNotEqualTo("item_x");
        assertThat(e.get(3).at("/item/id").asString()).isEqualTo(item);
        assertThat(e.get(2).get("previous_item_id").isNull()).isTrue();
    }

    @Test
    void outOfOrderClientEventIsReportedAndStrictCloses() {
        Recording recording = Recording.parse(RECORDING, "test.jsonl");
        FakeSession s = new FakeSession(Replays.behavior(recording, "test", new Replays.Options(0, false, true))).open();
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.problems()).singleElement().asString().contains("expected \"session.update\", actual \"response.create\"");
        assertThat(s.closeCode()).isEqualTo(1008);
    }

    @Test
    void droppedConnectionIsRecordedAs1006AndReplayedAsDrop() {
        Recording recording = Recording.parse("""
                {"direction":"server","t_ms":0,"event":{"type":"session.created"}}
                {"direction":"server","t_ms":5,"close":{"code":1006,"reason":""}}
                """, "drop.jsonl");
        FakeSession s = new FakeSession(Replays.behavior(recording, "drop", new Replays.Options(0, false, false))).open();
        assertThat(s.dropped()).isTrue();
    }

    @Test
    void writeThenParseRoundTrips() throws Exception {
        Recording recording = Recording.parse(RECORDING, "test.jsonl");
        StringWriter out = new StringWriter();
        recording.write(out);
        assertThat(Recording.parse(out.toString(), "again")).usingRecursiveComparison().isEqualTo(recording);
        assertThat(out.toString().lines()).hasSize(12).allSatisfy(l -> assertThat(l).startsWith("{\"direction\":"));
    }

    @Test
    void badLinesNameTheLine() {
        assertThatThrownBy(() -> Recording.parse("{\"direction\":\"server\",\"t_ms\":0,\"event\":{\"type\":\"a\"}}\n{oops", "r.jsonl"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("recording r.jsonl line 2: not JSON");
        assertThatThrownBy(() -> Recording.parse("{\"direction\":\"upstream\",\"event\":{\"type\":\"a\"}}", "r.jsonl"))
                .hasMessageContaining("line 1: direction: must be \"client\" or \"server\"");
        assertThatThrownBy(() -> Recording.parse("{\"direction\":\"client\",\"text\":\"a\",\"binary\":\"\"}", "r.jsonl"))
                .hasMessageContaining("line 1: exactly one of event, text, binary, close");
        assertThatThrownBy(() -> new Replays.Options(-1, false, false)).hasMessageStartingWith("speed:");
    }
}
