package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryDiffTest {

    private final ProtocolHarness h = new ProtocolHarness();

    private static RealtimeItem.Message user(String id, String text) {
        return new RealtimeItem.Message(id, null, Role.USER, List.of(new ContentPart.InputText(text)),
                ItemStatus.COMPLETED);
    }

    private static RealtimeItem.FunctionCall call(String id, String args) {
        return new RealtimeItem.FunctionCall(id, null, "c_" + id, "f", args, ItemStatus.COMPLETED, null);
    }

    private static RealtimeItem.Message assistantAudio(String id) {
        return new RealtimeItem.Message(id, null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "said")), ItemStatus.COMPLETED);
    }

    @Test
    void a34_probe_I_wire_sequence() {
        RealtimeItem.Message system = new RealtimeItem.Message("s1", null, Role.SYSTEM,
                List.of(new ContentPart.InputText("sys")), ItemStatus.COMPLETED);
        List<RealtimeItem> old = List.of(user("a", "1"), user("b", "2"), call("fc1", "{}"), user("c", "3"));
        List<RealtimeItem> now = List.of(user("b", "2 changed"), system, user("new", "n"), call("fc1", "{\"x\":1}"),
                user("c", "3"));
        h.protocol.resetHistory(old, now);
        assertFrames(h.takeFrames(),
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"a\"}",
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"b\"}",
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"fc1\"}",
                """
                {"type":"conversation.item.create","item":{"type":"message","role":"system",
                 "content":[{"type":"input_text","text":"sys"}],"id":"s1"}}""",
                """
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_text","text":"n"}],"id":"new","status":"completed"}}""",
                """
                {"type":"conversation.item.create","item":{"type":"message","role":"user",
                 "content":[{"type":"input_text","text":"2 changed"}],"id":"b","status":"completed"}}""");
    }

    @Test
    void a32_deep_equality_means_unchanged_items_send_nothing() {
        List<RealtimeItem> old = List.of(user("a", "1"), call("f", "{}"),
                new RealtimeItem.McpApprovalRequest("m", "srv", "t", Map.of("k", List.of(1, 2)), null));
        List<RealtimeItem> copy = List.of(user("a", "1"), call("f", "{}"),
                new RealtimeItem.McpApprovalRequest("m", "srv", "t", Map.of("k", List.of(1, 2)), null));
        h.protocol.resetHistory(old, copy);
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a34_function_call_and_mcp_additions_create_nothing() {
        h.protocol.resetHistory(List.of(), List.of(call("f", "{}"),
                new RealtimeItem.McpCall("mc", null, "mcp_call", ItemStatus.COMPLETED, "t", "{}", "o")));
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a34_status_omitted_when_absent_and_content_verbatim() {
        RealtimeItem.Message message = new RealtimeItem.Message("x", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputText("t"), new ContentPart.InputImage("https://i", "low")), null);
        h.protocol.resetHistory(List.of(), List.of(message));
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"assistant",
                 "content":[{"type":"output_text","text":"t"},{"type":"input_image","image_url":"https://i","detail":"low"}],
                 "id":"x"}}""");
    }

    @Test
    void a33_assistant_audio_addition_or_update_throws_before_sending() {
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(user("a", "1")), List.of(assistantAudio("z"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output_audio");
        RealtimeItem.Message before = new RealtimeItem.Message("z", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "other")), ItemStatus.COMPLETED);
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(before, user("a", "1")), List.of(assistantAudio("z"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a33_unchanged_assistant_audio_is_fine() {
        h.protocol.resetHistory(List.of(assistantAudio("z"), user("a", "1")), List.of(assistantAudio("z")));
        assertFrames(h.takeFrames(), "{\"type\":\"conversation.item.delete\",\"item_id\":\"a\"}");
    }
}
