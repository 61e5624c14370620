package dev.realtimetck.referencetransport;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/** Gives tests in other packages the transport's package-private test seams (a clock, a dispatch barrier). */
public final class TransportTestHooks {

    private TransportTestHooks() {
    }

    /** Sets the transport's monotonic clock (nanoseconds). */
    public static RealtimeWebSocketTransportBuilder nanoClock(RealtimeWebSocketTransportBuilder builder,
            LongSupplier clock) {
        return builder.nanoClock(clock);
    }

    /** Completes once every event posted to the transport's dispatch thread before the call was delivered. */
    public static CompletableFuture<Void> dispatchIdle(RealtimeWebSocketTransport transport) {
        return transport.dispatchIdle();
    }
}
