package dev.realtimetck.mockserver.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.replay.RecordedFrame;
import dev.realtimetck.mockserver.replay.Recording;
import dev.realtimetck.mockserver.replay.Replays;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RecordingProxyTest {

    private static final String KEY = "sk-test-secret-0123456789";
    private static final String SCENARIO = "dev/realtimetck/mockserver/scenarios/function-call-turn.yaml";

    /** Drives the function-call scenario; returns the server event types the client saw, in order. */
    private static List<String> converse(WsTestClient client) throws Exception {
        List<String> types = new ArrayList<>();
        types.add(client.nextEvent().path("type").asString());
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        types.add(client.nextEvent().path("type").asString());
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"weather? my key is " + KEY + "\"}]}}");
        client.send("{\"type\":\"response.create\"}");
        String callId = null;
        while (true) {
            JsonNode e = client.nextEvent();
            types.add(e.path("type").asString());
            if (e.has("call_id") && callId == null) {
                callId = e.get("call_id").asString();
            }
            if (e.path("type").asString().equals("response.done")) {
                break;
            }
        }
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + callId + "\",\"output\":\"sunny\"}}");
        client.send("{\"type\":\"response.create\"}");
        while (true) {
            JsonNode e = client.nextEvent();
            types.add(e.path("type").asString());
            if (e.path("type").asString().equals("response.done") && types.indexOf("response.done") != types.size() - 1) {
                break;
            }
        }
        return types;
    }

    @Test
    void recordsBothDirectionsWithoutSecretsAndReplaysTheSameServerEvents(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("session.jsonl");
        List<String> live;
        try (MockRealtimeServer upstream = MockRealtimeServer.builder().apiKey(KEY)
                .behaviorFactory(new ScenarioBehaviorFactory(Scenario.fromClasspath(SCENARIO))).start();
             RecordingProxy proxy = new RecordingProxy(upstream.realtimeUrl(), out, "127.0.0.1", 0).start()) {
            URI url = URI.create(proxy.url() + "?model=gpt-realtime");
            try (WsTestClient client = WsTestClient.connect(url, "Bearer " + KEY)) {
                live = converse(client);
                client.closeNormally();
                assertThat(client.awaitClose()).startsWith("1000");
            }
            assertThat(upstream.awaitSession(WsTestClient.TIMEOUT).model()).contains("gpt-realtime");
            // the browser form: the key travels as a subprotocol
            try (WsTestClient client = WsTestClient.connect(proxy.url(), null, "realtime",
                    "openai-insecure-api-key." + KEY)) {
                assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
                client.closeNormally();
                client.awaitClose();
            }
            assertThat(proxy.connectionCount()).isEqualTo(2);
        }

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(KEY).doesNotContain("0123456789").contains("[redacted]");
        assertThat(Files.readString(dir.resolve("session-2.jsonl"))).doesNotContain(KEY).contains("session.created");
        Recording recording = Recording.read(out);
        assertThat(recording.frames()).extracting(RecordedFrame::direction)
                .contains(RecordedFrame.Direction.CLIENT, RecordedFrame.Direction.SERVER);
        assertThat(recording.frames().get(recording.frames().size() - 1).kind()).isEqualTo(RecordedFrame.Kind.CLOSE);
        List<String> recordedServerTypes = recording.frames().stream()
                .filter(f -> f.direction() == RecordedFrame.Direction.SERVER && f.kind() == RecordedFrame.Kind.EVENT)
                .map(RecordedFrame::type).toList();
        assertThat(recordedServerTypes).isEqualTo(live);
        assertThat(recording.frames()).extracting(RecordedFrame::tMs).isSorted();

        try (MockRealtimeServer replay = MockRealtimeServer.builder()
                .behaviorFactory(new ScenarioBehaviorFactory(Replays.toScenario(recording, "replayed",
                        new Replays.Options(0, true, false)))).start();
             WsTestClient client = WsTestClient.connect(replay.realtimeUrl())) {
            assertThat(converse(client)).isEqualTo(live);
            assertThat(replay.awaitSession(WsTestClient.TIMEOUT).problems()).isEmpty();
        }
    }

    @Test
    void upstreamRefusalClosesTheClientWith1011(@TempDir Path dir) throws Exception {
        try (MockRealtimeServer upstream = MockRealtimeServer.builder().apiKey(KEY).start();
             RecordingProxy proxy = new RecordingProxy(upstream.realtimeUrl(), dir.resolve("r.jsonl"), "127.0.0.1", 0).start();
             WsTestClient client = WsTestClient.connect(proxy.url(), "Bearer wrong-key")) {
            assertThat(client.awaitClose()).startsWith("1011 upstream connection failed");
        }
    }

    @Test
    void rejectsNonWebSocketUpstream(@TempDir Path dir) {
        assertThatThrownBy(() -> new RecordingProxy(URI.create("https://api.example/v1/realtime?key=x"),
                dir.resolve("r.jsonl"), "127.0.0.1", 0))
                .hasMessage("upstream: must be a ws:// or wss:// URL, was https://api.example/v1/realtime");
    }

    @Test
    void redactorRemovesSecretFieldsKnownKeysAndKeyShapedStrings() {
        Redactor redactor = new Redactor(List.of("my-own-key-xyz"));
        JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"type\":\"session.update\",\"api_key\":\"abc\",\"session\":{\"client_secret\":{\"value\":\"ek_abcdefghijkl\"},"
                        + "\"note\":\"use my-own-key-xyz or sk-proj-AAAAAAAAAAAA\"},\"Authorization\":null}");
        JsonNode out = redactor.event(event);
        assertThat(out.get("api_key").asString()).isEqualTo("[redacted]");
        assertThat(out.at("/session/client_secret").asString()).isEqualTo("[redacted]");
        assertThat(out.at("/session/note").asString()).isEqualTo("use [redacted] or [redacted]");
        assertThat(out.get("Authorization").isNull()).isTrue();
        assertThat(redactor.text("item_abc event_123")).isEqualTo("item_abc event_123");
    }
}
