package dev.realtimetck.tck.adversarial;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransportBuilder;
import dev.realtimetck.tck.TckTransportSettings;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Builds the reference transport behind a frame seam, as ExampleTransportTckTest#referenceTransport does. */
final class Harness {

    /** How long a "hanging" call blocks at most: far beyond any bounded wait of a test run. */
    static final long HANG_MINUTES = 10;

    private Harness() {
    }

    /** The reference transport of ExampleTransportTckTest#referenceTransport, its sockets opened through {@code seam}. */
    static RealtimeTransportLayer reference(TckTransportSettings settings, FrameSeam seam) {
        RealtimeWebSocketTransportBuilder builder = RealtimeWebSocketTransport.builder()
                .url(settings.url())
                .connectTimeout(settings.signalTimeout().dividedBy(2))
                .responseCreateTimeout(settings.signalTimeout().multipliedBy(2))
                .httpClient(seam);
        if (settings.apiKey() != null) {
            builder.apiKey(settings.apiKey());
        }
        return builder.build();
    }

    /** Blocks the calling thread the way a hung transport does (until interrupted, at most {@link #HANG_MINUTES}). */
    static void hang() {
        try {
            new CountDownLatch(1).await(HANG_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
