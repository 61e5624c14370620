package dev.realtimetck.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A ready-made {@link TransportEventSource} for transport authors: thread-safe registration, synchronous dispatch
 * in registration order, and failure isolation (a listener that throws is reported to the
 * {@link ListenerErrorHandler} and the others still run).
 *
 * <p>The emitter calls listeners on the thread that calls {@code emit...}; keeping those calls on one dispatch
 * thread, as {@link TransportEventSource}'s threading contract requires, is the transport's job.
 */
public final class TransportEventEmitter implements TransportEventSource {

    private static final String ANY = "*";

    private final Map<String, CopyOnWriteArrayList<Registration<?>>> transportListeners = new ConcurrentHashMap<>();
    private final Map<String, CopyOnWriteArrayList<Registration<?>>> serverListeners = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Registration<?>> anyListeners = new CopyOnWriteArrayList<>();
    private final ListenerErrorHandler errorHandler;

    /** An emitter that logs listener failures. */
    public TransportEventEmitter() {
        this(ListenerErrorHandler.logging());
    }

    /**
     * An emitter that reports listener failures to {@code errorHandler}.
     *
     * @param errorHandler the handler; what it throws is ignored
     */
    public TransportEventEmitter(ListenerErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    @Override
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        return add(transportListeners, Objects.requireNonNull(type, "type").name(), listener, false);
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        return add(transportListeners, Objects.requireNonNull(type, "type").name(), listener, true);
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        return register(anyListeners, listener, false);
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        Checks.requireText(serverEventType, "serverEventType");
        return add(serverListeners, serverEventType, listener, false);
    }

    /**
     * Calls the listeners of {@code type} with {@code event}.
     *
     * @param type the event type
     * @param event the payload, not null
     * @param <E> the payload type
     */
    public <E> void emit(TransportEventType<E> type, E event) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        dispatch(transportListeners.get(type.name()), type.name(), event);
    }

    /** Calls the listeners registered for {@code event}'s type by name ({@link #onServerEvent}). */
    public void emitServerEvent(RealtimeServerEvent event) {
        Objects.requireNonNull(event, "event");
        dispatch(serverListeners.get(event.type()), event.type(), event);
    }

    /** Calls the {@code '*'} listeners ({@link #onAny}). */
    public void emitAny(RealtimeServerEvent event) {
        Objects.requireNonNull(event, "event");
        dispatch(anyListeners, ANY, event);
    }

    /** Whether any {@code '*'} listener is registered (so a transport can skip making the raw copy). */
    public boolean hasAnyListeners() {
        return !anyListeners.isEmpty();
    }

    /** Whether a listener is registered for this server event type by name. */
    public boolean hasServerEventListeners(String serverEventType) {
        List<Registration<?>> list = serverListeners.get(serverEventType);
        return list != null && !list.isEmpty();
    }

    /** Whether a listener is registered for this transport event type. */
    public boolean hasListeners(TransportEventType<?> type) {
        List<Registration<?>> list = transportListeners.get(type.name());
        return list != null && !list.isEmpty();
    }

    /** Removes every listener. */
    public void removeAllListeners() {
        transportListeners.clear();
        serverListeners.clear();
        anyListeners.clear();
    }

    private <E> Subscription add(Map<String, CopyOnWriteArrayList<Registration<?>>> map, String key,
            Consumer<? super E> listener, boolean once) {
        return register(map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()), listener, once);
    }

    private <E> Subscription register(CopyOnWriteArrayList<Registration<?>> list, Consumer<? super E> listener,
            boolean once) {
        Registration<E> registration = new Registration<>(Objects.requireNonNull(listener, "listener"), once, list);
        list.add(registration);
        return registration;
    }

    @SuppressWarnings("unchecked")
    private void dispatch(List<Registration<?>> list, String name, Object event) {
        if (list == null || list.isEmpty()) {
            return;
        }
        for (Registration<?> registration : list) {
            Registration<Object> r = (Registration<Object>) registration;
            if (!r.claim()) {
                continue;
            }
            try {
                r.listener.accept(event);
            } catch (Throwable error) {
                if (error instanceof VirtualMachineError vme) {
                    throw vme;
                }
                try {
                    errorHandler.listenerFailed(name, error);
                } catch (RuntimeException ignored) {
                    // the handler's own failure must not stop dispatch either
                }
            }
        }
    }

    private static final class Registration<E> implements Subscription {
        final Consumer<? super E> listener;
        final boolean once;
        final CopyOnWriteArrayList<Registration<?>> owner;
        final AtomicBoolean removed = new AtomicBoolean();

        Registration(Consumer<? super E> listener, boolean once, CopyOnWriteArrayList<Registration<?>> owner) {
            this.listener = listener;
            this.once = once;
            this.owner = owner;
        }

        /** Whether to call the listener now; a once-listener is removed as it is claimed. */
        boolean claim() {
            if (removed.get()) {
                return false;
            }
            if (once) {
                if (!removed.compareAndSet(false, true)) {
                    return false;
                }
                owner.remove(this);
            }
            return true;
        }

        @Override
        public void remove() {
            removed.set(true);
            owner.remove(this);
        }
    }
}
