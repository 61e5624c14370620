package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.junit.MockServerTest;
import dev.realtimetck.mockserver.record.RecordingProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records a session of the reference transport with a mock server through the mock server's recording proxy. */
@MockServerTest
class RecordingProxyTest {

    private static final String KEY = "sk-recording-secret-123";

    @Test
    void recordsAWholeTurnWithoutTheKey(MockRealtimeServer upstream, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("session.jsonl");
        try (RecordingProxy proxy = new RecordingProxy(upstream.realtimeUrl(), out, "127.0.0.1", 0).start();
                RealtimeWebSocketTransport transport = RealtimeWebSocketTransport.builder()
                        .apiKey(KEY).baseUrl(proxy.url()).build()) {
            CompletableFuture<TurnDone> done = new CompletableFuture<>();
            transport.on(TransportEventType.TURN_DONE, done::complete);
            transport.connect(RealtimeTransportConnectOptions.defaults()).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            transport.sendMessage("record me");
            done.get(20, TimeUnit.SECONDS);
            transport.close();

            List<String> lines = awaitLine(out, "\"close\"", Duration.ofSeconds(10));
            JsonMapper mapper = JsonMapper.shared();
            List<JsonNode> events = lines.stream().map(mapper::readTree).filter(n -> n.has("event")).toList();
            List<String> client = events.stream().filter(n -> "client".equals(n.path("direction").asString()))
                    .map(n -> n.path("event").path("type").asString()).toList();
            List<String> server = events.stream().filter(n -> "server".equals(n.path("direction").asString()))
                    .map(n -> n.path("event").path("type").asString()).toList();
            assertThat(client.get(0)).isEqualTo("session.update");
            assertThat(client).containsSubsequence("conversation.item.create", "response.create");
            assertThat(server).startsWith("session.created").contains("response.done");
            assertThat(upstream.awaitSession(Duration.ofSeconds(5)).model())
                    .contains(RealtimeWebSocketTransport.DEFAULT_MODEL);
            assertThat(String.join("\n", lines)).doesNotContain(KEY);
        }
    }

    /** Waits until the recording holds a line containing {@code marker}; the proxy flushes every line. */
    private static List<String> awaitLine(Path file, String marker, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.stream().anyMatch(l -> l.contains(marker))) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with " + marker + " in " + file + " within " + timeout + ": "
                        + lines.size() + " lines");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
