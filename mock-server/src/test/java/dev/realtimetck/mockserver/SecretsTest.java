package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.cli.MockServerCli;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs sessions with known API keys (an OpenAI-shaped one and one of no recognisable shape) and a known admin
 * token through every path that writes anything: the server's and the recording proxy's logs at TRACE level for
 * every logger (ours, Undertow, XNIO), standard output, admin answers (health, sessions, details, frames,
 * problems, scenario mismatch reports), the captured input audio as WAV, refused handshakes, and the proxy's
 * recording; then looks for the secrets everywhere.
 */
class SecretsTest {

    private static final String KEY = "sk-proj-KNOWNsecret0123456789abcdef";
    private static final String PLAIN_KEY = "plainkey.Zx81.unshaped";
    private static final String ADMIN_TOKEN = "admin-token-QWERTY-77";
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://127\\.0\\.0\\.1:\\d+/v1/realtime)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> outputs = new ArrayList<>();

    @TempDir
    Path temp;

    private Process start(String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.io.undertow=trace",
                "-Dorg.slf4j.simpleLogger.log.org.xnio=trace",
                "-Dorg.slf4j.simpleLogger.log.org.jboss.threads=trace",
                "-cp", System.getProperty("java.class.path"), MockServerCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(temp.resolve(name + ".err").toFile());
        builder.environment().remove("REALTIME_MOCK_ADMIN_TOKEN");
        return builder.start();
    }

    private HttpResponse<byte[]> admin(URI base, String method, String path, String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        outputs.add(new String(response.body(), StandardCharsets.ISO_8859_1));
        return response;
    }

    /** Polls the admin API (bounded) until some session's details contain {@code text}. */
    private void awaitAdminText(URI adminBase, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode sessions = tools.jackson.databind.json.JsonMapper.shared().readTree(
                    admin(adminBase, "GET", "/sessions", null).body());
            for (JsonNode session : sessions.get("sessions")) {
                if (new String(admin(adminBase, "GET", "/sessions/" + session.get("id").asString(), null).body(),
                        StandardCharsets.UTF_8).contains(text)) {
                    return;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("no session detail contains '" + text + "' within 10 s");
    }

    private static String converse(WsTestClient client) throws Exception {
        StringBuilder seen = new StringBuilder();
        seen.append(client.nextEvent("session.created"));
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"be brief\"}}");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"vendor\":1}}");
        client.send("{not json");
        byte[] pcm = new byte[4800];
        for (int i = 0; i < pcm.length; i += 2) {
            pcm[i + 1] = (byte) (i % 64);
        }
        client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64.getEncoder().encodeToString(pcm)
                + "\"}");
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"hello\"}]}}");
        client.send("{\"type\":\"response.create\"}");
        seen.append(client.nextEvent("response.done"));
        return seen.toString();
    }

    @Test
    void knownKeysAndTokenAppearInNoOutput() throws Exception {
        Process server = start("server", List.of("--port", "0", "--api-key", KEY, "--api-key", PLAIN_KEY,
                "--validate", "warn", "--pacing", "fast", "--admin-token", ADMIN_TOKEN));
        Process proxy = null;
        Path recording = temp.resolve("recording.jsonl");
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = serverOut.readLine();
            String second = serverOut.readLine();
            outputs.add(first + "\n" + second);
            Matcher listening = LISTENING.matcher(first);
            assertThat(listening.find()).as(first).isTrue();
            URI realtime = URI.create(listening.group(1));
            URI adminBase = URI.create(second.substring(second.indexOf("http")));

            // header form, the simulator answering a whole turn
            try (WsTestClient client = WsTestClient.connect(URI.create(realtime + "?model=gpt-realtime"),
                    "Bearer " + KEY)) {
                outputs.add(converse(client));
                client.closeNormally();
            }
            // browser form: the key in a subprotocol
            try (WsTestClient client = WsTestClient.connect(realtime, null, "realtime",
                    "openai-insecure-api-key." + PLAIN_KEY)) {
                outputs.add(String.valueOf(client.nextEvent("session.created")));
                client.closeNormally();
            }
            // refused: a wrong key that contains the right one, the key in the query, a plain HTTP request
            assertThatThrownBy(() -> WsTestClient.connect(realtime, "Bearer " + KEY + "x").close());
            assertThatThrownBy(() -> WsTestClient.connect(URI.create(realtime + "?api_key=" + PLAIN_KEY), null)
                    .close());
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(realtime.toString()
                    .replace("ws:", "http:"))).header("Authorization", "Bearer " + KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            outputs.add(plain.body());
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(realtime.toString()
                    .replace("ws:", "http:"))).header("Authorization", "Bearer wrong-" + PLAIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            outputs.add(refused.body());

            // the recording proxy in front of the server, with the key in the header and in the URL
            proxy = start("proxy", List.of("record", "--upstream", realtime.toString(), "--out",
                    recording.toString(), "--port", "0"));
            String proxyLine = new BufferedReader(new InputStreamReader(proxy.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            outputs.add(proxyLine);
            Matcher proxied = Pattern.compile("listening on (ws://\\S+)").matcher(proxyLine);
            assertThat(proxied.find()).as(proxyLine).isTrue();
            try (WsTestClient client = WsTestClient.connect(URI.create(proxied.group(1)
                    + "?model=gpt-realtime&api_key=" + PLAIN_KEY + "&token=" + KEY), "Bearer " + KEY)) {
                outputs.add(converse(client));
                client.closeNormally();
            }

            // a scenario whose mismatch report prints the client's events
            admin(adminBase, "PUT", "/scenario", "steps:\n  - expect: {type: response.cancel}\n");
            try (WsTestClient client = WsTestClient.connect(realtime, "Bearer " + KEY)) {
                client.send("{\"type\":\"response.create\"}");
                client.send("{\"type\":\"response.create\",\"event_id\":\"e2\"}");
                client.closeNormally();
            }
            awaitAdminText(adminBase, "unexpected client event");

            // every admin answer, including the WAV of the captured input audio
            JsonNode sessions = tools.jackson.databind.json.JsonMapper.shared().readTree(
                    admin(adminBase, "GET", "/sessions", null).body());
            assertThat(sessions.get("sessions")).hasSizeGreaterThanOrEqualTo(3);
            for (JsonNode session : sessions.get("sessions")) {
                String id = session.get("id").asString();
                admin(adminBase, "GET", "/sessions/" + id, null);
                admin(adminBase, "GET", "/sessions/" + id + "/frames", null);
                admin(adminBase, "GET", "/sessions/" + id + "/input-audio.wav", null);
            }
            assertThat(String.join("\n", outputs)).contains("unexpected client event", "vendor", "RIFF");
            admin(adminBase, "GET", "/health", null);
            admin(adminBase, "GET", "/scenario", null);
        } finally {
            stop(proxy);
            stop(server);
        }

        try (Stream<Path> files = Files.list(temp)) {
            for (Path file : files.toList()) {
                outputs.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        String serverLog = Files.readString(temp.resolve("server.err"));
        // the JVM logs at TRACE (defaultLogLevel=trace); Undertow and XNIO write DEBUG lines for every request and frame
        assertThat(serverLog).as("logging ran at the lowest levels").contains(" DEBUG io.undertow", " DEBUG dev.realtimetck");
        assertThat(Files.readString(recording)).contains("session.created").contains("response.done");
        for (String output : outputs) {
            assertThat(output).doesNotContain(KEY).doesNotContain(PLAIN_KEY).doesNotContain(ADMIN_TOKEN)
                    .doesNotContain(KEY.substring(3)).doesNotContain(PLAIN_KEY.substring(2));
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
