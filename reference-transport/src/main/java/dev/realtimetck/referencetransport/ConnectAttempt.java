package dev.realtimetck.referencetransport;

import dev.realtimetck.api.RealtimeSessionConfig;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** One {@code connect} call: what it connects to, its socket generation and the stage it completes. */
final class ConnectAttempt {
    final long generation;
    final String model;
    final URI url;
    final boolean rememberUrl;
    final RealtimeSessionConfig initialConfig;
    final CompletableFuture<Void> result = new CompletableFuture<>();
    /** What a {@code connected} listener threw (C15); dispatch thread only. */
    Throwable listenerFailure;

    ConnectAttempt(long generation, String model, URI url, boolean rememberUrl, RealtimeSessionConfig initialConfig) {
        this.generation = generation;
        this.model = model;
        this.url = url;
        this.rememberUrl = rememberUrl;
        this.initialConfig = initialConfig;
    }
}
