package dev.realtimetck.referencetransport;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The periodic work of one connected socket, on the dispatch thread: the protocol's tick (so that the
 * {@code response.create} timeout holds on a silent connection) and keep-alive pings. A connection the peer dropped
 * without a close frame is not always reported by the JDK socket until something is written, so a failed ping ends it
 * as a socket error. Both stop by themselves once the socket's generation is no longer the live one.
 */
final class KeepAlive {

    /** The connection the periodic work belongs to. */
    interface Connection {
        /** Under the lock: runs the protocol's tick if {@code generation} is the live connection; false when not. */
        boolean tickIfLive(long generation);

        /** Whether {@code generation} is the live connection. */
        boolean isLive(long generation);

        /** A ping could not be written: the socket is gone. */
        void pingFailed(long generation, Throwable error);
    }

    private final Executor dispatch;
    private final Duration tickPeriod;
    private final Duration pingInterval;
    private final Connection connection;

    KeepAlive(Executor dispatch, Duration responseCreateTimeout, Duration pingInterval, Connection connection) {
        this.dispatch = dispatch;
        this.tickPeriod = Duration.ofMillis(Math.max(50, Math.min(1000, responseCreateTimeout.toMillis() / 4)));
        this.pingInterval = pingInterval;
        this.connection = connection;
    }

    /** Starts the tick and, unless the ping interval is zero, the pings of a socket that just connected. */
    void start(long generation, WebSocket ws) {
        scheduleTick(generation);
        if (!pingInterval.isZero()) {
            schedulePing(generation, ws);
        }
    }

    private void scheduleTick(long generation) {
        CompletableFuture.delayedExecutor(tickPeriod.toMillis(), TimeUnit.MILLISECONDS, dispatch).execute(() -> {
            if (connection.tickIfLive(generation)) {
                scheduleTick(generation);
            }
        });
    }

    private void schedulePing(long generation, WebSocket ws) {
        CompletableFuture.delayedExecutor(pingInterval.toMillis(), TimeUnit.MILLISECONDS, dispatch).execute(() -> {
            if (!connection.isLive(generation)) {
                return;
            }
            try {
                ws.sendPing(ByteBuffer.allocate(0)).whenComplete((w, error) -> {
                    if (error != null) {
                        dispatch.execute(() -> connection.pingFailed(generation, error));
                    }
                });
            } catch (IllegalStateException previousPingOutstanding) {
                // the last ping is still being written: try again next time
            }
            schedulePing(generation, ws);
        });
    }
}
