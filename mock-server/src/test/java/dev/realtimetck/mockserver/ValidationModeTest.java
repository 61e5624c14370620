package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.EventValidator;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The validation modes, with a validator that flags events carrying {@code "bad": true}. */
class ValidationModeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final EventValidator FLAGS_BAD = new EventValidator() {
        @Override
        public List<Violation> validateClientEvent(JsonNode event) {
            return event.path("bad").asBoolean(false)
                    ? List.of(new Violation("session.bad", "Unknown parameter: 'session.bad'."))
                    : List.of();
        }

        @Override
        public List<Violation> validateServerEvent(JsonNode event) {
            return event.path("bad").asBoolean(false)
                    ? List.of(new Violation("bad", "Invalid value for 'bad'."))
                    : List.of();
        }
    };

    private static MockRealtimeServer server(ValidationMode mode, RecordingBehavior behavior) {
        return MockRealtimeServer.builder().validation(mode).validator(FLAGS_BAD).behaviorFactory(s -> behavior)
                .start();
    }

    @Test
    void strictRejectsInvalidClientEventsWithParamAndEventId() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = server(ValidationMode.STRICT, behavior);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"session.update\",\"event_id\":\"ev_7\",\"bad\":true}");
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asString()).isEqualTo("unknown_parameter");
            assertThat(error.get("param").asString()).isEqualTo("session.bad");
            assertThat(error.get("message").asString()).isEqualTo("Unknown parameter: 'session.bad'.");
            assertThat(error.get("event_id").asString()).isEqualTo("ev_7");
            client.send("{\"type\":\"session.update\",\"event_id\":\"ev_8\"}");
            JsonNode delivered = behavior.events.poll(10, TimeUnit.SECONDS);
            assertThat(delivered.get("event_id").asString()).as("the invalid event was not delivered")
                    .isEqualTo("ev_8");
        }
    }

    @Test
    void warnDeliversInvalidClientEventsAndRecordsAProblem() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = server(ValidationMode.WARN, behavior);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"session.update\",\"bad\":true}");
            assertThat(behavior.events.poll(10, TimeUnit.SECONDS).get("bad").asBoolean()).isTrue();
            assertThat(server.awaitSession(WAIT).awaitProblem("violates the schema", WAIT))
                    .contains("session.bad");
        }
    }

    @Test
    void offDeliversWithoutProblems() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = server(ValidationMode.OFF, behavior);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"session.update\",\"bad\":true}");
            assertThat(behavior.events.poll(10, TimeUnit.SECONDS)).isNotNull();
            MockSession session = server.awaitSession(WAIT);
            session.send("{\"type\":\"session.updated\",\"bad\":true}");
            assertThat(client.nextEvent().get("bad").asBoolean()).isTrue();
            assertThat(session.problems()).isEmpty();
        }
    }

    @Test
    void strictDoesNotSendInvalidServerEvents() throws Exception {
        try (MockRealtimeServer server = server(ValidationMode.STRICT, new RecordingBehavior());
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.send("{\"type\":\"session.updated\",\"bad\":true}");
            session.send("{\"type\":\"session.updated\",\"n\":2}");
            assertThat(client.nextEvent().get("n").asInt()).isEqualTo(2);
            assertThat(session.problems()).singleElement().asString().contains("not sent").contains("bad");
            assertThat(session.checkServerEvent(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("type", "x").put("bad", true))).singleElement().asString().startsWith("bad:");
        }
    }

    @Test
    void warnSendsInvalidServerEventsAndRecordsAProblem() throws Exception {
        try (MockRealtimeServer server = server(ValidationMode.WARN, new RecordingBehavior());
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.send("{\"type\":\"session.updated\",\"bad\":true}");
            assertThat(client.nextEvent().get("bad").asBoolean()).isTrue();
            assertThat(session.problems()).singleElement().asString().contains("sent anyway");
        }
    }

    @Test
    void parsesModeNames() {
        assertThat(ValidationMode.parse("Warn")).isEqualTo(ValidationMode.WARN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationMode.parse("loud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loud");
    }
}
