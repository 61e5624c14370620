package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.junit.MockServerTest;
import org.junit.jupiter.api.Test;

/** {@code @MockScenario} honoured by the JUnit extension: the class's scenario, overridden per method. */
@MockServerTest
@MockScenario("dev/realtimetck/mockserver/scenarios/dropped-mid-response.yaml")
class MockScenarioExtensionTest {

    @Test
    void classScenarioDrivesTheSessions(MockRealtimeServer server) throws Exception {
        assertThat(((ScenarioBehaviorFactory) server.behaviorFactory()).scenario().name()).isEqualTo("dropped-mid-response");
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("response.created");
            assertThat(client.next()).startsWith("{\"type\":\"response.output_text.delta\"");
            assertThat(client.awaitClose()).doesNotStartWith("1000");
        }
    }

    @Test
    @MockScenario(value = "dev/realtimetck/mockserver/scenarios/audio-reply.yaml", strict = true)
    void methodScenarioWinsForThatTest(MockRealtimeServer server) throws Exception {
        Scenario scenario = ((ScenarioBehaviorFactory) server.behaviorFactory()).scenario();
        assertThat(scenario.name()).isEqualTo("audio-reply");
        assertThat(scenario.strict()).isTrue();
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            client.send("{\"type\":\"input_audio_buffer.commit\"}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("input_audio_buffer.committed");
        }
    }
}
