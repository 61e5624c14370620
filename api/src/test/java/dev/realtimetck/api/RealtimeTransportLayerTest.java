package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The default methods of {@link RealtimeTransportLayer}, checked against a fake that records every call. */
class RealtimeTransportLayerTest {

    /** Implements only the abstract methods; records what they receive. */
    private static final class RecordingTransport implements RealtimeTransportLayer {
        final List<String> calls = new ArrayList<>();
        final List<RealtimeClientMessage> sent = new ArrayList<>();
        final TransportEventEmitter events = new TransportEventEmitter();

        @Override
        public ConnectionStatus status() {
            return ConnectionStatus.CONNECTED;
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            calls.add("connect " + options.model());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public MuteState muted() {
            return MuteState.NOT_HANDLED;
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            sent.add(event);
        }

        @Override
        public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            calls.add("sendMessage " + message + " " + otherEventData + " " + options.triggerResponse());
        }

        @Override
        public void addImage(String image, boolean triggerResponse) {
            calls.add("addImage " + image + " " + triggerResponse);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            byte[] bytes = new byte[audio.remaining()];
            audio.duplicate().get(bytes);
            calls.add("sendAudio " + java.util.Arrays.toString(bytes) + " " + commit);
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            calls.add("updateSessionConfig");
        }

        @Override
        public void close() {
            calls.add("close");
        }

        @Override
        public void mute(boolean muted) {
            throw new UnsupportedOperationException("mute");
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            calls.add("sendFunctionCallOutput " + toolCall.callId() + " " + output + " " + startResponse);
        }

        @Override
        public void interrupt() {
            calls.add("interrupt");
        }

        @Override
        public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
            calls.add("resetHistory " + oldHistory.size() + " " + newHistory.size());
        }

        @Override
        public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved,
                String reason) {
            calls.add("sendMcpResponse " + approvalRequest.itemId() + " " + approved + " " + reason);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return events.on(type, listener);
        }

        @Override
        public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
            return events.once(type, listener);
        }

        @Override
        public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
            return events.onAny(listener);
        }

        @Override
        public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
            return events.onServerEvent(serverEventType, listener);
        }
    }

    private final RecordingTransport transport = new RecordingTransport();

    @Test
    void sendMessageTextDefaultsToOneTextPartAndARequestedResponse() {
        transport.sendMessage("hello");

        assertThat(transport.calls).containsExactly(
                "sendMessage " + RealtimeUserInput.text("hello") + " {} true");
    }

    @Test
    void sendMessageInputDefaultsToARequestedResponse() {
        RealtimeUserInput input = RealtimeUserInput.message(List.of(new UserContent.InputText("a")));

        transport.sendMessage(input);

        assertThat(transport.calls).containsExactly("sendMessage " + input + " {} true");
    }

    @Test
    void addImageDefaultsToTriggerResponse() {
        transport.addImage("data:image/png;base64,AA==");

        assertThat(transport.calls).containsExactly("addImage data:image/png;base64,AA== true");
    }

    @Test
    void sendAudioByteArrayOverloadsWrapWithoutCommitByDefault() {
        transport.sendAudio(new byte[] {1, 2});
        transport.sendAudio(new byte[] {3}, true);

        assertThat(transport.calls).containsExactly("sendAudio [1, 2] false", "sendAudio [3] true");
    }

    @Test
    void sendFunctionCallOutputDefaultsToStartResponse() {
        TransportToolCallEvent call = new TransportToolCallEvent("item_1", "call_1", "weather", "{}", "resp_1", null);

        transport.sendFunctionCallOutput(call, "sunny");

        assertThat(transport.calls).containsExactly("sendFunctionCallOutput call_1 sunny true");
    }

    @Test
    void sendMcpResponseDefaultsToNoReason() {
        RealtimeItem.McpApprovalRequest request =
                new RealtimeItem.McpApprovalRequest("mcpr_1", "docs", "search", Map.of(), null);

        transport.sendMcpResponse(request, false);

        assertThat(transport.calls).containsExactly("sendMcpResponse mcpr_1 false null");
    }

    @Test
    void requestResponseDefaultsSendResponseCreateThroughSendEvent() {
        transport.requestResponse();
        transport.requestResponse(null);
        transport.requestResponse(Map.of("instructions", "be brief"));

        assertThat(transport.sent).containsExactly(
                RealtimeClientMessage.of("response.create"),
                RealtimeClientMessage.of("response.create"),
                new RealtimeClientMessage("response.create",
                        Map.of("response", Map.of("instructions", "be brief"))));
    }

    @Test
    void closeIsTheAutoCloseableClose() {
        try (RealtimeTransportLayer t = transport) {
            assertThat(t.status()).isEqualTo(ConnectionStatus.CONNECTED);
        }

        assertThat(transport.calls).containsExactly("close");
    }

    @Test
    void connectTakesOptionsBuiltWithTheBuilder() {
        transport.connect(RealtimeTransportConnectOptions.builder().model("gpt-realtime").build());

        assertThat(transport.calls).containsExactly("connect gpt-realtime");
    }
}
