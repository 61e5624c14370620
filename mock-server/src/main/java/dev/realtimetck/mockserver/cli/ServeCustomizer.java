package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.MockRealtimeServer;
import java.io.PrintWriter;

/**
 * A picocli mixin that adds options to the {@code serve} command and applies them to the server. Register it
 * with {@code MockServerCli.serveSpec(commandLine).addMixin(name, CommandSpec.forAnnotatedObject(mixin))}: the
 * {@code serve} command calls every mixin that implements this interface.
 */
public interface ServeCustomizer {

    /** Applies the mixin's options before the server starts. */
    void customize(MockRealtimeServer.Builder builder);

    /** Called once the server listens, after the listening lines were printed. */
    default void started(MockRealtimeServer server, PrintWriter out) {
    }
}
