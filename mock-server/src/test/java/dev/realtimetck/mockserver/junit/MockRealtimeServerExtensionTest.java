package dev.realtimetck.mockserver.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.ValidationMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small example test classes through the JUnit launcher and checks what the extension gave them. */
class MockRealtimeServerExtensionTest {

    static final List<MockRealtimeServer> SEEN = new CopyOnWriteArrayList<>();

    @MockServerTest(validation = ValidationMode.WARN, apiKeys = "sk-junit")
    static class PerClassExample {
        @Test
        void first(MockRealtimeServer server) {
            SEEN.add(server);
        }

        @Test
        void second(MockRealtimeServer server) {
            SEEN.add(server);
        }
    }

    @MockServerTest(perTest = true)
    static class PerTestExample {
        @org.junit.jupiter.api.extension.RegisterExtension
        final org.junit.jupiter.api.extension.BeforeEachCallback lookup = context ->
                SEEN.add(MockRealtimeServerExtension.serverFor(context).orElseThrow());

        @Test
        void first(MockRealtimeServer server) {
            SEEN.add(server);
        }

        @Test
        void second(MockRealtimeServer server) {
            SEEN.add(server);
        }
    }

    static class RegisteredExample {
        @RegisterExtension
        static final MockRealtimeServerExtension MOCK = MockRealtimeServerExtension.perClass(
                MockRealtimeServer.builder().validation(ValidationMode.OFF));

        @Test
        void first() {
            SEEN.add(MOCK.server());
        }

        @Test
        void second(MockRealtimeServer injected) {
            assertThat(injected).isSameAs(MOCK.server());
            SEEN.add(injected);
        }
    }

    @Test
    void perClassSharesOneConfiguredServerAndClosesIt() throws Exception {
        run(PerClassExample.class);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).validationMode()).isEqualTo(ValidationMode.WARN);
        assertClosed(SEEN.get(0));
    }

    @Test
    void perTestGivesEachTestItsOwnServerVisibleToOtherExtensions() throws Exception {
        run(PerTestExample.class);
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.get(0)).as("serverFor sees the test's server").isSameAs(SEEN.get(1));
        assertThat(SEEN.get(2)).isSameAs(SEEN.get(3));
        assertThat(SEEN.get(1)).isNotSameAs(SEEN.get(3));
        assertClosed(SEEN.get(1));
        assertClosed(SEEN.get(3));
    }

    @Test
    void registeredExtensionUsesItsBuilder() throws Exception {
        run(RegisteredExample.class);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).validationMode()).isEqualTo(ValidationMode.OFF);
        assertClosed(SEEN.get(0));
    }

    private static void run(Class<?> example) {
        SEEN.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(example))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getFailures()).as("failures of %s", example.getSimpleName()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    }

    private static void assertClosed(MockRealtimeServer server) throws Exception {
        URI health = URI.create(server.adminUrl() + "/health");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(health).timeout(java.time.Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("server still answers after the tests: " + response.statusCode());
        } catch (java.io.IOException expected) {
            assertThat(expected).isInstanceOf(java.net.ConnectException.class);
        }
    }
}
