package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named scenarios: the admin API adds and removes them, reset and DELETE restore the simulator, a directory reloads. */
class ScenarioSelectionTest {

    private static final String GREETING = "name: greet\nsteps:\n  - send: {type: error, error: {type: invalid_request_error, "
            + "code: CODE, message: m, param: null, event_id: null}}\n";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, URI url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String firstCode(URI url) throws Exception {
        try (WsTestClient client = WsTestClient.connect(url)) {
            var event = client.nextEvent();
            return event.path("type").asString().equals("error") ? event.path("error").path("code").asString()
                    : event.path("type").asString();
        }
    }

    @Test
    void deleteAndResetRestoreTheSimulator() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().start()) {
            URI admin = server.adminUrl();
            assertThat(call("PUT", URI.create(admin + "/scenario"), GREETING.replace("CODE", "first")).statusCode())
                    .isEqualTo(200);
            assertThat(firstCode(server.realtimeUrl())).isEqualTo("first");
            HttpResponse<String> deleted = call("DELETE", URI.create(admin + "/scenario"), null);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(firstCode(server.realtimeUrl())).isEqualTo("session.created");
            assertThat(call("DELETE", URI.create(admin + "/scenario"), null).statusCode()).isEqualTo(404);

            assertThat(call("PUT", URI.create(admin + "/scenario"), GREETING.replace("CODE", "again")).statusCode())
                    .isEqualTo(200);
            assertThat(call("PUT", URI.create(admin + "/scenarios/named"), GREETING.replace("CODE", "named"))
                    .statusCode()).isEqualTo(200);
            assertThat(firstCode(server.realtimeUrl("named"))).isEqualTo("named");
            assertThat(call("GET", URI.create(admin + "/scenarios"), null).body())
                    .contains("\"name\":\"named\"").contains("\"origin\":\"admin\"").contains("\"origin\":\"bundled\"");
            assertThat(call("POST", URI.create(admin + "/reset"), "").statusCode()).isEqualTo(200);
            assertThat(firstCode(server.realtimeUrl())).isEqualTo("session.created");
            assertThat(call("GET", URI.create(admin + "/scenarios/named"), null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void namedScenariosAreDeletedAndUnknownNamesClosedWith1008() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().start()) {
            URI admin = server.adminUrl();
            call("PUT", URI.create(admin + "/scenarios/gone"), GREETING.replace("CODE", "gone"));
            assertThat(call("DELETE", URI.create(admin + "/scenarios/gone"), null).statusCode()).isEqualTo(200);
            assertThat(call("DELETE", URI.create(admin + "/scenarios/gone"), null).statusCode()).isEqualTo(404);
            assertThat(call("PUT", URI.create(admin + "/scenarios/bad%20name"), GREETING).statusCode()).isEqualTo(400);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("gone"))) {
                assertThat(client.awaitClose()).isEqualTo("1008 unknown scenario 'gone'");
            }
            MockSession session = server.awaitSession(WsTestClient.TIMEOUT);
            assertThat(session.problems()).singleElement().asString().contains("unknown scenario 'gone'")
                    .contains("audio-reply");
        }
    }

    @Test
    void aDirectoryOfScenariosIsReloadedWhenFilesChange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("greet.yaml");
        Files.writeString(file, GREETING.replace("CODE", "v1"));
        try (MockRealtimeServer server = MockRealtimeServer.builder().scenarioDirectory(dir).start()) {
            assertThat(firstCode(server.realtimeUrl("greet"))).isEqualTo("v1");
            Files.writeString(file, GREETING.replace("CODE", "version2"));
            assertThat(firstCode(server.realtimeUrl("greet"))).isEqualTo("version2");
            Files.writeString(dir.resolve("added.yaml"), GREETING.replace("CODE", "added"));
            assertThat(firstCode(server.realtimeUrl("added"))).isEqualTo("added");
            // a broken edit keeps the previous version
            Files.writeString(file, "steps: [{send: {type: nonsense.event}}]\n");
            assertThat(firstCode(server.realtimeUrl("greet"))).isEqualTo("version2");
            Files.delete(file);
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("greet"))) {
                assertThat(client.awaitClose()).startsWith("1008");
            }
        }
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsNoScenario(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("scenarios"));
        Files.writeString(dir.resolve("inside.yaml"), GREETING.replace("CODE", "inside"));
        Path outside = Files.writeString(temp.resolve("outside.yaml"), GREETING.replace("CODE", "outside"));
        Files.createSymbolicLink(dir.resolve("escape.yaml"), outside);
        try (MockRealtimeServer server = MockRealtimeServer.builder().scenarioDirectory(dir).start()) {
            assertThat(server.scenarios().find("escape")).isEmpty();
            assertThat(firstCode(server.realtimeUrl("inside"))).isEqualTo("inside");
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl("escape"))) {
                assertThat(client.awaitClose()).isEqualTo("1008 unknown scenario 'escape'");
            }
        }
    }

    @Test
    void aBadFileInTheDirectoryFailsTheStartWithFileLineAndPointer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "steps:\n  - send:\n      type: response.done\n"
                + "      response: {id: \"{{id resp}}\", object: realtime.response, status: finished, output: []}\n");
        assertThatThrownBy(() -> MockRealtimeServer.builder().scenarioDirectory(dir).build())
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml line 4: /steps/0/send/response/status");
    }
}
