package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.simulator.RealtimeSimulator;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DefaultSimulatorTest {

    @Test
    void defaultBehaviourIsTheSimulatorAndSendsSessionCreatedOnce() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().pacing(SimulatorOptions.Pacing.FAST).start();
             WsTestClient client = WsTestClient.connect(URI.create(server.realtimeUrl() + "?model=gpt-realtime"))) {
            JsonNode created = client.nextEvent();
            assertThat(created.get("type").asString()).isEqualTo("session.created");
            assertThat(created.get("event_id").asString()).startsWith("event_");
            MockSession session = server.awaitSession(Duration.ofSeconds(10));
            assertThat(session.problems()).isEmpty();
            assertThat(session.frames()).filteredOn(f -> f.text() != null && f.text().contains("\"session.created\""))
                    .hasSize(1);
        }
    }

    @Test
    void builderPassesPacingToTheSimulator() {
        try (MockRealtimeServer server = MockRealtimeServer.builder().pacing(SimulatorOptions.Pacing.FAST).build()) {
            SessionBehavior behavior = server.behaviorFactory().create(null);
            assertThat(behavior).isInstanceOf(RealtimeSimulator.class);
            assertThat(((RealtimeSimulator) behavior).options().pacing()).isEqualTo(SimulatorOptions.Pacing.FAST);
        }
    }
}
