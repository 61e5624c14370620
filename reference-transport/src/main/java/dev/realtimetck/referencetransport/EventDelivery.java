package dev.realtimetck.referencetransport;

import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportEventEmitter;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.referencetransport.protocol.EventSink;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The transport's lock and the delivery of its events: listeners run on the dispatch thread, one event at a time, in
 * the order the events arose, and <b>never while the lock is held</b>, so a listener that blocks holds up later events
 * but never a sending method on another thread.
 *
 * <ul>
 *   <li>An event that arises on another thread (a sending method) is posted to the dispatch thread.</li>
 *   <li>An event that arises on the dispatch thread while it holds the lock waits in a queue until the outermost
 *   {@link #unlock()}; one that arises while no lock is held is delivered at once.</li>
 *   <li>An event the protocol emits on the dispatch thread during a frame or a tick ({@link #protocolSink}) is
 *   delivered before the protocol goes on: the lock is released for the listeners and taken again afterwards. So
 *   the listeners of a frame's events return before its follow-ups (a queued {@code response.create} after the
 *   {@code turn_done} listeners, D4), and a listener that closes the transport still stops them (section B).</li>
 *   <li>Delivery does not nest: an event that arises inside a listener (for example the {@code item_update} of a
 *   {@code sendFunctionCallOutput} called from a {@code function_call} listener) is delivered after that listener
 *   returned.</li>
 * </ul>
 *
 * <p>The queue and the {@code delivering} flag are touched by the dispatch thread only.
 */
final class EventDelivery {

    private final ReentrantLock lock = new ReentrantLock();
    private final DispatchThread dispatch;
    private final TransportEventEmitter emitter;
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private boolean delivering;

    EventDelivery(DispatchThread dispatch, TransportEventEmitter emitter) {
        this.dispatch = dispatch;
        this.emitter = emitter;
    }

    /** Takes the transport's lock (reentrant). */
    void lock() {
        lock.lock();
    }

    /** Releases the lock; the outermost release on the dispatch thread delivers the events that waited for it. */
    void unlock() {
        lock.unlock();
        if (!lock.isHeldByCurrentThread() && !delivering && dispatch.isCurrent()) {
            drain();
        }
    }

    /** Whether the calling thread is the dispatch thread. */
    boolean onDispatchThread() {
        return dispatch.isCurrent();
    }

    /** Runs {@code task} on the dispatch thread, after what is already queued there. */
    void execute(Runnable task) {
        dispatch.execute(task);
    }

    /** Delivers a transport event (see the class comment for when). */
    <E> void emit(TransportEventType<E> type, E event) {
        deliver(() -> emitter.emit(type, event));
    }

    /**
     * Delivers one event's listener calls: posted from another thread; on the dispatch thread queued while the lock
     * is held or a listener runs, else run at once.
     */
    void deliver(Runnable listenerCalls) {
        if (!dispatch.isCurrent()) {
            dispatch.execute(() -> deliver(listenerCalls));
            return;
        }
        pending.add(listenerCalls);
        if (!delivering && !lock.isHeldByCurrentThread()) {
            drain();
        }
    }

    /** The protocol's {@link EventSink}: its events reach listeners as the class comment says. */
    EventSink protocolSink() {
        return new ProtocolSink();
    }

    /** Dispatch thread, with the lock: queues the event, then delivers the queue with the lock released. */
    private void deliverFromProtocol(Runnable listenerCalls) {
        if (!dispatch.isCurrent()) {
            dispatch.execute(() -> deliver(listenerCalls));
            return;
        }
        pending.add(listenerCalls);
        if (delivering) {
            return;
        }
        int holds = lock.getHoldCount();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        try {
            drain();
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
        }
    }

    private void drain() {
        delivering = true;
        try {
            Runnable next;
            while ((next = pending.poll()) != null) {
                next.run(); // the emitter contains listener failures
            }
        } finally {
            delivering = false;
        }
    }

    private final class ProtocolSink implements EventSink {
        @Override
        public <E> void emit(TransportEventType<E> type, E event) {
            deliverFromProtocol(() -> emitter.emit(type, event));
        }

        @Override
        public void emitServerEvent(RealtimeServerEvent event) {
            deliverFromProtocol(() -> emitter.emitServerEvent(event));
        }

        @Override
        public void emitAny(Supplier<RealtimeServerEvent> rawCopy) {
            if (emitter.hasAnyListeners()) {
                RealtimeServerEvent copy = rawCopy.get();
                deliverFromProtocol(() -> emitter.emitAny(copy));
            }
        }

        @Override
        public boolean hasAnyListeners() {
            return emitter.hasAnyListeners();
        }

        @Override
        public boolean hasServerEventListeners(String serverEventType) {
            return emitter.hasServerEventListeners(serverEventType);
        }
    }
}
