package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportEventType;
import java.util.function.Supplier;

/**
 * Where the protocol delivers transport events; the transport decides on which thread listeners run.
 *
 * <p>Implementations must contain listener failures: an exception thrown by a listener never propagates out of
 * these methods into frame processing.
 */
public interface EventSink {

    /**
     * Delivers a typed transport event.
     *
     * @param type the event type
     * @param event the payload
     * @param <E> the payload type
     */
    <E> void emit(TransportEventType<E> type, E event);

    /**
     * Delivers a server event under its own {@code type} name (rule B4).
     *
     * @param event the server event
     */
    void emitServerEvent(RealtimeServerEvent event);

    /**
     * Delivers a server event to the {@code '*'} listeners (rule B2).
     *
     * @param rawCopy makes the immutable copy; called only when someone listens
     */
    void emitAny(Supplier<RealtimeServerEvent> rawCopy);

    /**
     * Whether any {@code '*'} listener is registered.
     *
     * @return true when {@link #emitAny} would reach a listener
     */
    boolean hasAnyListeners();

    /**
     * Whether a listener is registered for a server event type by name. The protocol builds the
     * {@link RealtimeServerEvent} for {@link #emitServerEvent} only when this is true. The default says yes.
     *
     * @param serverEventType the server event {@code type}
     * @return true when {@link #emitServerEvent} for this type would reach a listener
     */
    default boolean hasServerEventListeners(String serverEventType) {
        return true;
    }
}
