package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker daemon runs where the tests run, so the image's commands are the ones tested here: its build
 * command is the README's, and its CMD options start the server (with the addresses and ports swapped for
 * loopback and free ones, and the port file moved to a temporary directory).
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Pattern JSON_ARRAY = Pattern.compile("(?m)^(ENTRYPOINT|CMD) (\\[.*])$");

    @Test
    void buildStageRunsTheReadmeBuildCommand() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        Matcher run = Pattern.compile("(?m)^RUN (\\./mvnw .*)$").matcher(dockerfile);
        assertThat(run.find()).isTrue();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(run.group(1));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
                .contains("COPY --from=build /src/mock-server/target/realtime-mock-server.jar /app/realtime-mock-server.jar");
    }

    @Test
    void theImageCommandStartsTheServer(@TempDir Path dir) throws Exception {
        List<String> entrypoint = array("ENTRYPOINT");
        assertThat(entrypoint).containsExactly("java", "-jar", "/app/realtime-mock-server.jar");
        List<String> args = new ArrayList<>(array("CMD"));
        assertThat(args).containsSubsequence("--host", "0.0.0.0").containsSubsequence("--port-file");
        Path portFile = dir.resolve("port");
        for (int i = 0; i < args.size() - 1; i++) {
            switch (args.get(i)) {
                case "--host", "--admin-host" -> args.set(i + 1, "127.0.0.1"); // tests bind loopback only
                case "--port", "--admin-port" -> args.set(i + 1, "0");
                case "--port-file" -> args.set(i + 1, portFile.toString());
                default -> { }
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> MockServerCli.execute(
                args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), stop));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(portFile)) {
                assertThat(exit).as("stderr: %s", err).isNotDone();
                assertThat(System.nanoTime()).as("port file within 20 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            Matcher admin = Pattern.compile("Admin API on (\\S+)").matcher(out.toString());
            assertThat(admin.find()).as(out.toString()).isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(admin.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"")
                    .contains(":" + Files.readString(portFile).strip() + "/v1/realtime");
        } finally {
            stop.complete(null);
        }
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    private static List<String> array(String instruction) throws Exception {
        Matcher m = JSON_ARRAY.matcher(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
        while (m.find()) {
            if (m.group(1).equals(instruction)) {
                List<String> out = new ArrayList<>();
                for (JsonNode v : JsonMapper.builder().build().readTree(m.group(2))) {
                    out.add(v.asString());
                }
                return out;
            }
        }
        throw new AssertionError("no " + instruction + " in the Dockerfile");
    }
}
