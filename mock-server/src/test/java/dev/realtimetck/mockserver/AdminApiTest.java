package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.admin.AdminResponse;
import dev.realtimetck.mockserver.admin.AdminRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class AdminApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private MockRealtimeServer server;

    @BeforeEach
    void start() {
        // pushed events here are partial; schema checks of pushes have their own test below
        server = MockRealtimeServer.builder()
                .validation(ValidationMode.OFF)
                .behaviorFactory(SessionBehaviorFactory.silent())
                .adminRoute(new AdminRoute("GET", "/echo/{word}", r -> AdminResponse.ok(
                        JsonNodeFactory.instance.objectNode().put("word", r.pathParameters().get("word")))))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthAndSessionListing() throws Exception {
        assertThat(server.adminUrl().toString()).isEqualTo(
                "http://127.0.0.1:" + server.realtimeUrl().getPort() + "/__admin");
        JsonNode health = json(get("/health"), 200);
        assertThat(health.get("status").asString()).isEqualTo("ok");
        assertThat(health.get("validation").asString()).isEqualTo("off");
        assertThat(health.get("realtimeUrl").asString()).isEqualTo(server.realtimeUrl().toString());

        try (WsTestClient client = WsTestClient.connect(URI.create(server.realtimeUrl() + "?model=m1"))) {
            MockSession session = server.awaitSession(WAIT);
            client.send("{\"type\":\"response.create\"}");
            session.awaitClientEvent("response.create", WAIT);
            JsonNode list = json(get("/sessions"), 200).get("sessions");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("id").asString()).isEqualTo(session.id());
            assertThat(list.get(0).get("model").asString()).isEqualTo("m1");
            assertThat(list.get(0).get("state").asString()).isEqualTo("open");
            assertThat(list.get(0).get("framesIn").asLong()).isEqualTo(1);
            assertThat(list.get(0).get("framesOut").asLong()).isZero();
            assertThat(list.get(0).get("problems").asInt()).isZero();

            JsonNode detail = json(get("/sessions/" + session.id()), 200);
            assertThat(detail.get("clientEventTypes").get(0).asString()).isEqualTo("response.create");
            assertThat(detail.get("inputAudio").get("format").asString()).isEqualTo("audio/pcm");

            JsonNode frames = json(get("/sessions/" + session.id() + "/frames"), 200);
            assertThat(frames.get("dropped").asLong()).isZero();
            JsonNode frame = frames.get("frames").get(0);
            assertThat(frame.get("direction").asString()).isEqualTo("client");
            assertThat(frame.get("kind").asString()).isEqualTo("text");
            assertThat(frame.get("seq").asLong()).isZero();
            assertThat(frame.get("text").asString()).isEqualTo("{\"type\":\"response.create\"}");
            assertThat(frame.get("offsetMs").isNumber()).isTrue();
            assertThat(json(get("/sessions/" + session.id() + "/frames?since=0"), 200).get("frames")).isEmpty();
            assertThat(json(get("/sessions/" + session.id() + "/frames?since=x"), 400).get("error").get("code")
                    .asString()).isEqualTo("invalid_since");
        }
    }

    @Test
    void inputAudioAsWav() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send(MockSessionTest.append(new byte[] {10, 20, 30, 40}));
            client.send("{\"type\":\"input_audio_buffer.commit\"}");
            session.awaitClientEvent("input_audio_buffer.commit", WAIT);
            HttpResponse<byte[]> wav = http.send(HttpRequest.newBuilder(uri("/sessions/" + session.id()
                    + "/input-audio.wav")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(wav.statusCode()).isEqualTo(200);
            assertThat(wav.headers().firstValue("Content-Type")).contains("audio/wav");
            assertThat(wav.body()).hasSize(44 + 4);
            assertThat(java.util.Arrays.copyOfRange(wav.body(), 44, 48)).containsExactly(10, 20, 30, 40);
        }
    }

    @Test
    void pushCloseAndDrop() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            JsonNode sent = json(post("/sessions/" + session.id() + "/events",
                    "[{\"type\":\"response.output_text.delta\",\"delta\":\"a\"},"
                            + "{\"type\":\"response.output_text.delta\",\"delta\":\"b\"}]"), 202);
            assertThat(sent.get("sent").asInt()).isEqualTo(2);
            assertThat(client.nextEvent().get("delta").asString()).isEqualTo("a");
            assertThat(client.nextEvent().get("delta").asString()).isEqualTo("b");
            json(post("/sessions/" + session.id() + "/events", "{\"type\":\"response.output_text.delta\"}"), 202);
            assertThat(client.nextEvent().get("type").asString()).isEqualTo("response.output_text.delta");

            assertThat(json(post("/sessions/" + session.id() + "/events", "42"), 400)
                    .get("error").get("code").asString()).isEqualTo("invalid_body");
            assertThat(json(post("/sessions/" + session.id() + "/close", "{\"code\":1005}"), 400)
                    .get("error").get("code").asString()).isEqualTo("invalid_close_code");

            json(post("/sessions/" + session.id() + "/close", "{\"code\":4001,\"reason\":\"admin\"}"), 202);
            assertThat(client.awaitClose()).isEqualTo("4001 admin");
            session.awaitClosed(WAIT);
            assertThat(json(post("/sessions/" + session.id() + "/events", "{\"type\":\"x\"}"), 409)
                    .get("error").get("code").asString()).isEqualTo("session_closed");
        }
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            json(post("/sessions/" + session.id() + "/drop", ""), 202);
            assertThat(client.awaitClose()).doesNotStartWith("1000");
            session.awaitClosed(WAIT);
            assertThat(session.frames()).last().extracting(Frame::kind).isEqualTo(Frame.Kind.DROP);
        }
    }

    @Test
    void strictServerRefusesToPushAnInvalidEvent() throws Exception {
        try (MockRealtimeServer strict = MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent())
                .start(); WsTestClient client = WsTestClient.connect(strict.realtimeUrl())) {
            MockSession session = strict.awaitSession(WAIT);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(strict.adminUrl()
                    + "/sessions/" + session.id() + "/events")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"no.such.event\"}")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode error = json(refused, 400).get("error");
            assertThat(error.get("code").asString()).isEqualTo("invalid_event");
            assertThat(error.get("message").asString()).contains("no.such.event").contains("nothing was sent");
            assertThat(session.frames()).isEmpty();
        }
    }

    @Test
    void resetForgetsSessions() throws Exception {
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            server.awaitSession(WAIT);
            JsonNode reset = json(post("/reset", ""), 200);
            assertThat(reset.get("sessionsForgotten").asInt()).isEqualTo(1);
            assertThat(client.awaitClose()).startsWith("1001");
            assertThat(json(get("/sessions"), 200).get("sessions")).isEmpty();
        }
    }

    @Test
    void errorsAreJson() throws Exception {
        JsonNode missing = json(get("/sessions/sess_nope"), 404);
        assertThat(missing.get("error").get("code").asString()).isEqualTo("session_not_found");
        assertThat(missing.get("error").get("message").asString()).contains("sess_nope");
        assertThat(json(get("/sessions/sess_nope/frames"), 404).get("error").get("code").asString())
                .isEqualTo("session_not_found");
        assertThat(json(post("/sessions/sess_nope/close", "{}"), 404).get("error").get("code").asString())
                .isEqualTo("session_not_found");
        assertThat(json(get("/nothing-here"), 404).get("error").get("code").asString()).isEqualTo("not_found");
        assertThat(json(post("/health", ""), 405).get("error").get("code").asString())
                .isEqualTo("method_not_allowed");
        assertThat(json(post("/reset", "{bad"), 200).get("reset").asBoolean()).isTrue();
    }

    @Test
    void extraRoutesAreServed() throws Exception {
        assertThat(json(get("/echo/hello"), 200).get("word").asString()).isEqualTo("hello");
    }

    @Test
    void adminCanHaveItsOwnListener() throws Exception {
        // the same path a non-loopback --host takes; tests bind to 127.0.0.1 only
        try (MockRealtimeServer wide = MockRealtimeServer.builder().separateAdmin(true)
                .behaviorFactory(SessionBehaviorFactory.silent()).start()) {
            assertThat(wide.adminUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(wide.adminUrl().getPort()).isNotEqualTo(wide.realtimeUrl().getPort());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create(wide.adminUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> notOnMain = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + wide.realtimeUrl().getPort() + "/__admin/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notOnMain.statusCode()).isEqualTo(404);
        }
    }

    private URI uri(String path) {
        return URI.create(server.adminUrl() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        return MAPPER.readTree(response.body());
    }
}
