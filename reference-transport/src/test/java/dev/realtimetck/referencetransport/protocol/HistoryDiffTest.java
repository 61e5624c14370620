package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.UnsupportedHistoryChangeException;
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

    private static String create(String previous, String id, String text, String eventId) {
        return "{\"type\":\"conversation.item.create\"," + (previous == null ? "" : "\"previous_item_id\":\"" + previous
                + "\",") + "\"item\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"" + text + "\"}],\"id\":\"" + id + "\",\"status\":\"completed\"},\"event_id\":\""
                + eventId + "\"}";
    }

    private static String delete(String id, String eventId) {
        return "{\"type\":\"conversation.item.delete\",\"item_id\":\"" + id + "\",\"event_id\":\"" + eventId + "\"}";
    }

    private final List<RealtimeItem> abc = List.of(user("a", "a"), user("b", "b"), user("c", "c"));

    /** A37: from [a, b, c] to [a, b, x, c]; returns the previous_item_id of the create of x. */
    private String anchorOfInsertedX(String x) {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("b", "b"), user(x, x), user("c", "c")));
        List<String> frames = h.takeFrames();
        assertThat(frames).hasSize(1);
        return ProtocolHarness.tree(frames.get(0)).path("previous_item_id").asString(null);
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
                delete("a", "agents_delete_1"),
                delete("b", "agents_delete_2"),
                delete("fc1", "agents_delete_3"),
                create("root", "b", "2 changed", "agents_create_4"),
                """
                {"type":"conversation.item.create","previous_item_id":"b","item":{"type":"message","role":"system",
                 "content":[{"type":"input_text","text":"sys"}],"id":"s1"},"event_id":"agents_create_5"}""",
                create("s1", "new", "n", "agents_create_6"));
    }

    @Test
    void a34_trailing_creates_append_and_an_insert_at_the_front_is_anchored_at_root() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("b", "b2"), user("c", "c"), user("d", "d")));
        assertFrames(h.takeFrames(), delete("b", "agents_delete_1"), create("a", "b", "b2", "agents_create_2"),
                create(null, "d", "d", "agents_create_3"));
        ProtocolHarness fresh = new ProtocolHarness();
        fresh.protocol.resetHistory(List.of(user("p", "p"), user("q", "q")),
                List.of(user("x", "x"), user("p", "p"), user("q", "q")));
        assertFrames(fresh.takeFrames(), create("root", "x", "x", "agents_create_1"));
    }

    @Test
    void a34_nothing_surviving_means_every_create_appends_and_function_calls_anchor_nothing() {
        h.protocol.resetHistory(List.of(user("a", "a"), call("f", "{}")),
                List.of(user("n1", "1"), call("f", "{\"x\":1}"), user("n2", "2")));
        assertFrames(h.takeFrames(), delete("a", "agents_delete_1"), delete("f", "agents_delete_2"),
                create(null, "n1", "1", "agents_create_3"), create(null, "n2", "2", "agents_create_4"));
        ProtocolHarness other = new ProtocolHarness();
        other.protocol.resetHistory(List.of(user("k", "k"), call("f", "{}")),
                List.of(user("k", "k"), call("f", "{\"x\":1}"), user("n", "n"), user("z", "z")));
        // z is added after n, nothing follows that survives: both append
        assertThat(other.takeFrames()).extracting(f -> ProtocolHarness.tree(f).has("previous_item_id"))
                .containsExactly(false, false, false);
        ProtocolHarness anchored = new ProtocolHarness();
        anchored.protocol.resetHistory(List.of(user("k", "k"), call("f", "{}"), user("z", "z")),
                List.of(user("k", "k"), call("f", "{\"x\":1}"), user("n", "n"), user("z", "z")));
        // the changed function call is deleted and not re-created, so n anchors on k, before the surviving z
        assertFrames(anchored.takeFrames(), delete("f", "agents_delete_1"), create("k", "n", "n", "agents_create_2"));
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
    void a34_function_call_additions_create_nothing() {
        h.protocol.resetHistory(List.of(), List.of(call("f", "{}")));
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a34_mcp_additions_updates_and_replacements_throw_before_sending() {
        RealtimeItem.McpCall mcp = new RealtimeItem.McpCall("mc", null, "mcp_call", ItemStatus.COMPLETED, "t", "{}",
                "o");
        RealtimeItem.McpApprovalRequest approval = new RealtimeItem.McpApprovalRequest("ap", "srv", "t", Map.of(),
                null);
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(user("a", "1")), List.of(user("n", "n"), mcp)))
                .isInstanceOf(UnsupportedHistoryChangeException.class).hasMessageContaining("mcp_call")
                .extracting(e -> ((UnsupportedHistoryChangeException) e).itemId()).isEqualTo("mc");
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(user("a", "1"), approval),
                List.of(new RealtimeItem.McpApprovalRequest("ap", "srv", "t", Map.of(), true))))
                .isInstanceOf(UnsupportedHistoryChangeException.class).hasMessageContaining("mcp_approval_request");
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(user("a", "1"), mcp), List.of(user("mc", "now text"))))
                .isInstanceOf(UnsupportedHistoryChangeException.class).hasMessageContaining("replace");
        assertThat(h.frames).isEmpty();
        // removing an MCP item, or leaving it unchanged, is fine
        h.protocol.resetHistory(List.of(user("a", "1"), mcp, approval), List.of(user("a", "1"), approval));
        assertFrames(h.takeFrames(), delete("mc", "agents_delete_1"));
    }

    @Test
    void a34_status_omitted_when_absent_and_content_verbatim() {
        RealtimeItem.Message message = new RealtimeItem.Message("x", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputText("t"), new ContentPart.InputImage("https://i", "low"),
                        new ContentPart.InputAudio("AAAA", "hi")), null);
        h.protocol.resetHistory(List.of(), List.of(message));
        assertFrames(h.takeFrames(), """
                {"type":"conversation.item.create","item":{"type":"message","role":"assistant",
                 "content":[{"type":"output_text","text":"t"},{"type":"input_image","image_url":"https://i","detail":"low"},
                 {"type":"input_audio","audio":"AAAA","transcript":"hi"}],"id":"x"},"event_id":"agents_create_1"}""");
    }

    @Test
    void a33_assistant_audio_addition_or_update_throws_before_sending() {
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(user("a", "1")), List.of(assistantAudio("z"))))
                .isInstanceOf(UnsupportedHistoryChangeException.class).hasMessageContaining("output_audio");
        RealtimeItem.Message before = new RealtimeItem.Message("z", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "other")), ItemStatus.COMPLETED);
        assertThatThrownBy(() -> h.protocol.resetHistory(List.of(before, user("a", "1")), List.of(assistantAudio("z"))))
                .isInstanceOf(UnsupportedHistoryChangeException.class);
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a33_unchanged_assistant_audio_is_fine() {
        h.protocol.resetHistory(List.of(assistantAudio("z"), user("a", "1")), List.of(assistantAudio("z")));
        assertFrames(h.takeFrames(), delete("a", "agents_delete_1"));
    }

    @Test
    void a36_one_counter_for_both_kinds_that_survives_reset_and_counts_failed_writes() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        assertFrames(h.takeFrames(), delete("b", "agents_delete_1"));
        h.protocol.reset();
        h.failNextWrite = new IllegalStateException("not connected");
        assertThatThrownBy(() -> h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c"))))
                .isInstanceOf(IllegalStateException.class);
        h.protocol.resetHistory(List.of(), List.of(user("n", "n")));
        assertFrames(h.takeFrames(), create(null, "n", "n", "agents_create_3"));
    }

    @Test
    void a37_pending_delete_is_projected_absent_until_settled() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        h.takeFrames();
        assertThat(anchorOfInsertedX("x")).isEqualTo("a");
    }

    @Test
    void a37_b5_error_naming_the_delete_settles_it_before_the_error_event() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        h.takeFrames();
        h.reactions.put("error", e -> assertThat(h.protocol.history().pendingCount()).isZero());
        h.receive("{\"type\":\"error\",\"event_id\":\"e1\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"Item not found\",\"event_id\":\"agents_delete_1\"}}");
        assertThat(h.transportNames()).containsExactly("error");
        assertThat(anchorOfInsertedX("x")).isEqualTo("b");
    }

    @Test
    void a37_b13_item_deleted_settles_the_oldest_delete_before_item_deleted() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        h.takeFrames();
        h.reactions.put("item_deleted", e -> assertThat(h.protocol.history().pendingCount()).isZero());
        h.receive("{\"type\":\"conversation.item.deleted\",\"event_id\":\"e2\",\"item_id\":\"b\"}");
        assertThat(h.transportNames()).containsExactly("item_deleted");
        assertThat(anchorOfInsertedX("x")).isEqualTo("b");
    }

    @Test
    void a37_a_pending_recreation_makes_an_item_present_and_done_does_not_settle_it() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("b", "b2"), user("c", "c")));
        assertFrames(h.takeFrames(), delete("b", "agents_delete_1"), create("a", "b", "b2", "agents_create_2"));
        List<RealtimeItem> now = List.of(user("a", "a"), user("b", "b2"), user("c", "c"));
        h.receive("{\"type\":\"conversation.item.done\",\"event_id\":\"e\",\"previous_item_id\":\"a\",\"item\":{"
                + "\"id\":\"b\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}}");
        assertThat(h.protocol.history().pendingCount()).isEqualTo(2);
        h.clear();
        h.protocol.resetHistory(now, List.of(user("a", "a"), user("b", "b2"), user("y", "y"), user("c", "c")));
        assertThat(ProtocolHarness.tree(h.takeFrames().get(0)).path("previous_item_id").asString(null)).isEqualTo("b");
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e\",\"previous_item_id\":\"a\",\"item\":{"
                + "\"id\":\"b\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}}");
        // the create of b settles, and with it the delete sent before it (X26 port obligation); y stays pending
        assertThat(h.protocol.history().pendingCount()).isEqualTo(1);
    }

    @Test
    void a37_c12_c14_disconnect_forgets_pending_requests() {
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        h.takeFrames();
        h.protocol.reset();
        assertThat(anchorOfInsertedX("x")).isEqualTo("b");
    }

    @Test
    void a37_a_failed_write_is_not_remembered_and_earlier_frames_stay_pending() {
        h.failNextWrite = new IllegalStateException("socket gone");
        assertThatThrownBy(() -> h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("socket gone");
        assertThat(h.protocol.history().pendingCount()).isZero();
        assertThat(anchorOfInsertedX("x")).isEqualTo("b");
    }

    @Test
    void x26_a_later_acknowledgement_retires_an_unanswered_earlier_request() {
        // step 1: [a, b, c] -> [a, c] deletes b
        h.protocol.resetHistory(abc, List.of(user("a", "a"), user("c", "c")));
        assertFrames(h.takeFrames(), delete("b", "agents_delete_1"));
        // step 2: the server rejects it without error.event_id, so b still exists
        h.receive("{\"type\":\"error\",\"event_id\":\"e1\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"rejected\"}}");
        // step 3: [a, b, c] -> [a, b, c, d] appends d, and the server acknowledges it
        List<RealtimeItem> abcd = List.of(user("a", "a"), user("b", "b"), user("c", "c"), user("d", "d"));
        h.protocol.resetHistory(abc, abcd);
        assertFrames(h.takeFrames(), create(null, "d", "d", "agents_create_2"));
        h.receive("{\"type\":\"conversation.item.added\",\"event_id\":\"e3\",\"previous_item_id\":\"c\",\"item\":{"
                + "\"id\":\"d\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}}");
        // step 4: the delete of b sent before d was settled with it, so x lands after b
        h.protocol.resetHistory(abcd, List.of(user("a", "a"), user("b", "b"), user("x", "x"), user("c", "c"),
                user("d", "d")));
        assertFrames(h.takeFrames(), create("b", "x", "x", "agents_create_3"));
    }
}
