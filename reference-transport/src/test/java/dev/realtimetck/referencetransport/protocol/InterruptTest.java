package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptTest {

    private final ProtocolHarness h = new ProtocolHarness();

    private void delta(String itemId, int contentIndex, int bytes) {
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r1\",\"item_id\":\""
                + itemId + "\",\"output_index\":0,\"content_index\":" + contentIndex + ",\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"}");
    }

    private void sessionUpdated(String sessionJson) {
        h.receive("{\"type\":\"session.updated\",\"event_id\":\"su\",\"session\":" + sessionJson + "}");
    }

    private void responseCreated() {
        h.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r1\"}}");
    }

    @Test
    void a28_interrupt_without_tracked_audio_does_nothing() {
        responseCreated();
        h.clear();
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
        assertThat(h.events).isEmpty();
    }

    @Test
    void a29_interrupt_cancel_event_truncate_in_order_then_noop() {
        responseCreated();
        delta("i3", 0, 960);
        h.advanceMillis(50);
        h.clear();
        h.protocol.interrupt(true);
        assertFrames(h.takeFrames(), "{\"type\":\"response.cancel\"}",
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i3\",\"content_index\":0,\"audio_end_ms\":20}");
        assertThat(h.names()).containsExactly("audio_interrupted");
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a29_no_cancel_when_not_asked_when_idle_or_when_already_cancelled() {
        delta("i1", 1, 960);
        h.advanceMillis(5);
        h.protocol.interrupt(true);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":1,\"audio_end_ms\":5}");
        responseCreated();
        delta("i2", 0, 960);
        h.protocol.interrupt(false);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.truncate");
        delta("i2", 0, 960);
        h.protocol.interrupt(true);
        delta("i2", 0, 960);
        h.protocol.interrupt(true);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("response.cancel",
                "conversation.item.truncate", "conversation.item.truncate");
    }

    private void audioDone(String itemId) {
        h.receive("{\"type\":\"response.output_audio.done\",\"event_id\":\"d\",\"response_id\":\"r1\",\"item_id\":\""
                + itemId + "\",\"output_index\":0,\"content_index\":0}");
    }

    private void responseDone() {
        h.receive("{\"type\":\"response.done\",\"event_id\":\"dn\",\"response\":{\"id\":\"r1\",\"output\":[]}}");
    }

    @Test
    void a27_a_delta_of_another_item_or_content_part_restarts_tracking() {
        delta("i1", 0, 4800);
        h.advanceMillis(120);
        delta("i2", 0, 4800);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i2\",\"content_index\":0,\"audio_end_ms\":0}");
        delta("i1", 0, 4800);
        h.advanceMillis(120);
        delta("i1", 1, 4800);
        h.advanceMillis(30);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":1,\"audio_end_ms\":30}");
        // more deltas of the same part add up from the part's first delta
        delta("i3", 2, 960);
        h.advanceMillis(100);
        delta("i3", 2, 960);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i3\",\"content_index\":2,\"audio_end_ms\":40}");
    }

    @Test
    void a28_b9_audio_done_does_not_end_tracking_but_an_interrupt_does() {
        responseCreated();
        delta("i1", 0, 4800);
        audioDone("i1");
        h.advanceMillis(150);
        h.clear();
        h.protocol.interrupt(true);
        assertFrames(h.takeFrames(), "{\"type\":\"response.cancel\"}");
        assertThat(h.names()).containsExactly("audio_interrupted");
        h.clear();
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
        assertThat(h.events).isEmpty();
    }

    @Test
    void a29_probe_table_after_audio_done() {
        // ~10 ms after the delta: playback not complete, so cancel and truncate
        responseCreated();
        delta("i1", 0, 4800);
        audioDone("i1");
        h.advanceMillis(10);
        h.clear();
        h.protocol.interrupt(true);
        assertFrames(h.takeFrames(), "{\"type\":\"response.cancel\"}",
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":10}");
        assertThat(h.names()).containsExactly("audio_interrupted");
        // audio.done and response.done, 150 ms: nothing to cancel, played out, only the event
        ProtocolHarness p = new ProtocolHarness();
        p.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r1\"}}");
        p.receive(deltaJson("i1", 0, 4800));
        p.receive("{\"type\":\"response.output_audio.done\",\"event_id\":\"d\",\"response_id\":\"r1\",\"item_id\":\"i1\","
                + "\"output_index\":0,\"content_index\":0}");
        p.receive("{\"type\":\"response.done\",\"event_id\":\"dn\",\"response\":{\"id\":\"r1\",\"output\":[]}}");
        p.advanceMillis(150);
        p.clear();
        p.protocol.interrupt(true);
        assertThat(p.frames).isEmpty();
        assertThat(p.names()).containsExactly("audio_interrupted");
        // audio.done, interrupt(false), 150 ms: only the event
        responseCreated();
        delta("i2", 0, 4800);
        audioDone("i2");
        h.advanceMillis(150);
        h.clear();
        h.protocol.interrupt(false);
        assertThat(h.frames).isEmpty();
        assertThat(h.names()).containsExactly("audio_interrupted");
        // response.done without audio.done, 150 ms: truncated at the full received length
        responseDone();
        responseCreated();
        delta("i3", 0, 4800);
        responseDone();
        h.advanceMillis(150);
        h.clear();
        h.protocol.interrupt(true);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i3\",\"content_index\":0,\"audio_end_ms\":100}");
    }

    @Test
    void b9_audio_done_for_another_item_marks_the_tracked_part_done() {
        delta("i1", 0, 4800);
        audioDone("i2");
        h.advanceMillis(150);
        h.protocol.interrupt(false);
        assertThat(h.takeFrames()).isEmpty();
        // with nothing tracked, the flag does not outlive the next delta of a new part
        audioDone("i9");
        delta("i4", 0, 4800);
        h.advanceMillis(150);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i4\",\"content_index\":0,\"audio_end_ms\":100}");
    }

    private static String deltaJson(String itemId, int contentIndex, int bytes) {
        return deltaJson("r1", itemId, contentIndex, bytes);
    }

    private static String deltaJson(String responseId, String itemId, int contentIndex, int bytes) {
        return "{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"" + responseId
                + "\",\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":" + contentIndex
                + ",\"delta\":\"" + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"}";
    }

    @Test
    void a27_b6_the_format_recorded_at_response_created_wins_until_response_done() {
        // the response's own format
        h.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r1\",\"output\":[],"
                + "\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}}");
        h.receive(deltaJson("i1", 0, 960));
        h.advanceMillis(200);
        h.protocol.interrupt(false);
        assertThat(endMs()).isEqualTo(120);
        // the session's format at response.created, kept although a later session.updated changes it
        sessionUpdated("{\"type\":\"realtime\",\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}");
        h.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r2\",\"output\":[]}}");
        sessionUpdated("{\"type\":\"realtime\",\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}");
        h.receive(deltaJson("r2", "i2", 0, 960));
        h.advanceMillis(200);
        h.protocol.interrupt(false);
        assertThat(endMs()).isEqualTo(120);
        // after response.done the record is gone: the session's format (now PCM 24 kHz) is used
        h.receive("{\"type\":\"response.done\",\"event_id\":\"dn\",\"response\":{\"id\":\"r2\",\"output\":[]}}");
        h.receive(deltaJson("r2", "i3", 0, 960));
        h.advanceMillis(200);
        h.protocol.interrupt(false);
        assertThat(endMs()).isEqualTo(20);
        // a disconnect forgets the records
        h.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r4\",\"output\":[],"
                + "\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcma\"}}}}}");
        h.protocol.reset();
        h.receive(deltaJson("r4", "i4", 0, 960));
        h.advanceMillis(200);
        h.protocol.interrupt(false);
        assertThat(endMs()).isEqualTo(20);
    }

    private long endMs() {
        List<String> frames = h.takeFrames();
        assertThat(frames).hasSize(1);
        return ProtocolHarness.tree(frames.get(0)).path("audio_end_ms").asLong();
    }

    @Test
    void a27_duration_depends_on_last_session_updated_format() {
        assertThat(AudioFormats.millis(960, null)).isEqualTo(20.0);
        assertThat(AudioFormats.millis(960, ProtocolHarness.tree("{\"type\":\"audio/pcm\",\"rate\":16000}")))
                .isEqualTo(30.0);
        assertThat(AudioFormats.millis(960, ProtocolHarness.tree("{\"type\":\"audio/pcma\"}"))).isEqualTo(120.0);
        assertThat(AudioFormats.millis(960, ProtocolHarness.tree("\"g711_ulaw\""))).isEqualTo(120.0);
        assertThat(AudioFormats.millis(960, ProtocolHarness.tree("\"pcm16\""))).isEqualTo(20.0);
        assertThat(AudioFormats.millis(960, ProtocolHarness.tree("{\"type\":\"other\"}"))).isEqualTo(20.0);
        sessionUpdated("{\"type\":\"realtime\",\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}");
        delta("i1", 0, 960);
        h.advanceMillis(1000);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":120}");
    }

    @Test
    void a30_audio_end_ms_is_floored_clamped_and_integer() {
        delta("i1", 0, 4800); // 100 ms
        h.advanceMillis(42.8);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":42}");
        delta("i1", 0, 4800);
        h.advanceMillis(110.9);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":100}");
        delta("i1", 0, 4800);
        h.advanceMillis(0.9);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":0}");
    }

    @Test
    void a30_clock_going_backwards_sends_nothing_but_resets() {
        delta("i1", 0, 4800);
        responseCreated();
        h.advanceMillis(-5);
        h.clear();
        h.protocol.interrupt(true);
        assertThat(h.names()).isEmpty();
        assertThat(h.takeFrames()).isEmpty();
        h.protocol.interrupt(false);
        assertThat(h.takeFrames()).isEmpty();
    }

    @Test
    void a31_speech_started_interrupts_with_cancel_unless_server_interrupts() {
        responseCreated();
        delta("i1", 0, 960);
        h.clear();
        h.receive("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"s\",\"audio_start_ms\":0,\"item_id\":\"u1\"}");
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type)
                .containsExactly("response.cancel", "conversation.item.truncate");
        assertThat(h.transportNames()).containsExactly("audio_interrupted");

        ProtocolHarness p = new ProtocolHarness();
        p.receive("{\"type\":\"session.updated\",\"event_id\":\"su\",\"session\":{\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"interrupt_response\":true}}}}}");
        p.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r1\"}}");
        p.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r1\",\"item_id\":\"i1\","
                + "\"content_index\":0,\"delta\":\"AAAA\"}");
        p.receive("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"s\",\"audio_start_ms\":0,\"item_id\":\"u1\"}");
        assertThat(p.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.truncate");
    }

    @Test
    void a31_speech_started_also_interrupts_after_audio_done() {
        responseCreated();
        delta("i1", 0, 4800);
        audioDone("i1");
        h.advanceMillis(10);
        h.clear();
        h.receive("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"s\",\"audio_start_ms\":0,\"item_id\":\"u1\"}");
        assertFrames(h.takeFrames(), "{\"type\":\"response.cancel\"}",
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,\"audio_end_ms\":10}");
        assertThat(h.transportNames()).containsExactly("audio_interrupted");
    }

    @Test
    void a24_reset_forgets_audio_tracking() {
        delta("i1", 0, 960);
        h.protocol.reset();
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
    }
}
