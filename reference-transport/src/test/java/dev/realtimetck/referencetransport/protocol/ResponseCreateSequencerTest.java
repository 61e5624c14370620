package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.TransportError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ResponseCreateSequencerTest {

    private final ProtocolHarness h = new ProtocolHarness(Duration.ofSeconds(15));

    private void created() {
        h.receive("{\"type\":\"response.created\",\"event_id\":\"s\",\"response\":{\"id\":\"r\"}}");
    }

    private void done() {
        h.receive("{\"type\":\"response.done\",\"event_id\":\"s\",\"response\":{\"id\":\"r\"}}");
    }

    private void error(String errorBody) {
        h.receive("{\"type\":\"error\",\"event_id\":\"s\",\"error\":" + errorBody + "}");
    }

    private static final String AUTO_1 = "{\"type\":\"response.create\",\"event_id\":\"evt_1\"}";
    private static final String AUTO_2 = "{\"type\":\"response.create\",\"event_id\":\"evt_2\"}";
    private static final String AUTO_3 = "{\"type\":\"response.create\",\"event_id\":\"evt_3\"}";

    @Test
    void d0_other_events_are_never_held_back() {
        h.protocol.requestResponse();
        h.protocol.requestResponse();
        h.protocol.sendMessage(RealtimeUserInput.text("x"), null, false);
        h.protocol.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear"));
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("response.create",
                "conversation.item.create", "input_audio_buffer.clear");
    }

    @Test
    void d1_event_ids_count_per_instance_survive_reset_and_skip_caller_and_coalesced_requests() {
        h.protocol.requestResponse();
        h.protocol.requestResponse();
        h.protocol.requestResponse();
        h.protocol.reset();
        h.protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "response.create", "event_id", "mine")));
        created();
        done();
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_1, "{\"type\":\"response.create\",\"event_id\":\"mine\"}", AUTO_2);
    }

    @Test
    void d2_immediate_dispatch_before_the_method_returns() {
        h.protocol.sendMessage(RealtimeUserInput.text("a"), null, true);
        h.protocol.sendMessage(RealtimeUserInput.text("b"), null, true);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.create",
                "response.create", "conversation.item.create");
    }

    @Test
    void d3_deferred_until_created_and_done() {
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("instructions", "second"));
        assertThat(h.takeFrames()).hasSize(1);
        created();
        assertThat(h.frames).isEmpty();
        done();
        assertFrames(h.takeFrames(),
                "{\"type\":\"response.create\",\"response\":{\"instructions\":\"second\"},\"event_id\":\"evt_2\"}");
    }

    @Test
    void d4_release_happens_after_the_listeners_of_response_done() {
        created();
        h.protocol.requestResponse(Map.of("n", 1));
        List<Integer> framesSeenByListener = new ArrayList<>();
        h.reactions.put("turn_done", e -> {
            h.protocol.requestResponse(Map.of("n", 2));
            framesSeenByListener.add(h.frames.size());
        });
        done();
        assertThat(framesSeenByListener).containsExactly(0);
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{\"n\":1},\"event_id\":\"evt_1\"}");
        h.reactions.clear();
        created();
        done();
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{\"n\":2},\"event_id\":\"evt_2\"}");
    }

    @Test
    void d5_a_server_initiated_response_makes_requests_wait() {
        created();
        h.protocol.requestResponse();
        assertThat(h.frames).isEmpty();
        done();
        assertFrames(h.takeFrames(), AUTO_1);
    }

    @Test
    void d6_autos_coalesce_manual_never_probe_sim_2() {
        created();
        h.protocol.requestResponse();
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("instructions", "m"));
        h.protocol.requestResponse();
        done();
        assertFrames(h.takeFrames(), AUTO_1);
        created();
        done();
        assertFrames(h.takeFrames(),
                "{\"type\":\"response.create\",\"response\":{\"instructions\":\"m\"},\"event_id\":\"evt_2\"}");
        created();
        done();
        assertFrames(h.takeFrames(), AUTO_3);
        created();
        done();
        assertThat(h.frames).isEmpty();
    }

    @Test
    void d6_manual_requests_are_sent_one_by_one() {
        created();
        h.protocol.requestResponse(null);
        h.protocol.sendEvent(RealtimeClientMessage.of("response.create"));
        done();
        assertFrames(h.takeFrames(), AUTO_1);
        created();
        done();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void d7_error_with_matching_event_id_drops_the_create_and_releases_the_queue() {
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("n", 2));
        h.takeFrames();
        error("{\"type\":\"invalid_request_error\",\"event_id\":\"other\",\"message\":\"response.create failed\"}");
        assertThat(h.frames).isEmpty();
        error("{\"type\":\"invalid_request_error\",\"event_id\":\"evt_1\",\"message\":\"bad\"}");
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{\"n\":2},\"event_id\":\"evt_2\"}");
        assertThat(h.transportNames()).containsExactly("error", "error");
    }

    @Test
    void d7_error_without_event_id_uses_code_or_message_heuristic() {
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("n", 2));
        h.protocol.requestResponse(Map.of("n", 3));
        h.takeFrames();
        error("{\"type\":\"server_error\",\"message\":\"unrelated\"}");
        assertThat(h.frames).isEmpty();
        error("{\"type\":\"invalid_request_error\",\"code\":\"invalid_response_create\",\"message\":\"x\"}");
        assertThat(h.takeFrames()).hasSize(1);
        error("{\"type\":\"invalid_request_error\",\"message\":\"could not handle response.create\"}");
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{\"n\":3},\"event_id\":\"evt_3\"}");
    }

    @Test
    void d7_error_without_outstanding_create_does_nothing() {
        created();
        h.protocol.requestResponse();
        error("{\"type\":\"invalid_request_error\",\"message\":\"response.create\"}");
        assertThat(h.frames).isEmpty();
    }

    @Test
    void d7_coalesced_autos_are_retried_once_after_a_failure() {
        created();
        h.protocol.requestResponse();
        h.protocol.requestResponse();
        done();
        assertFrames(h.takeFrames(), AUTO_1);
        error("{\"type\":\"invalid_request_error\",\"event_id\":\"evt_1\",\"message\":\"bad\"}");
        assertFrames(h.takeFrames(), AUTO_2);
        error("{\"type\":\"invalid_request_error\",\"event_id\":\"evt_2\",\"message\":\"bad\"}");
        assertThat(h.frames).isEmpty();
    }

    @Test
    void d8_write_failure_reports_error_and_moves_on() {
        h.failNextWrite = new IllegalStateException("socket gone");
        h.protocol.requestResponse();
        TransportError.Failure failure = h.only("error");
        assertThat(failure.cause()).hasMessage("socket gone");
        assertThat(h.frames).isEmpty();
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void d9_cancel_only_while_active_once_and_it_does_not_release_the_queue() {
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"content_index\":0,\"delta\":\"AAAA\"}");
        h.protocol.interrupt(true);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.truncate");
        created();
        h.protocol.requestResponse();
        h.protocol.sendEvent(RealtimeClientMessage.of("response.cancel"));
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"content_index\":0,\"delta\":\"AAAA\"}");
        h.protocol.interrupt(true);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("response.cancel",
                "conversation.item.truncate");
        done();
        assertFrames(h.takeFrames(), AUTO_1);
    }

    @Test
    void d10_reset_discards_queued_and_outstanding_requests() {
        created();
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("n", 1));
        h.protocol.reset();
        done();
        assertThat(h.frames).isEmpty();
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_1);
        h.protocol.reset();
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void x1_request_lost_to_a_server_response_is_sent_again_after_it() {
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_1);
        created(); // a VAD response won the race
        error("{\"type\":\"invalid_request_error\",\"code\":\"conversation_already_has_active_response\","
                + "\"event_id\":\"evt_1\",\"message\":\"active response\"}");
        assertThat(h.frames).isEmpty();
        done();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void x1_accepted_create_is_confirmed_by_its_response_done() {
        h.protocol.requestResponse();
        created();
        done();
        h.takeFrames();
        error("{\"type\":\"invalid_request_error\",\"event_id\":\"evt_1\",\"message\":\"late\"}");
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void x1_request_made_in_turn_started_listener_waits_for_that_response() {
        h.reactions.put("turn_started", e -> h.protocol.requestResponse());
        created();
        assertThat(h.frames).isEmpty();
        h.reactions.clear();
        done();
        assertFrames(h.takeFrames(), AUTO_1);
    }

    @Test
    void x3_an_unanswered_create_is_released_after_the_timeout() {
        h.protocol.requestResponse();
        h.protocol.requestResponse(Map.of("n", 2));
        h.takeFrames();
        h.advanceMillis(14_999);
        h.protocol.onTick(h.nanos.get());
        assertThat(h.frames).isEmpty();
        h.advanceMillis(1);
        h.protocol.onTick(h.nanos.get());
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{\"n\":2},\"event_id\":\"evt_2\"}");
        TransportError.Failure failure = h.only("error");
        assertThat(failure.cause()).isInstanceOf(TimeoutException.class).hasMessageContaining("evt_1");
    }

    @Test
    void x3_timeout_is_also_checked_on_the_next_call_or_frame() {
        h.protocol.requestResponse();
        h.takeFrames();
        h.advanceMillis(20_000);
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), AUTO_2);
    }

    @Test
    void x3_a_create_waiting_behind_an_active_response_does_not_time_out() {
        h.protocol.requestResponse();
        created();
        h.advanceMillis(60_000);
        h.protocol.onTick(h.nanos.get());
        h.protocol.requestResponse();
        assertThat(h.frames).hasSize(1);
        assertThat(h.payloads("error")).isEmpty();
    }
}
