package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.MockRealtimeServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MockServerCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MockServerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CompletableFuture.completedFuture(null));
    }

    @Test
    void helpListsCommandsAndEveryServeFlag() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("realtime-mock-server", "serve", "validate",
                "Runs 'serve' when no command");
        out.getBuffer().setLength(0);
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--host", "--port", "--api-key", "--validate", "--pacing",
                "--admin-host", "--admin-port", "--max-frames", "8787", "--version");
        out.getBuffer().setLength(0);
        assertThat(run("validate", "--help")).isZero();
        assertThat(out.toString()).contains("--side");
        out.getBuffer().setLength(0);
        assertThat(run("--port", "0", "--help")).isZero();
        assertThat(out.toString()).contains("--max-frames");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("realtime-mock-server ").doesNotContain("unknown")
                .doesNotContain("${");
    }

    @Test
    void badOptionsExitNonZeroWithOneReadableLine() {
        assertThat(run("--port", "abc")).isEqualTo(2);
        assertOneLine(err.toString(), "--port");
        err.getBuffer().setLength(0);
        assertThat(run("--validate", "sometimes")).isEqualTo(2);
        assertOneLine(err.toString(), "--validate");
        err.getBuffer().setLength(0);
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertOneLine(err.toString(), "port must be 0-65535");
        err.getBuffer().setLength(0);
        assertThat(run("--no-such-flag")).isEqualTo(2);
        assertOneLine(err.toString(), "--no-such-flag");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void busyPortExitsWithOneLine() {
        try (MockRealtimeServer taken = MockRealtimeServer.builder().start()) {
            assertThat(run("--port", String.valueOf(taken.realtimeUrl().getPort()))).isEqualTo(1);
            assertOneLine(err.toString(), "cannot listen on 127.0.0.1:" + taken.realtimeUrl().getPort());
        }
    }

    @Test
    void servePrintsTheListeningLineAndStopsOnSignal() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> MockServerCli.execute(
                new String[] {"--port", "0", "--validate", "warn", "--pacing", "fast", "--api-key", "sk-cli",
                        "--max-frames", "100"},
                new PrintWriter(new LineWriter(lines), true), new PrintWriter(err, true), stop));
        String first = lines.poll(20, TimeUnit.SECONDS);
        assertThat(first).as("stderr: %s", err).isNotNull();
        Matcher listening = Pattern.compile(
                "Realtime mock server listening on (ws://127\\.0\\.0\\.1:(\\d+)/v1/realtime)").matcher(first);
        assertThat(listening.matches()).as(first).isTrue();
        assertThat(Integer.parseInt(listening.group(2))).isPositive();
        String second = lines.poll(10, TimeUnit.SECONDS);
        assertThat(second).isEqualTo("Admin API on http://127.0.0.1:" + listening.group(2) + "/__admin");

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + listening.group(2) + "/__admin/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"validation\":\"warn\"");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(listening.group(1).replace("ws:", "http:"))).header("Authorization", "Bearer other")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        assertThat(exit).isNotDone();
        stop.complete(null);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    private static void assertOneLine(String text, String mentions) {
        assertThat(text.strip()).contains(mentions).doesNotContain("\n").doesNotContain("Exception");
    }

    /** Hands every completed line to a queue. */
    private static final class LineWriter extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder current = new StringBuilder();

        LineWriter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(current.toString().replace("\r", ""));
                    current.setLength(0);
                } else {
                    current.append(c);
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
