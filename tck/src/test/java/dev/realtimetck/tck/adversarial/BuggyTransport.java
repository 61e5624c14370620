package dev.realtimetck.tck.adversarial;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.tck.broken.ForwardingTransport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decorator half of the bug harness: forwards every call to the reference transport and taps every listener
 * registration, so a bug can drop, alter, duplicate, delay or re-thread an event ({@link #deliver}) or emit one the
 * transport would not have ({@link #inject}). It can also write a frame of its own in wire order ({@link #raw}) and
 * leave marks for its frame hooks ({@link #mark}).
 */
class BuggyTransport extends ForwardingTransport {

    /** The key of the {@code '*'} listeners. */
    static final String ANY = "*";

    final FrameSeam seam;
    /** The event_id prefix of frames a bug hands the transport as if the server had sent them. */
    static final String SYNTHETIC = "adv_synthetic_";

    private final Map<String, CopyOnWriteArrayList<Consumer<Object>>> listeners = new ConcurrentHashMap<>();
    private volatile boolean hidingSynthetic;
    private volatile boolean inSynthetic;

    BuggyTransport(RealtimeTransportLayer delegate, FrameSeam seam) {
        super(delegate);
        this.seam = seam;
    }

    /** The key of the per-name listeners of a server event type. */
    static String server(String type) {
        return "server:" + type;
    }

    /**
     * Called for every event the transport delivers to one listener, on the transport's dispatch thread.
     *
     * @param key the transport event name, {@link #ANY}, or {@link #server(String)}
     */
    protected void deliver(String key, Object event, Consumer<Object> listener) {
        listener.accept(event);
    }

    /**
     * Hides every event that a synthetic inbound frame ({@link #SYNTHETIC} event_id, see
     * {@link FrameSeam#injectIncoming}) causes, so that a bug can drive the transport's state without listeners
     * seeing the frame.
     */
    protected final void hideSyntheticFrames() {
        hidingSynthetic = true;
        delegate.onAny(event -> inSynthetic = isSynthetic(event) && !SYNTHETIC_END.equals(event.get("event_id")));
    }

    private static final String SYNTHETIC_END = SYNTHETIC + "end";

    /**
     * Hands the transport {@code frame} as if the server had sent it, followed by an end marker of an unknown type
     * (which reaches {@code '*'} only, rule B3) so that the events after it are no longer hidden.
     */
    static void injectSynthetic(FrameSeam seam, ObjectNode frame) {
        seam.injectIncoming(Json.write(frame));
        seam.injectIncoming("{\"type\":\"adv.synthetic_end\",\"event_id\":\"" + SYNTHETIC_END + "\"}");
    }

    static boolean isSynthetic(Object event) {
        return event instanceof RealtimeServerEvent server && server.get("event_id") instanceof String id
                && id.startsWith(SYNTHETIC);
    }

    /** Calls the listeners registered under {@code key} with an event of the bug's own making. */
    protected final void inject(String key, Object event) {
        List<Consumer<Object>> list = listeners.get(key);
        if (list != null) {
            list.forEach(listener -> listener.accept(event));
        }
    }

    /** How many user listeners are registered under {@code key}. */
    protected final int listenerCount(String key) {
        List<Consumer<Object>> list = listeners.get(key);
        return list == null ? 0 : list.size();
    }

    /** Whether a user listener is registered under {@code key}. */
    protected final boolean listening(String key) {
        List<Consumer<Object>> list = listeners.get(key);
        return list != null && !list.isEmpty();
    }

    /** Writes {@code frame} to the wire as this transport's own frame, in order with the transport's frames. */
    protected final void raw(ObjectNode frame) {
        delegate.sendEvent(new RealtimeClientMessage(FrameSeam.RAW, Map.of("frame", Json.write(frame))));
    }

    /** Leaves a mark in the outbound stream; the frame hooks see it in order, the wire never does. */
    protected final void mark(String name, Map<String, Object> payload) {
        delegate.sendEvent(new RealtimeClientMessage(FrameSeam.MARK, Map.of("name", name, "payload", payload)));
    }

    @Override
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        if (type == null || listener == null) {
            return delegate.on(type, listener); // the transport's own argument checks
        }
        Tap tap = new Tap(type.name(), listener);
        return tap.bind(delegate.on(type, tap::fire));
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        if (type == null || listener == null) {
            return delegate.once(type, listener);
        }
        Tap tap = new Tap(type.name(), listener);
        return tap.bind(delegate.once(type, event -> {
            tap.remove();
            tap.fire(event);
        }));
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        if (listener == null) {
            return delegate.onAny(listener);
        }
        Tap tap = new Tap(ANY, listener);
        return tap.bind(delegate.onAny(tap::fire));
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        if (serverEventType == null || listener == null) {
            return delegate.onServerEvent(serverEventType, listener);
        }
        Tap tap = new Tap(server(serverEventType), listener);
        return tap.bind(delegate.onServerEvent(serverEventType, tap::fire));
    }

    /** One registration; it joins the listeners of its key once the transport accepted it. */
    private final class Tap implements Subscription {
        final String key;
        final Consumer<Object> listener;
        Subscription inner;

        @SuppressWarnings("unchecked")
        Tap(String key, Consumer<?> listener) {
            this.key = key;
            this.listener = (Consumer<Object>) listener;
        }

        Subscription bind(Subscription subscription) {
            this.inner = subscription;
            listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
            return this;
        }

        void fire(Object event) {
            if (hidingSynthetic && (inSynthetic || isSynthetic(event))) {
                return;
            }
            deliver(key, event, listener);
        }

        @Override
        public void remove() {
            List<Consumer<Object>> list = listeners.get(key);
            if (list != null) {
                list.remove(listener);
            }
            if (inner != null) {
                inner.remove();
            }
        }
    }
}
