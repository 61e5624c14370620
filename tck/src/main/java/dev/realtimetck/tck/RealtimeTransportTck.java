package dev.realtimetck.tck;

import dev.realtimetck.api.RealtimeTransportLayer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole TCK. Extend it once per transport and build a fresh transport in {@link #createTransport}:
 *
 * <pre>{@code
 * class MyTransportTckTest extends RealtimeTransportTck {
 *     @Override
 *     public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
 *         return new MyTransport();
 *     }
 * }
 * }</pre>
 *
 * Override {@link #capabilities()} to declare what the transport supports. Each rule group is also a test
 * interface of its own ({@link ConnectionRules}, {@link ClientEventRules}, {@link ServerEventRules},
 * {@link SequencingRules}, {@link ResilienceRules}, {@link ThreadingRules}) that a class may implement alone.
 */
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public abstract class RealtimeTransportTck implements ConnectionRules, ClientEventRules, ServerEventRules,
        SequencingRules, ResilienceRules, ThreadingRules {

    /** For subclasses. */
    protected RealtimeTransportTck() {
    }

    @Override
    public abstract RealtimeTransportLayer createTransport(TckTransportSettings settings);
}
