package dev.realtimetck.referencetransport;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket politely but surely: a normal close frame first, and an abort when sending it fails or the peer has
 * not finished the closing handshake after a grace period.
 */
final class CloseGrace {

    static final Duration GRACE = Duration.ofSeconds(5);

    private CloseGrace() {
    }

    /** Sends a normal close and aborts the socket after {@link #GRACE} at the latest; null does nothing. */
    static void closeGracefully(WebSocket ws) {
        if (ws == null) {
            return;
        }
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, error) -> {
                if (error != null) {
                    ws.abort();
                }
            });
        } catch (RuntimeException e) {
            ws.abort();
            return;
        }
        CompletableFuture.delayedExecutor(GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(ws::abort);
    }
}
