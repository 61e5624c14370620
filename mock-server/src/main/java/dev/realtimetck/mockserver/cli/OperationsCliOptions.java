package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.MockRealtimeServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code serve} options for running the server in CI (a picocli mixin): {@code --verbose} logs every frame,
 * {@code --port-file FILE} writes the bound port for scripts that start the server on {@code --port 0}.
 */
public final class OperationsCliOptions implements ServeCustomizer {

    @Option(names = "--verbose",
            description = "Log every frame (to standard error; abbreviated, API keys and client secrets redacted).")
    boolean verbose;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Once listening, write the WebSocket port (one line, e.g. 8787) to FILE, replacing it "
                    + "atomically: start with --port 0 and read the port from FILE instead of parsing the output.")
    Path portFile;

    /** Adds these options to the {@code serve} command. */
    public static void register(CommandSpec serve) {
        serve.addMixin("operations", CommandSpec.forAnnotatedObject(new OperationsCliOptions()));
    }

    @Override
    public void customize(MockRealtimeServer.Builder builder) {
        builder.logFrames(verbose);
    }

    @Override
    public void started(MockRealtimeServer server, PrintWriter out) {
        if (portFile == null) {
            return;
        }
        try {
            Path absolute = portFile.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".port", ".tmp");
            Files.writeString(temp, server.realtimeUrl().getPort() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("--port-file " + portFile + ": cannot write: " + e.getMessage(), e);
        }
    }
}
