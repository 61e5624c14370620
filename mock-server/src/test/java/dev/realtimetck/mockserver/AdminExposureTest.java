package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's exposure: loopback by default, a bearer token otherwise, uploads confined to their folder. */
class AdminExposureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "adm-0123456789-secret";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(MockRealtimeServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.adminUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(MockRealtimeServer server, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loopbackAdminNeedsNoToken() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().start()) {
            assertThat(server.adminUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(get(server, "/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGivenTokenIsEnforcedOnEveryAdminRequestAndNeverEchoed() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN).start()) {
            HttpResponse<String> missing = get(server, "/health", null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.body()).contains("\"code\":\"missing_admin_token\"");
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
            for (String wrong : new String[] {"Bearer nope", "Bearer " + TOKEN + "x", "Basic " + TOKEN,
                    "Bearer " + TOKEN.substring(1), TOKEN}) {
                HttpResponse<String> refused = get(server, "/sessions", wrong);
                assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
                assertThat(refused.body()).contains("invalid_admin_token").doesNotContain(TOKEN.substring(4));
            }
            HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reset.statusCode()).isEqualTo(401);
            assertThat(get(server, "/health", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            assertThat(get(server, "/health", "bearer " + TOKEN).statusCode()).isEqualTo(200);
            // the WebSocket endpoint is not behind the admin token
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
                assertThat(server.awaitSession(WAIT).isOpen()).isTrue();
            }
        }
    }

    @Test
    void theCiRoutesRequireTheTokenToo() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN).start()) {
            for (String path : new String[] {"/metrics", "/problems", "/scenarios", "/scenarios/audio-reply",
                    "/scenario"}) {
                HttpResponse<String> refused = get(server, path, null);
                assertThat(refused.statusCode()).as(path).isEqualTo(401);
                assertThat(refused.body()).as(path).contains("missing_admin_token");
            }
            for (String method : new String[] {"PUT", "DELETE"}) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create(server.adminUrl() + "/scenarios/named")).method(method,
                        HttpRequest.BodyPublishers.ofString("steps: []\n")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(method).isEqualTo(401);
            }
            assertThat(server.scenarios().entries()).isEmpty();
            HttpResponse<String> metrics = get(server, "/metrics", "Bearer " + TOKEN);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("# TYPE");
            HttpResponse<String> problems = get(server, "/problems", "Bearer " + TOKEN);
            assertThat(problems.statusCode()).isEqualTo(200);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
                String events = get(server, "/sessions/" + server.awaitSession(WAIT).id() + "/events", null)
                        .body();
                assertThat(events).contains("missing_admin_token");
            }
        }
    }

    @Test
    void anAdminListenerOffLoopbackWithoutATokenIsRefusedBeforeBinding() {
        // nothing is bound: the check runs before any listener starts
        assertThatThrownBy(() -> MockRealtimeServer.builder().adminHost("0.0.0.0").adminPort(1).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("not a loopback address")
                .hasMessageContaining("--admin-token");
        assertThatThrownBy(() -> MockRealtimeServer.builder().adminToken(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adminToken");
    }

    @Test
    void uploadedScenariosReadWavFilesOnlyInsideTheConfiguredFolder(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("wavs"));
        byte[] samples = SyntheticAudio.tone(new AudioFormat.Pcm(24000), Duration.ofMillis(20), 300, 0.5);
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), folder.resolve("ok.wav"));
        Path outside = temp.resolve("outside.wav");
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), outside);
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN).adminWavFolder(folder)
                .behaviorFactory(SessionBehaviorFactory.silent()).start()) {
            String scenario = """
                    steps:
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav ok.wav}}"}
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav ../outside.wav}}"}
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav \\"%s\\"}}"}
                    """.formatted(outside.toString().replace("\\", "/"));
            assertThat(put(server, "/scenario", scenario).statusCode()).isEqualTo(200);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
                MockSession session = server.awaitSession(WAIT);
                session.awaitProblem("'..' is not allowed", WAIT);
                session.awaitProblem("absolute path is not allowed", WAIT);
                assertThat(client.nextEvent().path("delta").asString()).isNotEmpty();
                assertThat(session.serverFrameCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void namedUploadsReadWavFilesOnlyInsideTheFolder(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("wavs"));
        byte[] samples = SyntheticAudio.tone(new AudioFormat.Pcm(24000), Duration.ofMillis(20), 300, 0.5);
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), folder.resolve("ok.wav"));
        Path outside = temp.resolve("outside.wav");
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), outside);
        String absolute = outside.toString().replace("\\", "/");
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN).adminWavFolder(folder)
                .behaviorFactory(SessionBehaviorFactory.silent()).start()) {
            String scenario = """
                    steps:
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav ok.wav}}"}
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav ../outside.wav}}"}
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav \\"%s\\"}}"}
                    """.formatted(absolute);
            assertThat(put(server, "/scenarios/confined", scenario).statusCode()).isEqualTo(200);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("confined"))) {
                MockSession session = server.awaitSession(WAIT);
                session.awaitProblem("'..' is not allowed", WAIT);
                session.awaitProblem("absolute path is not allowed", WAIT);
                assertThat(client.nextEvent().path("delta").asString()).isNotEmpty();
                assertThat(session.serverFrameCount()).isEqualTo(1);
            }
        }
        // without a wav folder, a named upload reads no file at all, not even one the operator could read
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN)
                .behaviorFactory(SessionBehaviorFactory.silent()).start()) {
            assertThat(put(server, "/scenarios/nofolder", """
                    steps:
                      - send: {type: response.output_audio.delta, response_id: r, item_id: i, output_index: 0, content_index: 0, delta: "{{wav \\"%s\\"}}"}
                    """.formatted(absolute)).statusCode()).isEqualTo(200);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("nofolder"))) {
                MockSession session = server.awaitSession(WAIT);
                session.awaitProblem("class path resources only", WAIT);
                assertThat(session.serverFrameCount()).isZero();
            }
        }
    }

    @Test
    void uploadedScenariosCannotEvaluateCodeOrNameJavaTypes() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().adminToken(TOKEN).start()) {
            HttpResponse<String> tagged = put(server, "/scenario", """
                    steps:
                      - send: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:9/"]]]]
                    """);
            assertThat(tagged.statusCode()).isEqualTo(400);
            assertThat(tagged.body()).contains("invalid_scenario");
            for (String function : new String[] {"eval", "exec", "script", "env", "file", "include"}) {
                HttpResponse<String> answer = put(server, "/scenario",
                        "steps:\n  - send: {type: error, error: {type: x, message: \"{{" + function + " 1+1}}\"}}\n");
                assertThat(answer.statusCode()).as(function).isEqualTo(400);
                assertThat(answer.body()).as(function).contains("unknown").contains(function);
            }
        }
    }
}
