package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransportEventTypeTest {

    /** The keys of TypeScript RealtimeTransportEventTypes, in declaration order, without '*'. */
    private static final List<String> TYPESCRIPT_NAMES = List.of("error", "function_call", "audio",
            "audio_interrupted", "audio_transcript_delta", "output_text_delta", "audio_done", "usage_update",
            "item_update", "item_deleted", "connection_change", "turn_started", "turn_done",
            "mcp_tool_call_completed", "mcp_approval_request", "mcp_tools_listed");

    @Test
    void valuesAreTheTypeScriptNamesInOrderWithoutDuplicates() {
        assertThat(TransportEventType.values()).extracting(TransportEventType::name)
                .containsExactlyElementsOf(TYPESCRIPT_NAMES)
                .doesNotHaveDuplicates()
                .hasSize(16);
    }

    @Test
    void valuesCannotBeModified() {
        assertThatThrownBy(() -> TransportEventType.values().add(TransportEventType.ERROR))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namedFindsEveryValue() {
        for (TransportEventType<?> type : TransportEventType.values()) {
            assertThat(TransportEventType.named(type.name())).isSameAs(type);
            assertThat(type.toString()).isEqualTo(type.name());
        }
    }

    @Test
    void namedRejectsUnknownNamesNamingTheArgument() {
        assertThatThrownBy(() -> TransportEventType.named("*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> TransportEventType.named("response.done"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response.done");
        assertThatThrownBy(() -> TransportEventType.named(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void payloadClassesMatchTheTypeScriptPayloads() {
        assertThat(TransportEventType.ERROR.eventClass()).isEqualTo(TransportError.class);
        assertThat(TransportEventType.FUNCTION_CALL.eventClass()).isEqualTo(TransportToolCallEvent.class);
        assertThat(TransportEventType.AUDIO.eventClass()).isEqualTo(TransportAudioEvent.class);
        assertThat(TransportEventType.AUDIO_INTERRUPTED.eventClass()).isEqualTo(Signal.class);
        assertThat(TransportEventType.AUDIO_TRANSCRIPT_DELTA.eventClass()).isEqualTo(TranscriptDelta.class);
        assertThat(TransportEventType.OUTPUT_TEXT_DELTA.eventClass()).isEqualTo(TextDelta.class);
        assertThat(TransportEventType.AUDIO_DONE.eventClass()).isEqualTo(Signal.class);
        assertThat(TransportEventType.USAGE_UPDATE.eventClass()).isEqualTo(Usage.class);
        assertThat(TransportEventType.ITEM_UPDATE.eventClass()).isEqualTo(RealtimeItem.class);
        assertThat(TransportEventType.ITEM_DELETED.eventClass()).isEqualTo(ItemDeleted.class);
        assertThat(TransportEventType.CONNECTION_CHANGE.eventClass()).isEqualTo(ConnectionStatus.class);
        assertThat(TransportEventType.TURN_STARTED.eventClass()).isEqualTo(TurnStarted.class);
        assertThat(TransportEventType.TURN_DONE.eventClass()).isEqualTo(TurnDone.class);
        assertThat(TransportEventType.MCP_TOOL_CALL_COMPLETED.eventClass()).isEqualTo(RealtimeItem.McpCall.class);
        assertThat(TransportEventType.MCP_APPROVAL_REQUEST.eventClass())
                .isEqualTo(RealtimeItem.McpApprovalRequest.class);
        assertThat(TransportEventType.MCP_TOOLS_LISTED.eventClass()).isEqualTo(McpToolsListed.class);
    }
}
