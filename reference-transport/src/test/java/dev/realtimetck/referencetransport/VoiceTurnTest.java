package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTool;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.junit.MockRealtimeServerExtension;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** Whole conversations between the reference transport and the protocol simulator. */
class VoiceTurnTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static MockRealtimeServerExtension mock = MockRealtimeServerExtension.perTest(MockRealtimeServer.builder()
            .pacing(SimulatorOptions.Pacing.REALTIME));

    private static RealtimeWebSocketTransport connect(MockRealtimeServer server) throws Exception {
        return connect(server, null);
    }

    private static RealtimeWebSocketTransport connect(MockRealtimeServer server, RealtimeSessionConfig initial)
            throws Exception {
        RealtimeWebSocketTransport transport = RealtimeWebSocketTransport.builder()
                .apiKey("sk-test").baseUrl(server.realtimeUrl()).build();
        transport.connect(RealtimeTransportConnectOptions.builder().initialSessionConfig(initial).build())
                .toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return transport;
    }

    @Test
    void textInAudioOut(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connect(server)) {
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            StringBuilder transcript = new StringBuilder();
            CompletableFuture<TurnDone> done = new CompletableFuture<>();
            transport.on(TransportEventType.AUDIO, a -> audio.writeBytes(a.copyBytes()));
            transport.on(TransportEventType.AUDIO_TRANSCRIPT_DELTA, d -> transcript.append(d.delta()));
            transport.on(TransportEventType.TURN_DONE, done::complete);

            transport.sendMessage("hello there");

            done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(transcript.toString()).isEqualTo("You said: hello there");
            // 60 ms of 24 kHz PCM16 per transcript character
            assertThat(audio.size()).isEqualTo("You said: hello there".length() * 60 * 48);
        }
    }

    @Test
    void speechDuringTheReplyInterruptsIt(MockRealtimeServer server) throws Exception {
        // the server does not cancel by itself (interrupt_response false), so the transport sends response.cancel
        RealtimeSessionConfig noServerInterrupt = RealtimeSessionConfig.builder()
                .audio(new AudioConfig(new AudioInputConfig(null, null, null, TurnDetection.Config.builder()
                        .type("server_vad").interruptResponse(false).build()), null))
                .build();
        try (RealtimeWebSocketTransport transport = connect(server, noServerInterrupt)) {
            MockSession session = server.awaitSession(WAIT);
            session.awaitClientEvent("session.update", WAIT);
            CompletableFuture<Void> firstAudio = new CompletableFuture<>();
            CompletableFuture<Void> interrupted = new CompletableFuture<>();
            transport.on(TransportEventType.AUDIO, a -> firstAudio.complete(null));
            transport.on(TransportEventType.AUDIO_INTERRUPTED, s -> interrupted.complete(null));

            transport.sendMessage("please tell me a rather long story about the sea and the ships on it");
            firstAudio.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            byte[] speech = SyntheticAudio.utterance(AudioFormat.PCM16_24K, Duration.ofMillis(100),
                    Duration.ofMillis(800), Duration.ofMillis(500), SyntheticAudio.DEFAULT_SEED);
            for (int offset = 0; offset < speech.length; offset += 4800) {
                transport.sendAudio(java.util.Arrays.copyOfRange(speech, offset,
                        Math.min(speech.length, offset + 4800)));
            }

            interrupted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            ObjectNode cancel = session.awaitClientEvent(e -> true, WAIT);
            while (!"response.cancel".equals(cancel.path("type").asString())) {
                assertThat(cancel.path("type").asString()).isNotEqualTo("conversation.item.truncate");
                cancel = session.awaitClientEvent(e -> true, WAIT);
            }
            ObjectNode truncate = session.awaitClientEvent("conversation.item.truncate", WAIT);
            assertThat(truncate.path("audio_end_ms").asInt(-1)).isGreaterThanOrEqualTo(0);
            assertThat(truncate.path("item_id").asString()).startsWith("item");
        }
    }

    @Test
    void functionCallRoundTrip(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connect(server)) {
            LinkedBlockingQueue<TurnDone> turns = new LinkedBlockingQueue<>();
            CompletableFuture<TransportToolCallEvent> call = new CompletableFuture<>();
            StringBuilder transcript = new StringBuilder();
            transport.on(TransportEventType.TURN_DONE, turns::add);
            transport.on(TransportEventType.FUNCTION_CALL, call::complete);
            transport.on(TransportEventType.AUDIO_TRANSCRIPT_DELTA, d -> transcript.append(d.delta()));
            transport.updateSessionConfig(RealtimeSessionConfig.builder()
                    .tools(List.of(new RealtimeTool.FunctionTool("get_weather", "Weather of a city",
                            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))),
                            null)))
                    .build());

            transport.sendMessage("call get_weather {\"city\":\"Paris\"}");

            TransportToolCallEvent toolCall = call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(toolCall.name()).isEqualTo("get_weather");
            assertThat(toolCall.arguments()).isEqualTo("{\"city\":\"Paris\"}");
            turns.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            transport.sendFunctionCallOutput(toolCall, "sunny");
            assertThat(turns.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
            assertThat(transcript.toString()).isEqualTo("The function get_weather returned: sunny");
        }
    }

    @Test
    void mcpApprovalRoundTrip(MockRealtimeServer server) throws Exception {
        try (RealtimeWebSocketTransport transport = connect(server)) {
            MockSession session = server.awaitSession(WAIT);
            CompletableFuture<RealtimeItem.McpApprovalRequest> request = new CompletableFuture<>();
            transport.on(TransportEventType.MCP_APPROVAL_REQUEST, request::complete);

            session.send("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{"
                    + "\"id\":\"mcpr_1\",\"type\":\"mcp_approval_request\",\"server_label\":\"docs\","
                    + "\"name\":\"search\",\"arguments\":\"{\\\"q\\\":\\\"tck\\\"}\"}}");

            RealtimeItem.McpApprovalRequest approval = request.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(approval.serverLabel()).isEqualTo("docs");
            assertThat(approval.arguments()).isEqualTo(Map.of("q", "tck"));
            transport.sendMcpResponse(approval, true);
            ObjectNode answer = session.awaitClientEvent(e -> "conversation.item.create".equals(
                    e.path("type").asString()) && "mcp_approval_response".equals(
                    e.path("item").path("type").asString()), WAIT);
            assertThat(answer.path("item").path("approval_request_id").asString()).isEqualTo("mcpr_1");
            assertThat(answer.path("item").path("approve").asBoolean()).isTrue();
        }
    }
}
