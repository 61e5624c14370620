package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HandshakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static MockRealtimeServer.Builder silent() {
        return MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent());
    }

    @Test
    void bearerKeyOpensSessionWithModelAndCallId() throws Exception {
        try (MockRealtimeServer server = silent().start();
             WsTestClient client = WsTestClient.connect(
                     URI.create(server.realtimeUrl() + "?model=gpt-realtime&call_id=rtc_123"), "Bearer sk-anything")) {
            MockSession session = server.awaitSession(WAIT);
            assertThat(session.model()).contains("gpt-realtime");
            assertThat(session.callId()).contains("rtc_123");
            assertThat(session.id()).startsWith("sess_");
            assertThat(session.isOpen()).isTrue();
            assertThat(client.socket().getSubprotocol()).isEmpty();
        }
    }

    @Test
    void browserSubprotocolKeyIsAcceptedAndRealtimeSelected() throws Exception {
        try (MockRealtimeServer server = silent().apiKey("ek_browser").start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl(), null,
                     "realtime", "openai-insecure-api-key.ek_browser", "openai-agents-sdk.v0.1")) {
            assertThat(client.socket().getSubprotocol()).isEqualTo("realtime");
            assertThat(server.awaitSession(WAIT).isOpen()).isTrue();
        }
    }

    @Test
    void missingKeyIsRefusedWith401AndJsonBody() throws Exception {
        try (MockRealtimeServer server = silent().start()) {
            HttpResponse<String> response = get(server.realtimeUrl(), null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode error = MAPPER.readTree(response.body()).get("error");
            assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asString()).isEqualTo("invalid_api_key");
            assertThat(error.get("message").asString()).contains("didn't provide an API key");

            assertThatThrownBy(() -> WsTestClient.connect(server.realtimeUrl(), null))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(401));
            assertThat(server.sessions()).isEmpty();
        }
    }

    @Test
    void restrictedKeysRefuseOthersAndDoNotEchoTheKey() throws Exception {
        try (MockRealtimeServer server = silent().apiKeys(java.util.List.of("sk-one", "sk-two")).start()) {
            HttpResponse<String> wrong = get(server.realtimeUrl(), "sk-wrong-secret");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("invalid_api_key").doesNotContain("sk-wrong-secret");

            assertThatThrownBy(() -> WsTestClient.connect(server.realtimeUrl(), "Bearer sk-three"))
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThatThrownBy(() -> WsTestClient.connect(server.realtimeUrl(), null, "realtime",
                    "openai-insecure-api-key.sk-three")).hasCauseInstanceOf(WebSocketHandshakeException.class);
            try (WsTestClient ok = WsTestClient.connect(server.realtimeUrl(), "Bearer sk-two")) {
                assertThat(server.awaitSession(WAIT).isOpen()).isTrue();
            }
            assertThat(server.sessions()).hasSize(1);
        }
    }

    @Test
    void plainHttpWithKeyGetsJsonErrorAndUnknownPathGets404() throws Exception {
        try (MockRealtimeServer server = silent().start()) {
            HttpResponse<String> plain = get(server.realtimeUrl(), "sk-x");
            assertThat(plain.statusCode()).isEqualTo(400);
            assertThat(plain.body()).contains("websocket_upgrade_required");
            HttpResponse<String> other = get(server.realtimeUrl().resolve("/v1/other"), "sk-x");
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(MAPPER.readTree(other.body()).path("error").path("code").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void startTwiceAndUnstartedUrlFailClearly() {
        MockRealtimeServer server = silent().build();
        assertThatThrownBy(server::realtimeUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("start");
        try (server) {
            server.start();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void busyPortIsReportedWithHostAndPort() {
        try (MockRealtimeServer first = silent().start()) {
            int port = first.realtimeUrl().getPort();
            assertThatThrownBy(() -> silent().port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    static HttpResponse<String> get(URI wsUrl, String bearer) throws Exception {
        URI http = URI.create(wsUrl.toString().replaceFirst("^ws", "http"));
        HttpRequest.Builder request = HttpRequest.newBuilder(http).timeout(WAIT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
