package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
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

    @Test
    void a27_tracking_follows_latest_delta_and_resets_on_audio_done() {
        delta("i1", 0, 960);
        delta("i2", 2, 960);
        h.advanceMillis(100);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i2\",\"content_index\":2,\"audio_end_ms\":40}");
        delta("i4", 0, 960);
        h.receive("{\"type\":\"response.output_audio.done\",\"event_id\":\"d\",\"response_id\":\"r1\",\"item_id\":\"i4\","
                + "\"output_index\":0,\"content_index\":0}");
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
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
        h.advanceMillis(-5);
        h.protocol.interrupt(false);
        assertThat(h.names()).contains("audio_interrupted");
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
    void a24_reset_forgets_audio_tracking() {
        delta("i1", 0, 960);
        h.protocol.reset();
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
    }
}
