package dev.realtimetck.api;

/**
 * Receives what a listener threw, so that {@link TransportEventEmitter} can go on with the other listeners.
 * Java-only: the TypeScript {@code EventEmitter} has no counterpart (a throwing listener there propagates to the
 * emitter's caller).
 */
@FunctionalInterface
public interface ListenerErrorHandler {

    /**
     * Called after a listener threw.
     *
     * @param eventName the event being dispatched ({@code "*"} for raw events, a server event type, or a transport
     *     event name)
     * @param error what the listener threw
     */
    void listenerFailed(String eventName, Throwable error);

    /** Logs through {@link System.Logger} at WARNING. */
    static ListenerErrorHandler logging() {
        System.Logger logger = System.getLogger(ListenerErrorHandler.class.getName());
        return (eventName, error) -> logger.log(System.Logger.Level.WARNING,
                "listener of '" + eventName + "' threw", error);
    }
}
