package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payloads of the transport events. */
class EventPayloadsTest {

    @Test
    void deltas() {
        assertThat(new TextDelta("a", "i", "r")).isEqualTo(new TextDelta("a", "i", "r"));
        assertThat(new TranscriptDelta("", "i", "r").delta()).isEmpty();
        assertThatThrownBy(() -> new TextDelta(null, "i", "r")).isInstanceOf(NullPointerException.class)
                .hasMessage("delta");
        assertThatThrownBy(() -> new TextDelta("a", null, "r")).isInstanceOf(NullPointerException.class)
                .hasMessage("itemId");
        assertThatThrownBy(() -> new TranscriptDelta("a", "i", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("responseId");
    }

    @Test
    void audioEventIsReadOnlyAndDoesNotConsumeTheBuffer() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3});
        TransportAudioEvent event = new TransportAudioEvent(buffer, "resp_1");

        assertThat(event.data().isReadOnly()).isTrue();
        assertThat(event.copyBytes()).containsExactly(1, 2, 3);
        assertThat(event.copyBytes()).containsExactly(1, 2, 3);
        assertThat(event.data().remaining()).isEqualTo(3);
        assertThat(buffer.position()).isZero();
        assertThatThrownBy(() -> event.data().put((byte) 0)).isInstanceOf(java.nio.ReadOnlyBufferException.class);
        assertThatThrownBy(() -> new TransportAudioEvent(null, "r")).isInstanceOf(NullPointerException.class)
                .hasMessage("data");
        assertThatThrownBy(() -> new TransportAudioEvent(buffer, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("responseId");
    }

    @Test
    void errors() {
        RealtimeServerEvent server = new RealtimeServerEvent("error", Map.of("error", Map.of("code", "x")));
        TransportError serverError = new TransportError.ServerError(server);
        TransportError failure = new TransportError.Failure(new IllegalStateException("socket"));

        assertThat(serverError).isInstanceOf(TransportError.ServerError.class);
        assertThat(((TransportError.ServerError) serverError).event().type()).isEqualTo("error");
        assertThat(((TransportError.Failure) failure).cause()).hasMessage("socket");
        assertThatThrownBy(() -> new TransportError.ServerError(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> new TransportError.Failure(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cause");
    }

    @Test
    void toolCall() {
        TransportToolCallEvent call = new TransportToolCallEvent("item_1", "call_1", "f", "{}", null, null);

        assertThat(call.responseId()).isNull();
        assertThatThrownBy(() -> new TransportToolCallEvent("", "c", "f", "{}", "r", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("id");
        assertThatThrownBy(() -> new TransportToolCallEvent("i", null, "f", "{}", "r", null))
                .isInstanceOf(NullPointerException.class).hasMessage("callId");
        assertThatThrownBy(() -> new TransportToolCallEvent("i", "c", null, "{}", "r", null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new TransportToolCallEvent("i", "c", "f", null, "r", null))
                .isInstanceOf(NullPointerException.class).hasMessage("arguments");
    }

    @Test
    void itemDeleted() {
        assertThat(new ItemDeleted("item_1").itemId()).isEqualTo("item_1");
        assertThatThrownBy(() -> new ItemDeleted("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("itemId");
    }

    @Test
    void mcpToolsListed() {
        List<McpToolInfo> tools = new ArrayList<>(List.of(new McpToolInfo("search", null, null)));
        McpToolsListed listed = new McpToolsListed("", tools);

        tools.clear();

        assertThat(listed.tools()).hasSize(1);
        assertThat(listed.tools().get(0).inputSchema()).isEmpty();
        assertThatThrownBy(() -> listed.tools().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new McpToolsListed(null, List.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("serverLabel");
        assertThatThrownBy(() -> new McpToolsListed("s", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("tools");
        assertThatThrownBy(() -> new McpToolInfo("", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name");
        java.util.HashMap<String, Object> extra = new java.util.HashMap<>(Map.of("annotations", Map.of("ro", true)));
        McpToolInfo withExtra = new McpToolInfo("search", "finds", Map.of("type", "object"), extra);
        extra.clear();
        assertThat(withExtra.extra()).isEqualTo(Map.of("annotations", Map.of("ro", true)));
        assertThat(new McpToolInfo("search", null, null).extra()).isEmpty();
        assertThat(new McpToolInfo("s", null, null)).isEqualTo(new McpToolInfo("s", null, Map.of(), null));
    }

    @Test
    void userInput() {
        List<UserContent> content = new ArrayList<>(List.of(new UserContent.InputText("look"),
                new UserContent.InputImage("data:image/png;base64,AA==")));
        RealtimeUserInput.Message message = RealtimeUserInput.message(content);

        content.clear();

        assertThat(message.content()).hasSize(2);
        assertThat(((UserContent.InputImage) message.content().get(1)).providerData()).isEmpty();
        assertThat(RealtimeUserInput.text("")).isEqualTo(new RealtimeUserInput.Text(""));
        assertThatThrownBy(() -> RealtimeUserInput.text(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text");
        assertThatThrownBy(() -> RealtimeUserInput.message(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("content");
        assertThatThrownBy(() -> new UserContent.InputImage("", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("image");
        assertThat(SendMessageOptions.DEFAULT.triggerResponse()).isTrue();
        assertThat(SendMessageOptions.NO_RESPONSE.triggerResponse()).isFalse();
    }

    @Test
    void connectOptions() {
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder()
                .apiKey(ApiKey.of("k")).model("m").url(java.net.URI.create("ws://127.0.0.1:1/v1/realtime"))
                .callId("c").initialSessionConfig(RealtimeSessionConfig.empty()).build();

        assertThat(options).isEqualTo(new RealtimeTransportConnectOptions(ApiKey.of("k"), "m",
                java.net.URI.create("ws://127.0.0.1:1/v1/realtime"), "c", RealtimeSessionConfig.empty()));
        assertThat(RealtimeTransportConnectOptions.defaults())
                .isEqualTo(RealtimeTransportConnectOptions.builder().build());
        assertThatThrownBy(() -> RealtimeTransportConnectOptions.builder().apiKey(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("key");
    }
}
