package dev.realtimetck.mockserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /__admin/metrics} scrapes in the Prometheus text format, with the server's counts. */
class MetricsEndpointTest {

    @Test
    void scrapeParsesAndCountsSessionsFramesProblemsAndAudioLateness() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().pacing(SimulatorOptions.Pacing.REALTIME).start()) {
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
                assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
                client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                        + "\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}");
                client.send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"audio\"]}}");
                client.nextEvent("response.done");
                MockSession session = server.awaitSession(WsTestClient.TIMEOUT);
                session.reportProblem("planted");
                Map<String, Double> open = scrape(server);
                assertThat(open).containsEntry("realtime_mock_sessions_open", 1.0)
                        .containsEntry("realtime_mock_sessions_total", 1.0)
                        .containsEntry("realtime_mock_frames_total{direction=\"in\",kind=\"text\"}", 2.0)
                        .containsEntry("realtime_mock_problems_total", 1.0);
                assertThat(open.get("realtime_mock_frames_total{direction=\"out\",kind=\"text\"}")).isGreaterThan(5.0);
                assertThat(open.get("realtime_mock_audio_lateness_seconds_count")).isGreaterThan(0.0);
                client.closeNormally();
                client.awaitClose();
                session.awaitClosed(WsTestClient.TIMEOUT);
            }
            Map<String, Double> closed = scrape(server);
            assertThat(closed).containsEntry("realtime_mock_sessions_open", 0.0)
                    .containsEntry("realtime_mock_frames_total{direction=\"in\",kind=\"close\"}", 1.0);
        }
    }

    @Test
    void theParserIsStrict() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("x 1\n")).hasMessageContaining("no declared family");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x counter\nx{a=\"b} 1\n"))
                .hasMessageContaining("bad label set");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n"))
                .hasMessageContaining("+Inf");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx 1\n# TYPE x gauge\n"))
                .hasMessageContaining("TYPE repeated");
    }

    private static Map<String, Double> scrape(MockRealtimeServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.adminUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/plain").contains("version=0.0.4");
        assertThat(response.body()).isEqualTo(response.body()); // one body, parsed below
        Map<String, Double> samples = PrometheusTextParser.parse(response.body());
        assertThat(server.scrapeMetrics()).contains("realtime_mock_sessions_total");
        return samples;
    }
}
