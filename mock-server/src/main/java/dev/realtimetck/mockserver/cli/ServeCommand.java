package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import dev.realtimetck.mockserver.admin.AdminTokenFilter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the mock server until stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the mock Realtime server until SIGTERM or Ctrl-C (the default command).")
final class ServeCommand implements Callable<Integer> {

    /** The default port, so the README's commands work as written. */
    static final int DEFAULT_PORT = 8787;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). A non-loopback address needs "
                    + "--admin-token (or " + AdminTokenFilter.ENVIRONMENT_VARIABLE + ").")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free port.")
    int port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Accept only this API key (repeatable). Without it any non-empty key is accepted.")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--validate", paramLabel = "MODE", defaultValue = "strict",
            description = "Schema validation: off, warn or strict (default: ${DEFAULT-VALUE}).")
    ValidationMode validation;

    @Option(names = "--pacing", paramLabel = "PACING", defaultValue = "realtime",
            description = "Simulator audio pacing: realtime or fast (default: ${DEFAULT-VALUE}).")
    SimulatorOptions.Pacing pacing;

    @Option(names = "--admin-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address of the admin API when it has its own listener (default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the admin API. 0 (default): on the main listener when --host is loopback, "
                    + "else a free port; any other value gives the admin API its own listener.")
    int adminPort;

    @Option(names = "--lenient",
            description = "Accept unknown and retired (Beta-era) fields inside client events instead of answering "
                    + "unknown_parameter as the GA API does.")
    boolean lenient;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:"
            + AdminTokenFilter.ENVIRONMENT_VARIABLE + "}",
            description = "Bearer token the admin API requires (Authorization: Bearer TOKEN); default: the "
                    + "environment variable " + AdminTokenFilter.ENVIRONMENT_VARIABLE + ". Required when --host "
                    + "or --admin-host is not a loopback address.")
    String adminToken;

    @Option(names = "--admin-wav-dir", paramLabel = "DIR",
            description = "Folder the {{wav PATH}} placeholders of scenarios uploaded through the admin API may "
                    + "read (relative paths inside it only). Default: none, class path resources only.")
    Path adminWavDir;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "20000",
            description = "Frames kept per session in the frame log; the oldest are dropped first "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxFrames;

    private final CompletableFuture<Void> stop;

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    ServeCommand(CompletableFuture<Void> stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() {
        boolean hasToken = adminToken != null && !adminToken.isBlank();
        for (String address : new String[] {host, adminHost}) {
            if (!hasToken && !isLoopback(address)) {
                throw new ParameterException(spec.commandLine(), address + " is not a loopback address: the admin "
                        + "API would be reachable from other hosts, so it needs a token; pass --admin-token TOKEN or "
                        + "set " + AdminTokenFilter.ENVIRONMENT_VARIABLE);
            }
        }
        MockRealtimeServer.Builder builder = MockRealtimeServer.builder();
        try {
            builder.host(host).port(port).adminHost(adminHost).adminPort(adminPort).apiKeys(apiKeys)
                    .validation(validation).pacing(pacing).maxFrames(maxFrames).lenient(lenient);
            if (hasToken) {
                builder.adminToken(adminToken);
            }
            if (adminWavDir != null) {
                builder.adminWavFolder(adminWavDir);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<ServeCustomizer> customizers = new ArrayList<>();
        spec.mixins().values().forEach(m -> {
            if (m.userObject() instanceof ServeCustomizer customizer) {
                customizers.add(customizer);
            }
        });
        customizers.forEach(c -> c.customize(builder));
        PrintWriter out = spec.commandLine().getOut();
        try (MockRealtimeServer server = builder.start()) {
            out.println("Realtime mock server listening on " + server.realtimeUrl());
            out.println("Admin API on " + server.adminUrl());
            out.flush();
            customizers.forEach(c -> c.started(server, out));
            out.flush();
            stop.join();
        }
        return 0;
    }
}
