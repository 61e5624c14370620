package dev.realtimetck.mockserver.record;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code record}: runs a {@link RecordingProxy} until the process is stopped. Usage:
 * {@code record --upstream wss://api.openai.com/v1/realtime --out session.jsonl [--host 127.0.0.1] [--port 8089]}.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record Realtime sessions through a WebSocket proxy into a JSONL file (secrets redacted).")
public final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--upstream", required = true, paramLabel = "URL",
            description = "Upstream WebSocket URL, e.g. wss://api.openai.com/v1/realtime. The client's query string "
                    + "(model=...), Authorization header and subprotocols are forwarded.")
    URI upstream;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Recording file (JSON Lines). Later connections go to FILE-2.jsonl, FILE-3.jsonl, ...")
    Path out;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    private final CompletableFuture<Void> stop;
    private final boolean ownShutdownHook;

    /** A standalone command that stops when the JVM shuts down. */
    public RecordCommand() {
        this(new CompletableFuture<>(), true);
    }

    /** A command that stops when {@code stop} completes (the {@code realtime-mock-server} command line). */
    public RecordCommand(CompletableFuture<Void> stop) {
        this(stop, false);
    }

    private RecordCommand(CompletableFuture<Void> stop, boolean ownShutdownHook) {
        this.stop = stop;
        this.ownShutdownHook = ownShutdownHook;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RecordingProxy proxy;
        try {
            proxy = new RecordingProxy(upstream, out, host, port).start();
        } catch (IllegalArgumentException e) {
            err.println("record: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("record: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        if (ownShutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "record-shutdown"));
        }
        try (proxy) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("Recording proxy listening on " + proxy.url() + " -> " + RecordingProxy.safe(upstream)
                    + ", writing " + out);
            stdout.flush();
            stop.join();
        }
        return 0;
    }
}
