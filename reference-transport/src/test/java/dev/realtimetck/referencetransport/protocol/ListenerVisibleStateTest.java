package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state an event implies is in place before its listeners run, while the frames that follow from it wait for
 * them: a transport may run listeners without its lock, so what another thread (or the listener itself) does after
 * seeing an event must find the protocol as the event says.
 */
class ListenerVisibleStateTest {

    private final ProtocolHarness h = new ProtocolHarness();

    private void responseCreated() {
        h.receive("{\"type\":\"response.created\",\"event_id\":\"c\",\"response\":{\"id\":\"r1\"}}");
    }

    private void responseDone() {
        h.receive("{\"type\":\"response.done\",\"event_id\":\"d\",\"response\":{\"id\":\"r1\"}}");
    }

    private void delta(String itemId) {
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r1\",\"item_id\":\""
                + itemId + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[960]) + "\"}");
    }

    private List<String> frameTypes() {
        return h.takeFrames().stream().map(f -> Json.text(Json.MAPPER.readTree(f), "type")).toList();
    }

    @Test
    void b8_a27_audio_is_tracked_before_its_audio_event_so_its_listener_can_interrupt_it() {
        responseCreated();
        h.clear();
        h.reactions.put("audio", e -> h.protocol.interrupt(true));
        delta("i1");
        List<String> frames = h.takeFrames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).contains("\"response.cancel\"");
        assertThat(frames.get(1)).contains("\"conversation.item.truncate\"").contains("\"item_id\":\"i1\"");
    }

    @Test
    void d4_d9_the_response_is_over_for_turn_done_listeners_so_their_interrupt_cancels_nothing() {
        responseCreated();
        delta("i1");
        h.clear();
        h.reactions.put("turn_done", e -> h.protocol.interrupt(true));
        responseDone();
        assertThat(frameTypes()).containsExactly("conversation.item.truncate");
        assertThat(h.payloads("audio_interrupted")).hasSize(1);
    }

    @Test
    void d4_a_request_queued_during_the_response_still_waits_for_the_turn_done_listeners() {
        responseCreated();
        h.protocol.requestResponse();
        h.clear();
        h.reactions.put("turn_done", e -> assertThat(h.frames).as("frames while turn_done runs").isEmpty());
        responseDone();
        assertThat(frameTypes()).containsExactly("response.create");
    }

    @Test
    void a29_tracking_is_forgotten_before_audio_interrupted_so_an_interrupt_from_its_listener_does_nothing() {
        responseCreated();
        delta("i1");
        h.clear();
        h.reactions.put("audio_interrupted", e -> h.protocol.interrupt(true));
        h.protocol.interrupt(true);
        assertThat(frameTypes()).containsExactly("response.cancel", "conversation.item.truncate");
        assertThat(h.payloads("audio_interrupted")).hasSize(1);
    }
}
