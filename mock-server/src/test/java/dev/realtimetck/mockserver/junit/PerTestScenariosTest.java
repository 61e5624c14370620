package dev.realtimetck.mockserver.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two tests on one server, each running its own scenario chosen by the URL; the rest get the simulator. */
@MockServerTest(scenarios = {"verify/two-step.yaml", "verify/other.yaml"})
class PerTestScenariosTest {

    @Test
    void firstTestRunsTheTwoStepScript(MockRealtimeServer server) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("two-step"))) {
            client.send(FailOnProblemsTest.ITEM);
            client.send(FailOnProblemsTest.CREATE);
            MockSession session = server.awaitSession(Duration.ofSeconds(5));
            session.awaitClientEvent("response.create", Duration.ofSeconds(5));
            assertThat(client.poll(Duration.ofMillis(200))).as("two-step sends nothing").isNull();
        }
    }

    @Test
    void secondTestRunsTheOtherScript(MockRealtimeServer server) throws Exception {
        try (WsTestClient client = WsTestClient.connectWithHeader(server.realtimeUrl(), "X-Mock-Scenario", "other")) {
            assertThat(client.nextEvent().path("error").path("code").asString()).isEqualTo("other_scenario");
        }
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("other"))) {
            assertThat(client.nextEvent().path("error").path("code").asString()).isEqualTo("other_scenario");
        }
    }

    @Test
    void aSessionThatNamesNoScenarioGetsTheSimulator(MockRealtimeServer server) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
        }
    }

    @Test
    void bundledExamplesAreAddressableByName(MockRealtimeServer server) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("dropped-mid-response"))) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
        }
    }
}
