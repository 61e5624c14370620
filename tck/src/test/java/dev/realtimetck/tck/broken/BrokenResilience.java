package dev.realtimetck.tck.broken;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Broken transports for the faults of the RESIL group (RT-RESIL-010 to 012). */
public final class BrokenResilience {

    private BrokenResilience() {
    }

    /** Reports a server's clean close (a close frame after open) as an error, which C12 forbids (RT-RESIL-010). */
    public static final class ErrorOnServerClose extends ForwardingTransport {
        private final List<Consumer<? super TransportError>> errorListeners = new CopyOnWriteArrayList<>();
        private final AtomicReference<ConnectionStatus> last = new AtomicReference<>(ConnectionStatus.DISCONNECTED);
        private volatile boolean closing;

        public ErrorOnServerClose(RealtimeTransportLayer delegate) {
            super(delegate);
            delegate.on(TransportEventType.CONNECTION_CHANGE, status -> {
                ConnectionStatus before = last.getAndSet(status);
                if (before == ConnectionStatus.CONNECTED && status == ConnectionStatus.DISCONNECTED && !closing) {
                    TransportError error = new TransportError.Failure(new IOException("the server closed the connection"));
                    errorListeners.forEach(listener -> listener.accept(error));
                }
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            Subscription subscription = delegate.on(type, listener);
            if (type == TransportEventType.ERROR) {
                Consumer<? super TransportError> errorListener = (Consumer<? super TransportError>) listener;
                errorListeners.add(errorListener);
                return () -> {
                    errorListeners.remove(errorListener);
                    subscription.remove();
                };
            }
            return subscription;
        }

        @Override
        public void close() {
            closing = true;
            try {
                delegate.close();
            } finally {
                closing = false;
            }
        }
    }

    /**
     * Hands every event to its listeners through one bounded queue of 64 and drops what does not fit, so that a
     * listener which falls behind a burst loses events (RT-RESIL-012).
     */
    public static final class DropsEventsWhenListenersLag extends ForwardingTransport {
        private final ThreadPoolExecutor dispatch = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), runnable -> {
                    Thread thread = new Thread(runnable, "broken-bounded-dispatch");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());

        public DropsEventsWhenListenersLag(RealtimeTransportLayer delegate) {
            super(delegate);
            dispatch.allowCoreThreadTimeOut(true);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return delegate.on(type, event -> dispatch.execute(() -> listener.accept(event)));
        }

        @Override
        public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
            return delegate.onAny(event -> dispatch.execute(() -> listener.accept(event)));
        }

        @Override
        public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
            return delegate.onServerEvent(serverEventType, event -> dispatch.execute(() -> listener.accept(event)));
        }
    }
}
