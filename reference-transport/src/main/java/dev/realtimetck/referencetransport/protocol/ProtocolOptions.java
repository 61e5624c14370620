package dev.realtimetck.referencetransport.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Tunables of {@link RealtimeProtocol}.
 *
 * @param responseCreateTimeout how long an outstanding {@code response.create} waits for its
 *     {@code response.created} or matching {@code error} before the sequencer releases it; positive
 * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime()} in production), used for the
 *     create timeout and for elapsed-audio arithmetic on interrupt
 * @param eventIdPrefix prefix of the {@code event_id} values the protocol generates; non-empty
 */
public record ProtocolOptions(Duration responseCreateTimeout, LongSupplier nanoClock, String eventIdPrefix) {

    /** The default create timeout: 15 seconds. */
    public static final Duration DEFAULT_RESPONSE_CREATE_TIMEOUT = Duration.ofSeconds(15);

    /** Validates. */
    public ProtocolOptions {
        Objects.requireNonNull(responseCreateTimeout, "responseCreateTimeout");
        if (responseCreateTimeout.isNegative() || responseCreateTimeout.isZero()) {
            throw new IllegalArgumentException("responseCreateTimeout: must be positive, was " + responseCreateTimeout);
        }
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(eventIdPrefix, "eventIdPrefix");
        if (eventIdPrefix.isEmpty()) {
            throw new IllegalArgumentException("eventIdPrefix: must not be empty");
        }
    }

    /**
     * The defaults: a 15 second create timeout, {@link System#nanoTime()}, prefix {@code "client_evt_"}.
     *
     * @return the default options
     */
    public static ProtocolOptions defaults() {
        return new ProtocolOptions(DEFAULT_RESPONSE_CREATE_TIMEOUT, System::nanoTime, "client_evt_");
    }

    /**
     * A copy with another create timeout.
     *
     * @param timeout the timeout
     * @return the new options
     */
    public ProtocolOptions withResponseCreateTimeout(Duration timeout) {
        return new ProtocolOptions(timeout, nanoClock, eventIdPrefix);
    }

    /**
     * A copy with another clock.
     *
     * @param clock the clock
     * @return the new options
     */
    public ProtocolOptions withNanoClock(LongSupplier clock) {
        return new ProtocolOptions(responseCreateTimeout, clock, eventIdPrefix);
    }
}
