package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.replay.MockScenarios;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scenarios on the real Undertow server, over a real WebSocket. */
class ScenarioServerTest {

    private static final Duration T = WsTestClient.TIMEOUT;

    private static MockRealtimeServer server(String yaml) {
        MockRealtimeServer.Builder builder = MockRealtimeServer.builder();
        if (yaml != null) {
            builder.behaviorFactory(new ScenarioBehaviorFactory(Scenario.parse(yaml, "test.yaml")));
        } else {
            builder.behaviorFactory(SessionBehaviorFactory.silent());
        }
        return builder.start();
    }

    @Test
    void functionCallScenarioOverTheWire() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder()
                .behaviorFactory(new ScenarioBehaviorFactory(
                        Scenario.fromClasspath("dev/realtimetck/mockserver/scenarios/function-call-turn.yaml"))).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            JsonNode created = client.nextEvent();
            assertThat(created.path("type").asString()).isEqualTo("session.created");
            MockSession session = server.awaitSession(T);
            assertThat(created.at("/session/id").asString()).isEqualTo(session.id());
            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.updated");
            client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"Weather in Paris?\"}]}}");
            client.send("{\"type\":\"response.create\"}");
            JsonNode args = client.nextEvent("response.function_call_arguments.done");
            client.nextEvent("response.done");
            client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                    + args.get("call_id").asString() + "\",\"output\":\"sunny\"}}");
            client.send("{\"type\":\"response.create\"}");
            JsonNode text = client.nextEvent("response.output_text.done");
            assertThat(text.get("text").asString()).isEqualTo("It is sunny in Paris.");
            client.nextEvent("response.done");
            assertThat(session.problems()).isEmpty();
        }
    }

    @Test
    void strictMismatchClosesWith1008AndRecordsTheReport() throws Exception {
        try (MockRealtimeServer server = server("""
                strict: true
                steps:
                  - expect: {type: session.update}
                """);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.awaitClose()).startsWith("1008 ");
            MockSession session = server.awaitSession(T);
            assertThat(session.problems()).anySatisfy(p -> assertThat(p)
                    .contains("unexpected client event response.create")
                    .contains("/type: expected \"session.update\", actual \"response.create\""));
        }
    }

    @Test
    void faultsReachTheClient() throws Exception {
        try (MockRealtimeServer server = server("""
                steps:
                  - malformed: "{\\"type\\":"
                  - binary: {base64: AAEC}
                  - expect: {type: response.create}
                  - close: {code: 4000, reason: scripted}
                """);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.next()).isEqualTo("{\"type\":");
            assertThat(client.next()).isEqualTo("BINARY:" + Base64.getEncoder().encodeToString(new byte[] {0, 1, 2}));
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.awaitClose()).isEqualTo("4000 scripted");
        }
    }

    @Test
    void dropEndsTheConnectionWithoutCloseFrame() throws Exception {
        try (MockRealtimeServer server = server("""
                steps:
                  - send: {type: session.created, session: "{{session}}"}
                  - drop: true
                """);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.awaitClose()).satisfiesAnyOf(
                    c -> assertThat(c).startsWith("ERROR"),
                    c -> assertThat(c).startsWith("1006"));
        }
    }

    @Test
    void stallSendsNothingMore() throws Exception {
        try (MockRealtimeServer server = server("""
                steps:
                  - send: {type: session.created, session: "{{session}}"}
                  - stall: true
                rules:
                  - when: {type: response.create}
                    send: {type: response.created, response: {id: resp_1, object: realtime.response, status: in_progress, output: []}}
                """);
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
            assertThat(server.awaitSession(T).isOpen()).isTrue();
        }
    }

    @Test
    void adminApiLoadsAndReportsTheScenarioForNewSessions() throws Exception {
        try (MockRealtimeServer server = server(null)) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(server.adminUrl() + "/scenario");
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofString("steps:\n  - sned: {}\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("invalid_scenario").contains("sned");
            String yaml = "name: greeter\nsteps:\n  - send: {type: session.created, session: {type: realtime, object: realtime.session, id: \"{{session_id}}\"}}\n";
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.body()).contains("\"name\":\"greeter\"").contains("session_id");
            try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
                assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            }
        }
    }

    @Test
    void annotationSelectsScenarioOrRecording() throws Exception {
        @MockScenario(value = "dev/realtimetck/mockserver/scenarios/dropped-mid-response.yaml", strict = true)
        final class Annotated {
        }
        var factory = MockScenarios.factoryFor(Annotated.class).orElseThrow();
        assertThat(((ScenarioBehaviorFactory) factory).scenario().name()).isEqualTo("dropped-mid-response");
        assertThat(((ScenarioBehaviorFactory) factory).scenario().strict()).isTrue();
        assertThat(MockScenarios.factoryFor(ScenarioServerTest.class)).isEmpty();
    }
}
