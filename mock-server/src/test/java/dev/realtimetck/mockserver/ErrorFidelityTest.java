package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Each bad input of the README's "Error fidelity" table on the wire: the {@code error} event's code, param and
 * echoed {@code event_id}, and the session answering the next valid event.
 */
class ErrorFidelityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static MockRealtimeServer server(boolean lenient) {
        return MockRealtimeServer.builder().lenient(lenient).behaviorFactory(SessionBehaviorFactory.silent()).start();
    }

    /** Sends {@code frame}, returns the error object, and checks that the session still takes a valid event. */
    private static JsonNode errorFor(MockRealtimeServer server, String frame) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send(frame);
            JsonNode error = client.nextEvent("error").get("error");
            client.send("{\"type\":\"output_audio_buffer.clear\",\"event_id\":\"next_1\"}");
            assertThat(session.awaitClientEvent("output_audio_buffer.clear", WAIT).get("event_id").asString())
                    .isEqualTo("next_1");
            assertThat(session.isOpen()).isTrue();
            return error;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            beta session.turn_detection|{"type":"session.update","event_id":"e1","session":{"type":"realtime","turn_detection":{"type":"server_vad"}}}|unknown_parameter|session.turn_detection|e1
            beta session.max_response_output_tokens|{"type":"session.update","event_id":"e2","session":{"type":"realtime","max_response_output_tokens":50}}|unknown_parameter|session.max_response_output_tokens|e2
            beta session.modalities|{"type":"session.update","event_id":"e3","session":{"type":"realtime","modalities":["text"]}}|unknown_parameter|session.modalities|e3
            beta session.input_audio_transcription|{"type":"session.update","event_id":"e4","session":{"type":"realtime","input_audio_transcription":{"model":"whisper-1"}}}|unknown_parameter|session.input_audio_transcription|e4
            unknown tool field|{"type":"session.update","event_id":"e5","session":{"type":"realtime","tools":[{"type":"function","name":"f","meta":{}}]}}|unknown_parameter|session.tools[0].meta|e5
            unknown content part field|{"type":"conversation.item.create","event_id":"e6","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"hi","lang":"en"}]}}|unknown_parameter|item.content[0].lang|e6
            beta response.modalities|{"type":"response.create","event_id":"e7","response":{"modalities":["text"]}}|unknown_parameter|response.modalities|e7
            unknown top-level field|{"type":"input_audio_buffer.clear","event_id":"e8","session":"s"}|unknown_parameter|session|e8
            missing required parameter|{"type":"conversation.item.truncate","event_id":"e9","item_id":"i","content_index":0}|missing_required_parameter|audio_end_ms|e9
            wrong value|{"type":"session.update","event_id":"e10","session":{"type":"conversation"}}|invalid_value|session.type|e10
            unknown event type|{"type":"session.frobnicate","event_id":"e11"}|invalid_value|type|e11
            missing type|{"event_id":"e12"}|invalid_event|null|e12
            type not a string|{"type":7,"event_id":"e13"}|invalid_type|type|e13
            not JSON|{"type":"session.update",|invalid_json|null|null
            JSON but not an object|[1,2,3]|invalid_json|null|null
            """)
    void badInputGetsTheGaError(String name, String frame, String code, String param, String eventId)
            throws Exception {
        try (MockRealtimeServer server = server(false)) {
            JsonNode error = errorFor(server, frame);
            assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asString()).as(error.toString()).isEqualTo(code);
            if (param == null) {
                assertThat(error.get("param").isNull()).as(error.toString()).isTrue();
            } else {
                assertThat(error.get("param").asString()).as(error.toString()).isEqualTo(param);
            }
            if (eventId == null) {
                assertThat(error.get("event_id").isNull()).isTrue();
            } else {
                assertThat(error.get("event_id").asString()).isEqualTo(eventId);
            }
            if (code.equals("unknown_parameter")) {
                assertThat(error.get("message").asString()).isEqualTo("Unknown parameter: '" + param + "'.");
            }
        }
    }

    @Test
    void missingTypeIsAnsweredAsTheOfficialExample() throws Exception {
        try (MockRealtimeServer server = server(false)) {
            JsonNode error = errorFor(server, "{\"event_id\":\"event_567\"}");
            assertThat(error.get("message").asString()).isEqualTo("The 'type' field is missing.");
            assertThat(error.get("code").asString()).isEqualTo("invalid_event");
            assertThat(error.get("event_id").asString()).isEqualTo("event_567");
        }
    }

    @Test
    void binaryFrameIsAnInvalidEvent() throws Exception {
        try (MockRealtimeServer server = server(false);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            server.awaitSession(WAIT);
            client.socket().sendBinary(ByteBuffer.wrap(new byte[] {0, 1}), true).get(10, TimeUnit.SECONDS);
            assertThat(client.nextEvent("error").get("error").get("code").asString()).isEqualTo("invalid_event");
        }
    }

    @Test
    void lenientAcceptsNestedUnknownFieldsButNotUnknownTopLevelOnes() throws Exception {
        try (MockRealtimeServer server = server(true);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send("{\"type\":\"session.update\",\"event_id\":\"l1\",\"session\":{\"type\":\"realtime\","
                    + "\"turn_detection\":{\"type\":\"server_vad\"},\"modalities\":[\"text\"]}}");
            assertThat(session.awaitClientEvent("session.update", WAIT).get("event_id").asString()).isEqualTo("l1");
            client.send("{\"type\":\"input_audio_buffer.clear\",\"event_id\":\"l2\",\"session\":\"s\"}");
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("code").asString()).isEqualTo("unknown_parameter");
            assertThat(error.get("event_id").asString()).isEqualTo("l2");
        }
    }
}
