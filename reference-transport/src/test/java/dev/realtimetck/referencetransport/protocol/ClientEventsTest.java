package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.UserContent;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientEventsTest {

    private final ProtocolHarness h = new ProtocolHarness();

    @Test
    void a4_sendEvent_writes_other_events_verbatim() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("audio", "AAAA");
        fields.put("custom", null);
        fields.put("nested", Map.of("k", List.of(1, 2.5, true)));
        h.protocol.sendEvent(new RealtimeClientMessage("input_audio_buffer.append", fields));
        assertFrames(h.takeFrames(),
                "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\",\"custom\":null,\"nested\":{\"k\":[1,2.5,true]}}");
    }

    @Test
    void a5_sendEvent_response_create_keeps_caller_event_id_and_fields() {
        h.protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "response.create", "event_id", "mine",
                "response", Map.of("instructions", "x"))));
        assertFrames(h.takeFrames(),
                "{\"type\":\"response.create\",\"event_id\":\"mine\",\"response\":{\"instructions\":\"x\"}}");
    }

    @Test
    void a5_sendEvent_response_create_gets_an_event_id_when_missing() {
        h.protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "response.create", "extra", 1)));
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"extra\":1,\"event_id\":\"evt_1\"}");
    }

    @Test
    void a5_d1_a_caller_event_id_is_kept_only_when_it_is_a_string() {
        h.protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "response.create", "event_id", 5,
                "response", Map.of("instructions", "x"))));
        assertFrames(h.takeFrames(),
                "{\"type\":\"response.create\",\"event_id\":\"evt_1\",\"response\":{\"instructions\":\"x\"}}");
    }

    @Test
    void a6_sendEvent_response_cancel_is_written_even_without_active_response() {
        h.protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "response.cancel", "response_id", "r9")));
        assertFrames(h.takeFrames(), "{\"type\":\"response.cancel\",\"response_id\":\"r9\"}");
    }

    @Test
    void a8_requestResponse_auto_and_manual_payloads() {
        h.protocol.requestResponse();
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"event_id\":\"evt_1\"}");
        h.receive("{\"type\":\"response.created\",\"event_id\":\"s1\",\"response\":{\"id\":\"r1\"}}");
        h.receive("{\"type\":\"response.done\",\"event_id\":\"s2\",\"response\":{\"id\":\"r1\"}}");
        h.protocol.requestResponse(Map.of());
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"response\":{},\"event_id\":\"evt_2\"}");
        h.receive("{\"type\":\"response.created\",\"event_id\":\"s3\",\"response\":{\"id\":\"r2\"}}");
        h.receive("{\"type\":\"response.done\",\"event_id\":\"s4\",\"response\":{\"id\":\"r2\"}}");
        h.protocol.requestResponse(null);
        assertFrames(h.takeFrames(), "{\"type\":\"response.create\",\"event_id\":\"evt_3\"}");
    }

    @Test
    void a9_sendMessage_text() {
        h.protocol.sendMessage(RealtimeUserInput.text("hi"), null, false);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_text","text":"hi"}]}}""");
    }

    @Test
    void a10_a11_sendMessage_structured_with_image_provider_data_and_other_event_data() {
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("event_id", "evt_custom");
        other.put("previous_item_id", "p1");
        h.protocol.sendMessage(RealtimeUserInput.message(List.of(new UserContent.InputText("look"),
                new UserContent.InputImage("data:image/png;base64,AAA", Map.of("detail", "high")))), other, false);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"user","content":[
                  {"type":"input_text","text":"look"},
                  {"type":"input_image","image_url":"data:image/png;base64,AAA","detail":"high"}]},
                 "event_id":"evt_custom","previous_item_id":"p1"}""");
    }

    @Test
    void x21_other_event_data_and_provider_data_win_on_collision() {
        h.protocol.sendMessage(RealtimeUserInput.message(List.of(
                new UserContent.InputImage("https://a", Map.of("image_url", "https://b")))),
                Map.of("type", "conversation.item.create", "extra", "meta"), false);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"user","content":[
                  {"type":"input_image","image_url":"https://b"}]},"extra":"meta"}""");
    }

    @Test
    void a12_sendMessage_triggers_an_auto_response_by_request() {
        h.protocol.sendMessage(RealtimeUserInput.text("hi"), null, true);
        List<String> frames = h.takeFrames();
        assertThat(frames).extracting(ProtocolHarness::type)
                .containsExactly("conversation.item.create", "response.create");
        assertFrames(List.of(frames.get(1)), "{\"type\":\"response.create\",\"event_id\":\"evt_1\"}");
    }

    @Test
    void a13_addImage() {
        h.protocol.addImage("https://img", true);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_image","image_url":"https://img"}]}}""",
                "{\"type\":\"response.create\",\"event_id\":\"evt_1\"}");
        h.protocol.addImage("https://img2", false);
        assertThat(h.takeFrames()).hasSize(1);
    }

    @Test
    void a14_sendAudio_base64_and_commit() {
        h.protocol.sendAudio(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 0xFF}), true);
        assertFrames(h.takeFrames(), "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AQID/w==\"}",
                "{\"type\":\"input_audio_buffer.commit\"}");
    }

    @Test
    void a14_sendAudio_empty_buffer_and_no_commit() {
        h.protocol.sendAudio(ByteBuffer.allocate(0), false);
        assertFrames(h.takeFrames(), "{\"type\":\"input_audio_buffer.append\",\"audio\":\"\"}");
    }

    @Test
    void a14_x20_sendAudio_any_size_slices_and_direct_buffers_without_consuming() {
        byte[] audio = new byte[1_000_003];
        new Random(7).nextBytes(audio);
        ByteBuffer direct = ByteBuffer.allocateDirect(audio.length);
        direct.put(audio).flip();
        h.protocol.sendAudio(direct, false);
        assertThat(direct.remaining()).isEqualTo(audio.length);
        ByteBuffer slice = ByteBuffer.wrap(audio, 10, 100).slice();
        h.protocol.sendAudio(slice, false);
        List<String> frames = h.takeFrames();
        assertThat(Base64.getDecoder().decode(tree(frames.get(0)).path("audio").asString())).isEqualTo(audio);
        assertThat(Base64.getDecoder().decode(tree(frames.get(1)).path("audio").asString()))
                .isEqualTo(java.util.Arrays.copyOfRange(audio, 10, 110));
    }

    @Test
    void a26_sendFunctionCallOutput_frame_item_update_then_auto_response() {
        TransportToolCallEvent call = new TransportToolCallEvent("item_1", "call_1", "f", "{}", "r1", "prev");
        h.protocol.sendFunctionCallOutput(call, "out", true);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"function_call_output","output":"out","call_id":"call_1"}}""",
                "{\"type\":\"response.create\",\"event_id\":\"evt_1\"}");
        RealtimeItem.FunctionCall update = h.only("item_update");
        assertThat(update).isEqualTo(new RealtimeItem.FunctionCall("item_1", "prev", "call_1", "f", "{}",
                ItemStatus.COMPLETED, "out"));
        h.protocol.sendFunctionCallOutput(call, "out", false);
        assertThat(h.takeFrames()).extracting(ProtocolHarness::type).containsExactly("conversation.item.create");
    }

    @Test
    void a35_sendMcpResponse_with_and_without_reason() {
        RealtimeItem.McpApprovalRequest request = new RealtimeItem.McpApprovalRequest("mcpr_1", "srv", "t",
                Map.of(), null);
        h.protocol.sendMcpResponse(request, false, "nope");
        h.protocol.sendMcpResponse(request, true, null);
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","previous_item_id":"mcpr_1",
                 "item":{"type":"mcp_approval_response","approval_request_id":"mcpr_1","approve":false,"reason":"nope"}}""",
                """
                {"type":"conversation.item.create","previous_item_id":"mcpr_1",
                 "item":{"type":"mcp_approval_response","approval_request_id":"mcpr_1","approve":true}}""");
    }
}
