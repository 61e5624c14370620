package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default validator: the project's JSON Schemas, in strict mode. */
class SchemaValidationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void strictAnswersASchemaViolationWithAnErrorAndKeepsTheSessionOpen() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> behavior).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"response.create\",\"event_id\":42}");
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.get("param").asString()).isEqualTo("event_id");
            assertThat(error.get("code").asString()).isEqualTo("invalid_type");
            assertThat(error.get("message").asString()).contains("event_id");
            client.send("{\"type\":\"response.create\",\"event_id\":\"ok_1\"}");
            assertThat(behavior.events.poll(10, TimeUnit.SECONDS).get("event_id").asString()).isEqualTo("ok_1");
            assertThat(server.awaitSession(WAIT).isOpen()).isTrue();
        }
    }

    @Test
    void strictDoesNotSendAServerEventOfUnknownType() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder()
                .behaviorFactory(SessionBehaviorFactory.silent()).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.send("{\"type\":\"no.such.event\"}");
            assertThat(session.awaitProblem("not sent", WAIT)).contains("no.such.event");
            session.sendRawText("{\"type\":\"no.such.event\"}");
            assertThat(client.next()).as("raw frames are not validated").isEqualTo("{\"type\":\"no.such.event\"}");
        }
    }
}
