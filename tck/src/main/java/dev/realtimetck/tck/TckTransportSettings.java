package dev.realtimetck.tck;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the TCK gives the transport factory: where the mock server of this test listens and which key it expects.
 * The TCK passes the same URL and key to {@code connect} through {@code RealtimeTransportConnectOptions}, so a
 * transport may also ignore them here. {@link #apiKey()} is null when a test checks the missing-key rule: the
 * transport must then have no key of its own.
 *
 * @param url the {@code ws://127.0.0.1:<port>/v1/realtime} URL of the mock server
 * @param apiKey the API key the mock server accepts, or null
 * @param signalTimeout the TCK's signal wait (a transport's own connect timeout should be shorter than this, or the
 *     connect-timeout rule is checked by closing the transport instead)
 */
public record TckTransportSettings(URI url, String apiKey, Duration signalTimeout) {

    /** Validates the fields. */
    public TckTransportSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signalTimeout, "signalTimeout");
    }
}
