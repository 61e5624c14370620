package dev.realtimetck.api;

import java.util.function.Consumer;

/**
 * Listener registration for a transport's events. Renders the {@code on}/{@code once}/{@code off} of TypeScript
 * {@code RealtimeTransportLayer} (an {@code EventEmitter} over {@code RealtimeTransportEventTypes}), plus the
 * {@code '*'} stream of raw server events and listeners for a server event type by name.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>A transport invokes listeners on <b>one dispatch thread per transport</b>, never concurrently for one
 *   transport. (A transport documents which thread that is; events caused by a sending method may be delivered
 *   after the method returned.)</li>
 *   <li>Events are delivered <b>in the order the server events arrived</b>. For one server event the order is:
 *   {@code onAny} ({@code '*'}) listeners, then listeners of that server event type by name
 *   ({@link #onServerEvent}), then the derived transport events (for example {@code turn_done}) in the order the
 *   TypeScript transport emits them.</li>
 *   <li>Listeners of one type are called in registration order.</li>
 *   <li>A listener that throws does not stop the other listeners or the transport; the transport reports the
 *   throwable (the reference transport emits it as an {@code error} event, {@link TransportError.Failure}).</li>
 *   <li>Registration and removal are thread-safe and take effect from the next event dispatched.</li>
 *   <li>Sending methods may be called from any thread, and <b>a sending method never waits for a listener</b>: a
 *   transport does not hold a lock its sending methods need while it calls listeners, so a listener that blocks
 *   does not block senders on other threads.</li>
 *   <li>Listeners should not block all the same: while one runs, the events after it wait (in the reference
 *   transport inbound frames too).</li>
 * </ul>
 */
public interface TransportEventSource {

    /**
     * Registers a listener for a transport event.
     *
     * @param type the event type
     * @param listener the listener
     * @param <E> the payload type
     * @return the registration handle
     */
    <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener);

    /**
     * Registers a listener called for the next event of {@code type} only.
     *
     * @param type the event type
     * @param listener the listener
     * @param <E> the payload type
     * @return the registration handle (removing it before the event prevents the call)
     */
    <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener);

    /**
     * Registers a listener for every raw server event (TypeScript {@code '*'}). Each listener receives the whole
     * event as received, unknown fields included.
     *
     * @param listener the listener
     * @return the registration handle
     */
    Subscription onAny(Consumer<? super RealtimeServerEvent> listener);

    /**
     * Registers a listener for server events of one type, by its protocol name (for example
     * {@code "response.output_audio.delta"}), as the TypeScript transport re-emits known server events under their
     * own name.
     *
     * @param serverEventType the server event type
     * @param listener the listener
     * @return the registration handle
     */
    Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener);
}
