package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.core.EventPattern;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts and predicates over a session's events, from Java and through the admin API. */
class VerificationApiTest {

    private static final Duration T = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEXT = "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}";
    private static final String AUDIO = "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"audio\"]}}";

    @Test
    void countsAndVerifiesByTypeAndFields() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent()).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send(TEXT);
            client.send(AUDIO);
            client.send(TEXT);
            MockSession session = server.awaitSession(T);
            session.awaitClientEvent("response.create", T);
            session.awaitClientEvent("response.create", T);
            session.awaitClientEvent("response.create", T);
            EventPattern audio = EventPattern.type("response.create").withField("/response/output_modalities/0", "audio");

            assertThat(session.countClientEvents(EventPattern.type("response.create"))).isEqualTo(3);
            assertThat(session.countClientEvents(audio)).isEqualTo(1);
            session.verifyClientEvents(1, audio);
            session.verifyClientEvents(0, EventPattern.type("response.cancel"));
            assertThatThrownBy(() -> session.verifyClientEvents(2, audio))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 2 client event(s) matching")
                    .hasMessageContaining("found 1")
                    .hasMessageContaining("Near misses")
                    .hasMessageContaining("/response/output_modalities/0: expected \"audio\", actual \"text\"");
            assertThatThrownBy(() -> EventPattern.type("x").withField("response", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointer");
            session.verifyNoProblems();

            HttpClient http = HttpClient.newHttpClient();
            JsonNode all = get(http, server.adminUrl() + "/sessions/" + session.id() + "/events?direction=client");
            assertThat(all.path("count").asInt()).isEqualTo(3);
            JsonNode filtered = get(http, server.adminUrl() + "/sessions/" + session.id()
                    + "/events?type=response.create&direction=client&field="
                    + URLEncoder.encode("/response/output_modalities/0=audio", StandardCharsets.UTF_8));
            assertThat(filtered.path("count").asInt()).isEqualTo(1);
            assertThat(filtered.path("events").get(0).path("event").path("response").path("output_modalities").get(0)
                    .asString()).isEqualTo("audio");
            assertThat(get(http, server.adminUrl() + "/sessions/" + session.id() + "/events?direction=server")
                    .path("count").asInt()).isZero();
            assertThat(get(http, server.adminUrl() + "/problems").path("count").asInt()).isZero();
        }
    }

    @Test
    void problemsAcrossSessionsThroughTheAdminApi() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent()).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(T);
            session.reportProblem("a planted problem");
            assertThatThrownBy(session::verifyNoProblems).hasMessageContaining("1. a planted problem");
            JsonNode problems = get(HttpClient.newHttpClient(), server.adminUrl() + "/problems");
            assertThat(problems.path("count").asInt()).isEqualTo(1);
            assertThat(problems.path("sessions").get(0).path("id").asString()).isEqualTo(session.id());
            assertThat(problems.path("sessions").get(0).path("problems").get(0).asString()).isEqualTo("a planted problem");
            HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.adminUrl() + "/sessions/" + session.id() + "/events?direction=up")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("direction");
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
