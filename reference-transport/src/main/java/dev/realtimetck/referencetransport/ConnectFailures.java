package dev.realtimetck.referencetransport;

import java.io.EOFException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The exceptions a connect fails with, and how a handshake failure is read. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static IllegalStateException missingKey() {
        return new IllegalStateException("API key is not set: give one to the builder or in the connect options");
    }

    /** Whether the server closed the connection without answering the handshake (C9), not a socket error. */
    static boolean closedByServer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** The cause inside the wrappers of {@code CompletableFuture}. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
