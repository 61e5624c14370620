package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.admin.AdminTokenFilter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --admin-token} and {@code REALTIME_MOCK_ADMIN_TOKEN}: a non-loopback host without a token does not start. */
class AdminTokenCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MockServerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CompletableFuture.completedFuture(null));
    }

    @Test
    void nonLoopbackHostWithoutTokenExitsWithOneLine() {
        assertThat(run("--host", "0.0.0.0", "--port", "0")).isEqualTo(2);
        assertOneLine("0.0.0.0 is not a loopback address", "--admin-token", AdminTokenFilter.ENVIRONMENT_VARIABLE);
        err.getBuffer().setLength(0);
        assertThat(run("serve", "--admin-host", "0.0.0.0", "--admin-port", "1")).isEqualTo(2);
        assertOneLine("0.0.0.0 is not a loopback address");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpNamesTheTokenFlagAndVariableWithoutShowingAValue() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--admin-token", AdminTokenFilter.ENVIRONMENT_VARIABLE, "--admin-wav-dir");
    }

    private void assertOneLine(String... mentions) {
        assertThat(err.toString().strip()).contains(mentions).doesNotContain("\n").doesNotContain("Exception");
    }

    private static Process java(List<String> args, String token) throws Exception {
        return processBuilder(args, token).start();
    }

    private static ProcessBuilder processBuilder(List<String> args, String token) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MockServerCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(AdminTokenFilter.ENVIRONMENT_VARIABLE);
        if (token != null) {
            builder.environment().put(AdminTokenFilter.ENVIRONMENT_VARIABLE, token);
        }
        return builder;
    }

    @Test
    void theRealProcessExitsNonZeroWithOneStderrLine() throws Exception {
        Process process = java(List.of("--host", "0.0.0.0", "--port", "0"), null);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.strip()).contains("not a loopback address", "--admin-token").doesNotContain("\n");
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void theTokenFromTheEnvironmentIsEnforced(@TempDir Path temp) throws Exception {
        String token = "env-token-5f2a9c";
        Path stderr = temp.resolve("stderr.txt");
        Process process = processBuilder(List.of("--port", "0"), token).redirectError(stderr.toFile()).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            lines.readLine();
            String admin = lines.readLine();
            assertThat(admin).startsWith("Admin API on http://127.0.0.1:");
            URI health = URI.create(admin.substring("Admin API on ".length()) + "/health");
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(health).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(stderr)).doesNotContain(token);
    }
}
