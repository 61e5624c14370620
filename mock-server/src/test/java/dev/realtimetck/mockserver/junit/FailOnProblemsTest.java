package dev.realtimetck.mockserver.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.scenario.MockScenario;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension fails a test whose sessions recorded problems, with the mismatch report, unless opted out. */
class FailOnProblemsTest {

    static final String ITEM = "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
            + "\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}";
    static final String CREATE = "{\"type\":\"response.create\"}";

    static void sendAndSettle(MockRealtimeServer server, String... events) throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            for (String event : events) {
                client.send(event);
            }
            server.awaitSession(Duration.ofSeconds(5)).awaitClientEvent("response.create",
                    Duration.ofSeconds(5));
        }
    }

    @MockServerTest
    @MockScenario("verify/two-step.yaml")
    static class OutOfOrderExample {
        @Test
        void sendsResponseCreateFirst(MockRealtimeServer server) throws Exception {
            sendAndSettle(server, CREATE);
        }
    }

    @MockServerTest
    @MockScenario("verify/two-step.yaml")
    static class InOrderExample {
        @Test
        void followsTheScript(MockRealtimeServer server) throws Exception {
            sendAndSettle(server, ITEM, CREATE);
        }
    }

    @MockServerTest(failOnProblems = false)
    @MockScenario("verify/two-step.yaml")
    static class OptedOutExample {
        @Test
        void sendsResponseCreateFirst(MockRealtimeServer server) throws Exception {
            sendAndSettle(server, CREATE);
        }
    }

    @Test
    void anOutOfOrderEventFailsTheTestWithTheMismatchReport() {
        TestExecutionSummary summary = run(OutOfOrderExample.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .contains("recorded problems during sendsResponseCreateFirst")
                .contains("failOnProblems = false")
                .contains("unexpected client event response.create (out of order: it matches step 1")
                .contains("/type: expected \"conversation.item.create\", actual \"response.create\"");
    }

    @Test
    void aTestWithoutProblemsPasses() {
        TestExecutionSummary summary = run(InOrderExample.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isZero();
    }

    @Test
    void oneAttributeOptsOut() {
        TestExecutionSummary summary = run(OptedOutExample.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isZero();
    }

    private static TestExecutionSummary run(Class<?> example) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(List.of(selectClass(example))).build(),
                listener);
        return listener.getSummary();
    }
}
