package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario, replay and record options of the {@code realtime-mock-server} command line. */
class ScenarioCliTest {

    private final StringWriter err = new StringWriter();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> stop = new CompletableFuture<>();

    private CompletableFuture<Integer> start(String... args) {
        return CompletableFuture.supplyAsync(() -> MockServerCli.execute(args,
                new PrintWriter(new LineWriter(lines), true), new PrintWriter(err, true), stop));
    }

    private String line() throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("stderr: %s", err).isNotNull();
        return line;
    }

    private URI realtimeUrl() throws InterruptedException {
        Matcher m = Pattern.compile("Realtime mock server listening on (\\S+)").matcher(line());
        assertThat(m.matches()).isTrue();
        line();
        return URI.create(m.group(1));
    }

    @Test
    void serveRunsAStrictScenario(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("greet.yaml");
        Files.writeString(file, "name: greet\nsteps:\n  - send: {type: session.created, session: \"{{session}}\"}\n"
                + "  - expect: {type: session.update}\n");
        CompletableFuture<Integer> exit = start("--port", "0", "--scenario", file.toString(), "--strict");
        URI url = realtimeUrl();
        assertThat(line()).isEqualTo("Running scenario 'greet' (2 steps, 0 rules, strict) in every new session");
        try (WsTestClient client = WsTestClient.connect(url)) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.awaitClose()).startsWith("1008");
        }
        stop.complete(null);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void strictReplayClosesWith1008AndTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"direction\":\"client\",\"t_ms\":0,\"event\":{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}}\n"
                + "{\"direction\":\"server\",\"t_ms\":10,\"event\":{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":0,\"item_id\":\"item_1\"}}\n");
        CompletableFuture<Integer> exit = start("serve", "--port", "0", "--replay", file.toString(), "--replay-speed", "0",
                "--strict");
        URI url = realtimeUrl();
        line();
        try (WsTestClient client = WsTestClient.connect(url)) {
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}");
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("input_audio_buffer.speech_started");
            client.send("{\"type\":\"input_audio_buffer.clear\"}");
            assertThat(client.awaitClose())
                    .isEqualTo("1008 scenario 'r' mismatch: unexpected input_audio_buffer.clear after the script ended");
        }
        stop.complete(null);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void serveReplaysARecordingWithoutGaps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"direction\":\"server\",\"t_ms\":0,\"event\":{\"type\":\"session.created\",\"session\":{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_rec1\",\"model\":\"gpt-realtime\",\"output_modalities\":[\"audio\"]}}}\n"
                + "{\"direction\":\"client\",\"t_ms\":10,\"event\":{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}}\n"
                + "{\"direction\":\"server\",\"t_ms\":60000,\"event\":{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_rec1\",\"model\":\"gpt-realtime\",\"output_modalities\":[\"audio\"]}}}\n");
        CompletableFuture<Integer> exit = start("serve", "--port", "0", "--replay", file.toString(), "--replay-speed", "0");
        URI url = realtimeUrl();
        assertThat(line()).startsWith("Running replay 'r' (");
        try (WsTestClient client = WsTestClient.connect(url)) {
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
            assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.updated");
        }
        stop.complete(null);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void badScenarioOptionsExitWithOneLine(@TempDir Path dir) throws Exception {
        stop.complete(null);
        assertThat(start("--scenario", "a.yaml", "--replay", "b.jsonl").get(20, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--scenario and --replay cannot be combined").doesNotContain("\n");
        err.getBuffer().setLength(0);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "steps:\n  - sned: {type: x}\n");
        assertThat(start("--scenario", bad.toString()).get(20, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(err.toString().strip()).contains("bad.yaml").contains("/steps/0").contains("sned")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void recordSubcommandProxiesAndWritesTheRecording(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rec.jsonl");
        try (MockRealtimeServer upstream = MockRealtimeServer.builder().start()) {
            CompletableFuture<Integer> exit = start("record", "--upstream", upstream.realtimeUrl().toString(),
                    "--out", out.toString(), "--port", "0");
            Matcher m = Pattern.compile("Recording proxy listening on (\\S+) -> .*").matcher(line());
            assertThat(m.matches()).isTrue();
            try (WsTestClient client = WsTestClient.connect(URI.create(m.group(1) + "?model=gpt-realtime"))) {
                assertThat(client.nextEvent().path("type").asString()).isEqualTo("session.created");
                client.closeNormally();
                client.awaitClose();
            }
            stop.complete(null);
            assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        }
        assertThat(Files.readString(out)).contains("\"direction\":\"server\"").contains("session.created")
                .doesNotContain("test-key");
    }

    /** Hands every completed line to a queue. */
    private static final class LineWriter extends Writer {
        private final BlockingQueue<String> sink;
        private final StringBuilder current = new StringBuilder();

        LineWriter(BlockingQueue<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    sink.add(current.toString().replace("\r", ""));
                    current.setLength(0);
                } else {
                    current.append(buffer[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
