package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeItemTest {

    @Test
    void messageCopiesContentImmutably() {
        List<ContentPart> content = new ArrayList<>(List.of(new ContentPart.InputText("hi")));
        RealtimeItem.Message message =
                new RealtimeItem.Message("item_1", null, Role.USER, content, ItemStatus.COMPLETED);

        content.add(new ContentPart.InputAudio(null, "later"));

        assertThat(message.content()).containsExactly(new ContentPart.InputText("hi"));
        assertThatThrownBy(() -> message.content().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(message.type()).isEqualTo("message");
        assertThat(message).isEqualTo(new RealtimeItem.Message("item_1", null, Role.USER,
                List.of(new ContentPart.InputText("hi")), ItemStatus.COMPLETED));
    }

    @Test
    void messageValidationNamesTheField() {
        assertThatThrownBy(() -> new RealtimeItem.Message("", null, Role.USER, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("itemId");
        assertThatThrownBy(() -> new RealtimeItem.Message("i", null, null, List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("role");
        assertThatThrownBy(() -> new RealtimeItem.Message("i", null, Role.USER, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("content");
        List<ContentPart> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new RealtimeItem.Message("i", null, Role.USER, withNull, null))
                .isInstanceOf(NullPointerException.class).hasMessage("content[0]");
    }

    @Test
    void previousItemIdHasThreeStates() {
        List<ContentPart> hi = List.of(new ContentPart.InputText("hi"));
        RealtimeItem.Message after = new RealtimeItem.Message("m2", "m1", Role.USER, hi, ItemStatus.COMPLETED);
        RealtimeItem.Message first = RealtimeItem.Message.first("m2", Role.USER, hi, ItemStatus.COMPLETED);
        RealtimeItem.Message absent = new RealtimeItem.Message("m2", null, Role.USER, hi, ItemStatus.COMPLETED);

        assertThat(after.hasPreviousItemId()).isTrue();
        assertThat(after.isFirst()).isFalse();
        assertThat(first.previousItemId()).isNull();
        assertThat(first.hasPreviousItemId()).isTrue();
        assertThat(first.isFirst()).isTrue();
        assertThat(absent.hasPreviousItemId()).isFalse();
        assertThat(absent.isFirst()).isFalse();
        assertThat(first).isNotEqualTo(absent);
        assertThat(first).isEqualTo(new RealtimeItem.Message("m2", null, true, Role.USER, hi, ItemStatus.COMPLETED));
        assertThatThrownBy(() -> new RealtimeItem.Message("m2", "m1", false, Role.USER, hi, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hasPreviousItemId");
    }

    @Test
    void unsupportedHistoryChangeNamesTheItem() {
        UnsupportedHistoryChangeException e = new UnsupportedHistoryChangeException("mcp_1", "cannot replay");

        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot replay");
        assertThat(e.itemId()).isEqualTo("mcp_1");
        assertThatThrownBy(() -> new UnsupportedHistoryChangeException("", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("itemId");
    }

    @Test
    void systemMessageHasNoStatus() {
        RealtimeItem.Message system = new RealtimeItem.Message("sys", null, Role.SYSTEM,
                List.of(new ContentPart.InputText("rules")), null);

        assertThat(system.status()).isNull();
    }

    @Test
    void functionCall() {
        RealtimeItem.FunctionCall call = new RealtimeItem.FunctionCall("item_2", "item_1", "call_1", "weather",
                "{\"city\":\"Paris\"}", ItemStatus.IN_PROGRESS, null);

        assertThat(call.type()).isEqualTo("function_call");
        assertThat(call.itemId()).isEqualTo("item_2");
        assertThatThrownBy(() -> new RealtimeItem.FunctionCall("i", null, null, null, "{}", ItemStatus.COMPLETED,
                null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new RealtimeItem.FunctionCall("i", null, null, "n", null, ItemStatus.COMPLETED,
                null)).isInstanceOf(NullPointerException.class).hasMessage("arguments");
        assertThatThrownBy(() -> new RealtimeItem.FunctionCall("i", null, null, "n", "{}", null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("status");
        assertThatThrownBy(() -> new RealtimeItem.FunctionCall(null, null, null, "n", "{}", ItemStatus.COMPLETED,
                null)).isInstanceOf(NullPointerException.class).hasMessage("itemId");
    }

    @Test
    void mcpCallAcceptsBothWireTypes() {
        RealtimeItem.McpCall call = new RealtimeItem.McpCall("m1", null, "mcp_call", ItemStatus.COMPLETED, "search",
                "{}", "result");
        RealtimeItem.McpCall legacy = new RealtimeItem.McpCall("m2", null, "mcp_tool_call", ItemStatus.COMPLETED,
                null, null, null);

        assertThat(call.type()).isEqualTo("mcp_call");
        assertThat(legacy.type()).isEqualTo("mcp_tool_call");
        assertThatThrownBy(() -> new RealtimeItem.McpCall("m", null, "function_call", ItemStatus.COMPLETED, null,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("type");
        assertThatThrownBy(() -> new RealtimeItem.McpCall("m", null, "mcp_call", null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("status");
    }

    @Test
    void mcpApprovalRequestCopiesArguments() {
        Map<String, Object> arguments = new HashMap<>(Map.of("q", "x"));
        RealtimeItem.McpApprovalRequest request =
                new RealtimeItem.McpApprovalRequest("r1", "docs", "search", arguments, null);

        arguments.put("q", "changed");

        assertThat(request.arguments()).isEqualTo(Map.of("q", "x"));
        assertThat(request.approved()).isNull();
        assertThat(request.type()).isEqualTo("mcp_approval_request");
        assertThatThrownBy(() -> request.arguments().put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new RealtimeItem.McpApprovalRequest("r1", "docs", "search", null, true))
                .isInstanceOf(NullPointerException.class).hasMessage("arguments");
        assertThatThrownBy(() -> new RealtimeItem.McpApprovalRequest("r1", null, "search", Map.of(), true))
                .isInstanceOf(NullPointerException.class).hasMessage("serverLabel");
        assertThatThrownBy(() -> new RealtimeItem.McpApprovalRequest("r1", "docs", null, Map.of(), true))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void contentPartTypesAndValidation() {
        assertThat(new ContentPart.InputText("a").type()).isEqualTo("input_text");
        assertThat(new ContentPart.InputAudio(null, null).type()).isEqualTo("input_audio");
        assertThat(new ContentPart.InputImage("https://x/y.png", null).type()).isEqualTo("input_image");
        assertThat(new ContentPart.OutputText("b").type()).isEqualTo("output_text");
        assertThat(new ContentPart.OutputAudio(null, "t").type()).isEqualTo("output_audio");
        assertThatThrownBy(() -> new ContentPart.InputText(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text");
        assertThatThrownBy(() -> new ContentPart.OutputText(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text");
        assertThatThrownBy(() -> new ContentPart.InputImage("", "low"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("imageUrl");
    }

    @Test
    void enumsParseTheirWireValues() {
        for (ItemStatus status : ItemStatus.values()) {
            assertThat(ItemStatus.fromWire(status.wireValue())).isSameAs(status);
        }
        for (Role role : Role.values()) {
            assertThat(Role.fromWire(role.wireValue())).isSameAs(role);
        }
        assertThat(ItemStatus.IN_PROGRESS.wireValue()).isEqualTo("in_progress");
        assertThat(Role.ASSISTANT.wireValue()).isEqualTo("assistant");
        assertThatThrownBy(() -> ItemStatus.fromWire("done")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("status");
        assertThatThrownBy(() -> Role.fromWire("tool")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("role");
        assertThat(ConnectionStatus.values()).extracting(ConnectionStatus::wireValue)
                .containsExactly("connected", "disconnected", "connecting", "disconnecting");
    }
}
