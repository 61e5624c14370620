package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemDeleted;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.TurnStarted;
import dev.realtimetck.api.Usage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEventRouterTest {

    private final ProtocolHarness h = new ProtocolHarness();

    @Test
    void b1_malformed_frames_are_ignored() {
        for (String bad : List.of("not json", "[1,2]", "42", "{\"no_type\":1}", "{\"type\":5}", "{\"type\":\"\"}",
                "{\"type\":\"x\"", "")) {
            h.receive(bad);
        }
        h.protocol.onBinaryFrame(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1}));
        assertThat(h.events).isEmpty();
        assertThat(h.frames).isEmpty();
    }

    @Test
    void b1_binary_utf8_json_is_processed_like_text() {
        h.protocol.onBinaryFrame(ByteBuffer.wrap("{\"type\":\"conversation.item.deleted\",\"event_id\":\"e\",\"item_id\":\"é\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(h.<ItemDeleted>only("item_deleted").itemId()).isEqualTo("é");
    }

    @Test
    void b2_b3_unknown_and_beta_types_reach_only_the_wildcard_with_every_field() {
        h.receive("{\"type\":\"response.audio.delta\",\"event_id\":\"e\",\"delta\":\"AAAA\",\"extra\":{\"k\":[1,null]},\"n\":null}");
        h.receive("{\"type\":\"vendor.thing\",\"x\":1}");
        assertThat(h.names()).containsExactly("*", "*");
        RealtimeServerEvent raw = (RealtimeServerEvent) h.events.get(0).payload();
        assertThat(raw.type()).isEqualTo("response.audio.delta");
        assertThat(raw.get("extra")).isEqualTo(Map.of("k", java.util.Arrays.asList(1, null)));
        assertThat(raw.fields()).containsKey("n").containsEntry("n", null);
        assertThatThrownBy(() -> raw.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void b2_wildcard_copy_is_made_only_when_someone_listens() {
        h.anyListeners = false;
        h.serverListeners = false;
        h.receive("{\"type\":\"response.output_text.delta\",\"event_id\":\"e\",\"item_id\":\"i\",\"response_id\":\"r\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"hi\"}");
        assertThat(h.anyCopiesMade).isZero();
        assertThat(h.names()).containsExactly("output_text_delta");
    }

    @Test
    void b4_known_events_are_reemitted_under_their_own_name_after_the_wildcard() {
        h.receive("{\"type\":\"input_audio_buffer.committed\",\"event_id\":\"e\",\"item_id\":\"i\",\"unknown\":true}");
        assertThat(h.names()).containsExactly("*", "server:input_audio_buffer.committed");
        RealtimeServerEvent typed = (RealtimeServerEvent) h.events.get(1).payload();
        assertThat(typed.get("item_id")).isEqualTo("i");
    }

    @Test
    void b5_error_becomes_the_error_event_only() {
        h.receive("{\"type\":\"error\",\"event_id\":\"e1\",\"error\":{\"message\":\"nope\"}}");
        assertThat(h.names()).containsExactly("*", "error");
        TransportError.ServerError error = h.only("error");
        assertThat(error.event().type()).isEqualTo("error");
        assertThat(error.event().get("event_id")).isEqualTo("e1");
        assertThat(error.event().get("error")).isEqualTo(Map.of("message", "nope"));
    }

    @Test
    void x4_server_errors_do_not_depend_on_listeners() {
        h.anyListeners = false;
        h.serverListeners = false;
        h.protocol.requestResponse();
        h.receive("{\"type\":\"error\",\"event_id\":\"s\",\"error\":{\"event_id\":\"evt_1\",\"message\":\"bad\"}}");
        h.protocol.requestResponse();
        assertThat(h.frames).hasSize(2);
    }

    @Test
    void b6_response_created_gives_turn_started_with_the_event() {
        h.receive("{\"type\":\"response.created\",\"event_id\":\"e2\",\"response\":{\"id\":\"resp_1\",\"output\":[],"
                + "\"status\":\"in_progress\"}}");
        assertThat(h.names()).containsExactly("*", "server:response.created", "turn_started");
        TurnStarted started = h.only("turn_started");
        assertThat(started.providerData().get("response")).isEqualTo(
                Map.of("id", "resp_1", "output", List.of(), "status", "in_progress"));
    }

    @Test
    void b7_response_done_gives_usage_then_turn_done() {
        h.receive("""
                {"type":"response.done","event_id":"e","response":{"id":"r1","output":[{"type":"message","id":"m"}],
                 "usage":{"total_tokens":99,"input_tokens":10,"output_tokens":5,"input_token_details":{"cached_tokens":1}}}}""");
        assertThat(h.transportNames()).containsExactly("usage_update", "turn_done");
        Usage usage = h.only("usage_update");
        assertThat(usage).isEqualTo(new Usage(1, 10, 5, 15, List.of(Map.of("cached_tokens", 1)), List.of(Map.of())));
        TurnDone done = h.only("turn_done");
        assertThat(done.response().id()).isEqualTo("r1");
        assertThat(done.response().output()).containsExactly(Map.of("type", "message", "id", "m"));
        assertThat(done.response().usage()).isEqualTo(usage);
    }

    @Test
    void b7_x10_response_done_without_usage_or_event_id_still_emits_zeros() {
        h.receive("{\"type\":\"response.done\",\"response\":{}}");
        assertThat(h.<Usage>only("usage_update")).isEqualTo(new Usage(1, 0, 0, 0, List.of(Map.of()), List.of(Map.of())));
        assertThat(h.<TurnDone>only("turn_done").response().id()).isEmpty();
    }

    @Test
    void b8_audio_delta_typed_then_decoded_audio() {
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r1\",\"item_id\":\"i\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"AQID/w==\"}");
        assertThat(h.names()).containsExactly("*", "server:response.output_audio.delta", "audio");
        TransportAudioEvent audio = h.only("audio");
        assertThat(audio.copyBytes()).containsExactly(1, 2, 3, 0xFF);
        assertThat(audio.responseId()).isEqualTo("r1");
    }

    @Test
    void b8_a27_streamed_audio_delta_when_nobody_needs_the_raw_event() {
        h.anyListeners = false;
        h.serverListeners = false;
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"extra\":{\"a\":[1,{\"b\":2}]},"
                + "\"delta\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[960]) + "\",\"item_id\":\"i7\","
                + "\"content_index\":1,\"response_id\":\"r1\"}");
        assertThat(h.names()).containsExactly("audio");
        TransportAudioEvent audio = h.only("audio");
        assertThat(audio.data().remaining()).isEqualTo(960);
        assertThat(audio.responseId()).isEqualTo("r1");
        assertThat(h.anyCopiesMade).isZero();
        h.advanceMillis(100);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i7\",\"content_index\":1,\"audio_end_ms\":20}");
    }

    @Test
    void b1_streamed_audio_delta_that_is_malformed_is_ignored() {
        h.anyListeners = false;
        h.serverListeners = false;
        h.receive("{\"type\":\"response.output_audio.delta\",\"delta\":\"AAAA\"} trailing");
        h.receive("{\"type\":\"response.output_audio.delta\",\"delta\":\"AAAA\"");
        h.receive("{\"type\":\"response.output_audio.delta\",\"delta\":\"not base64!\"}");
        h.receive("{\"type\":\"response.output_audio.delta\",\"delta\":\"AAé=\"}");
        h.receive("{\"type\":\"conversation.item.deleted\",\"item_id\":\"x\"} {}");
        assertThat(h.events).isEmpty();
        h.protocol.interrupt(true);
        assertThat(h.frames).isEmpty();
    }

    @Test
    void b9_audio_done_signal() {
        h.receive("{\"type\":\"response.output_audio.done\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"output_index\":0,\"content_index\":0}");
        assertThat(h.transportNames()).containsExactly("audio_done");
    }

    @Test
    void b10_b11_transcript_and_text_deltas() {
        h.receive("{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"e\",\"item_id\":\"i\","
                + "\"response_id\":\"r\",\"output_index\":0,\"content_index\":0,\"delta\":\"he\"}");
        h.receive("{\"type\":\"response.output_text.delta\",\"event_id\":\"e\",\"item_id\":\"i\","
                + "\"response_id\":\"r\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"}");
        assertThat(h.<TranscriptDelta>only("audio_transcript_delta")).isEqualTo(new TranscriptDelta("he", "i", "r"));
        assertThat(h.<TextDelta>only("output_text_delta")).isEqualTo(new TextDelta("lo", "i", "r"));
    }

    @Test
    void b12_partial_deltas_give_only_the_typed_event() {
        h.receive("{\"type\":\"conversation.item.input_audio_transcription.delta\",\"event_id\":\"e\",\"item_id\":\"i\","
                + "\"content_index\":0,\"delta\":\"x\"}");
        h.receive("{\"type\":\"response.function_call_arguments.delta\",\"event_id\":\"e\",\"item_id\":\"i\","
                + "\"response_id\":\"r\",\"call_id\":\"c\",\"output_index\":0,\"delta\":\"{\"}");
        assertThat(h.transportNames()).isEmpty();
        assertThat(h.names()).hasSize(4);
    }

    @Test
    void b13_item_deleted() {
        h.receive("{\"type\":\"conversation.item.deleted\",\"event_id\":\"e\",\"item_id\":\"gone\"}");
        assertThat(h.<ItemDeleted>only("item_deleted")).isEqualTo(new ItemDeleted("gone"));
    }

    @Test
    void b14_transcription_completed_and_truncated_retrieve_the_item() {
        h.receive("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\","
                + "\"item_id\":\"u1\",\"content_index\":0,\"transcript\":\"hello\"}");
        h.receive("{\"type\":\"conversation.item.truncated\",\"event_id\":\"e\",\"item_id\":\"a1\",\"content_index\":0,"
                + "\"audio_end_ms\":10}");
        assertFrames(h.takeFrames(), "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"u1\"}",
                "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"a1\"}");
    }

    @Test
    void b15_message_items_in_conversation_events() {
        h.receive("""
                {"type":"conversation.item.added","event_id":"e","previous_item_id":"p0",
                 "item":{"id":"m1","type":"message","role":"assistant","content":[{"type":"audio","transcript":"hi"},
                   {"type":"output_text","text":"t","annotations":[]}]}}""");
        h.receive("""
                {"type":"conversation.item.done","event_id":"e","previous_item_id":"p0",
                 "item":{"id":"m1","type":"message","role":"user","status":"incomplete","content":[
                   {"type":"input_image","image_url":"https://i"},{"type":"input_audio","transcript":null}]}}""");
        h.receive("""
                {"type":"conversation.item.retrieved","event_id":"e",
                 "item":{"id":"s1","type":"message","role":"system","content":[{"type":"input_text","text":"sys"}]}}""");
        List<RealtimeItem> updates = h.payloads("item_update");
        assertThat(updates).containsExactly(
                new RealtimeItem.Message("m1", "p0", Role.ASSISTANT, List.of(new ContentPart.OutputAudio(null, "hi"),
                        new ContentPart.OutputText("t")), ItemStatus.IN_PROGRESS),
                new RealtimeItem.Message("m1", "p0", Role.USER, List.of(new ContentPart.InputImage("https://i", null),
                        new ContentPart.InputAudio(null, null)), ItemStatus.INCOMPLETE),
                new RealtimeItem.Message("s1", null, Role.SYSTEM, List.of(new ContentPart.InputText("sys")), null));
    }

    @Test
    void b15_b25_previous_item_id_keeps_three_states_and_is_absent_for_retrieved() {
        String item = "\"item\":{\"id\":\"m4\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}";
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\",\"previous_item_id\":null," + item + "}");
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\"," + item + "}");
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"previous_item_id\":\"m1\"," + item + "}");
        h.receive("{\"type\":\"conversation.item.retrieved\",\"event_id\":\"e\",\"previous_item_id\":\"m1\","
                + item + "}");
        List<RealtimeItem.Message> updates = h.payloads("item_update");
        assertThat(updates).extracting(RealtimeItem.Message::previousItemId).containsExactly(null, null, "m1", null);
        assertThat(updates).extracting(RealtimeItem.Message::hasPreviousItemId).containsExactly(true, false, true, false);
        assertThat(updates.get(0).isFirst()).isTrue();
        assertThat(updates.get(0)).isEqualTo(RealtimeItem.Message.first("m4", Role.USER, List.of(),
                ItemStatus.IN_PROGRESS));
    }

    @Test
    void b9_audio_done_keeps_tracking_and_marks_generation_done() {
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"AAAA\"}");
        h.receive("{\"type\":\"response.output_audio.done\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"output_index\":0,\"content_index\":0}");
        assertThat(h.protocol.audio().tracking()).isTrue();
        h.advanceMillis(1);
        assertThat(h.protocol.audio().playedOut(h.nanos.get())).isTrue();
    }

    @Test
    void b16_message_items_in_output_item_events_have_no_previous_id() {
        h.receive("""
                {"type":"response.output_item.done","event_id":"e","response_id":"r","output_index":0,"previous_item_id":"p",
                 "item":{"id":"m2","type":"message","role":"assistant","content":[{"type":"output_audio","transcript":"x"}]}}""");
        assertThat(h.<RealtimeItem.Message>only("item_update")).isEqualTo(new RealtimeItem.Message("m2", null,
                Role.ASSISTANT, List.of(new ContentPart.OutputAudio(null, "x")), ItemStatus.COMPLETED));
    }

    private static String outputItem(String phase, String item) {
        return "{\"type\":\"response.output_item." + phase + "\",\"event_id\":\"e\",\"response_id\":\"r1\","
                + "\"output_index\":0,\"item\":" + item + "}";
    }

    @Test
    void b17_completed_function_call_gives_item_update_then_function_call() {
        h.receive(outputItem("added", "{\"id\":\"fc\",\"type\":\"function_call\",\"status\":\"in_progress\","
                + "\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"\"}"));
        assertThat(h.transportNames()).isEmpty();
        h.receive(outputItem("done", "{\"id\":\"fc\",\"type\":\"function_call\",\"status\":\"completed\","
                + "\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}"));
        assertThat(h.transportNames()).containsExactly("item_update", "function_call");
        assertThat(h.<RealtimeItem.FunctionCall>only("item_update")).isEqualTo(new RealtimeItem.FunctionCall("fc", null,
                "c1", "f", "{\"a\":1}", ItemStatus.IN_PROGRESS, null));
        assertThat(h.<TransportToolCallEvent>only("function_call")).isEqualTo(
                new TransportToolCallEvent("fc", "c1", "f", "{\"a\":1}", "r1", null));
    }

    @Test
    void b17_function_call_in_conversation_events_gives_only_the_typed_event() {
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"item\":{\"id\":\"fc\","
                + "\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":\"{}\"}}");
        assertThat(h.transportNames()).isEmpty();
    }

    @Test
    void x12_function_call_is_not_duplicated_for_added_and_done_of_the_same_item() {
        String item = "{\"id\":\"fc\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"c1\","
                + "\"name\":\"f\",\"arguments\":\"{}\"}";
        h.receive(outputItem("added", item));
        h.receive(outputItem("done", item));
        assertThat(h.payloads("function_call")).hasSize(1);
        assertThat(h.payloads("item_update")).hasSize(2);
    }

    @Test
    void x10_function_call_without_name_or_arguments_is_still_delivered() {
        h.receive(outputItem("done", "{\"id\":\"fc\",\"type\":\"function_call\",\"status\":\"completed\"}"));
        assertThat(h.<TransportToolCallEvent>only("function_call")).isEqualTo(
                new TransportToolCallEvent("fc", "", "", "", "r1", null));
    }

    @Test
    void b18_mcp_calls() {
        String item = "{\"id\":\"mc\",\"type\":\"mcp_call\",\"name\":\"t\",\"arguments\":\"{}\",\"output\":\"o\"}";
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\",\"item\":" + item + "}");
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"item\":" + item + "}");
        h.receive("{\"type\":\"conversation.item.retrieved\",\"event_id\":\"e\",\"item\":" + item + "}");
        h.receive(outputItem("added", item));
        h.receive(outputItem("done", item));
        assertThat(h.transportNames()).containsExactly("item_update", "item_update", "mcp_tool_call_completed",
                "item_update", "item_update", "item_update");
        List<RealtimeItem.McpCall> updates = h.payloads("item_update");
        assertThat(updates).extracting(RealtimeItem.McpCall::status).containsExactly(ItemStatus.IN_PROGRESS,
                ItemStatus.COMPLETED, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, ItemStatus.COMPLETED);
        assertThat(h.<RealtimeItem.McpCall>only("mcp_tool_call_completed")).isEqualTo(new RealtimeItem.McpCall("mc",
                null, "mcp_call", ItemStatus.COMPLETED, "t", "{}", "o"));
    }

    @Test
    void b19_mcp_approval_request_only_on_item_done() {
        String item = "{\"id\":\"ar\",\"type\":\"mcp_approval_request\",\"server_label\":\"srv\",\"name\":\"t\","
                + "\"arguments\":\"{\\\"q\\\":1}\"}";
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\",\"item\":" + item + "}");
        assertThat(h.transportNames()).isEmpty();
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"item\":" + item + "}");
        assertThat(h.transportNames()).containsExactly("item_update", "mcp_approval_request");
        assertThat(h.<RealtimeItem.McpApprovalRequest>only("mcp_approval_request")).isEqualTo(
                new RealtimeItem.McpApprovalRequest("ar", "srv", "t", Map.of("q", 1), null));
    }

    @Test
    void b20_mcp_list_tools_only_on_item_done_without_item_update() {
        String item = "{\"id\":\"lt\",\"type\":\"mcp_list_tools\",\"server_label\":\"srv\",\"tools\":[{\"name\":\"a\","
                + "\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},\"annotations\":{\"readOnly\":true}}]}";
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\",\"item\":" + item + "}");
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"item\":" + item + "}");
        assertThat(h.transportNames()).containsExactly("mcp_tools_listed");
        McpToolsListed listed = h.only("mcp_tools_listed");
        assertThat(listed.serverLabel()).isEqualTo("srv");
        assertThat(listed.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("a");
            assertThat(t.inputSchema()).isEqualTo(Map.of("type", "object"));
            assertThat(t.extra()).isEqualTo(Map.of("annotations", Map.of("readOnly", true)));
        });
    }

    @Test
    void b21_mcp_in_progress_retrieves() {
        h.receive("{\"type\":\"response.mcp_call.in_progress\",\"event_id\":\"e\",\"item_id\":\"mc\",\"output_index\":0}");
        h.receive("{\"type\":\"mcp_list_tools.in_progress\",\"item_id\":\"lt\"}");
        h.receive("{\"type\":\"mcp_list_tools.in_progress\"}");
        assertFrames(h.takeFrames(), "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"mc\"}",
                "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"lt\"}");
    }

    @Test
    void b22_session_updated_is_stored_and_used() {
        h.receive("{\"type\":\"session.updated\",\"event_id\":\"e\",\"session\":{\"audio\":{\"output\":"
                + "{\"format\":{\"type\":\"audio/pcm\",\"rate\":16000}}}}}");
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"content_index\":0,\"delta\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[960]) + "\"}");
        h.advanceMillis(1000);
        h.protocol.interrupt(false);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\",\"content_index\":0,\"audio_end_ms\":30}");
    }

    @Test
    void b23_session_created_triggers_tracing_and_speech_started_triggers_interrupt() {
        h.receive("{\"type\":\"session.created\",\"event_id\":\"e\",\"session\":{}}");
        assertFrames(h.takeFrames(), "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":\"auto\"}}");
        h.receive("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\",\"item_id\":\"i\","
                + "\"content_index\":0,\"delta\":\"AAAA\"}");
        h.receive("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"e\",\"item_id\":\"u\",\"audio_start_ms\":0}");
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.truncate");
    }

    @Test
    void b_order_follow_ups_are_skipped_when_a_listener_closes() {
        h.reactions.put("server:conversation.item.truncated", e -> h.protocol.abortCurrentFrame());
        h.receive("{\"type\":\"conversation.item.truncated\",\"event_id\":\"e\",\"item_id\":\"a1\",\"content_index\":0,"
                + "\"audio_end_ms\":10}");
        h.reactions.clear();
        h.reactions.put("*", e -> h.protocol.reset());
        h.receive("{\"type\":\"conversation.item.truncated\",\"event_id\":\"e\",\"item_id\":\"a2\",\"content_index\":0,"
                + "\"audio_end_ms\":10}");
        assertThat(h.frames).isEmpty();
        h.reactions.clear();
        h.receive("{\"type\":\"conversation.item.truncated\",\"event_id\":\"e\",\"item_id\":\"a3\",\"content_index\":0,"
                + "\"audio_end_ms\":10}");
        assertThat(h.frames).hasSize(1);
    }

    @Test
    void x24_listener_exceptions_never_escape_into_frame_processing() {
        h.reactions.put("*", e -> {
            throw new IllegalStateException("listener bug");
        });
        h.reactions.put("usage_update", e -> {
            throw new IllegalStateException("listener bug");
        });
        h.receive("{\"type\":\"conversation.item.truncated\",\"event_id\":\"e\",\"item_id\":\"a1\",\"content_index\":0,"
                + "\"audio_end_ms\":10}");
        h.receive("{\"type\":\"response.done\",\"event_id\":\"e\",\"response\":{\"id\":\"r\"}}");
        assertThat(h.frames).hasSize(1);
        assertThat(h.transportNames()).containsExactly("usage_update", "turn_done");
    }
}
