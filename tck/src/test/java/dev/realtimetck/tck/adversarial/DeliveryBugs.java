package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.EVENT_DELIVERY;
import static dev.realtimetck.tck.adversarial.Bug.Category.HANG;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/** Broken transports that deliver events on the wrong thread or in the wrong order, and ones that hang. */
final class DeliveryBugs {

    private DeliveryBugs() {
    }

    private static final ExecutorService SOCKET_POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "adv-socket-callback");
        thread.setDaemon(true);
        return thread;
    });

    /** B8 (MUST) and the threading contract, delivery: audio events off the dispatch thread. */
    @Bug(rules = "B8", category = EVENT_DELIVERY,
            mistake = "audio events are emitted straight from the socket's callback pool instead of the dispatch thread, so they run concurrently with other listeners and out of order")
    static final class AudioOffDispatchThread extends BuggyTransport {
        AudioOffDispatchThread(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (key.equals(TransportEventType.AUDIO.name())) {
                SOCKET_POOL.execute(() -> listener.accept(event));
            } else {
                listener.accept(event);
            }
        }
    }

    /** B11 (MUST) and the threading contract, delivery: text deltas on the common pool. */
    @Bug(rules = "B11", category = EVENT_DELIVERY,
            mistake = "output_text_delta listeners are called with CompletableFuture.runAsync, so deltas arrive on pool threads and can be reordered")
    static final class TextDeltasOnCommonPool extends BuggyTransport {
        TextDeltasOnCommonPool(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            if (key.equals(TransportEventType.OUTPUT_TEXT_DELTA.name())) {
                CompletableFuture.runAsync(() -> listener.accept(event), ForkJoinPool.commonPool());
            } else {
                listener.accept(event);
            }
        }
    }

    /**
     * Delivers the events of one key after the listeners of another key that the same frame causes: an event of
     * {@link #lateKey()} waits until every listener of {@link #afterKey()} has had its next event. With no such
     * listener it is delivered at once.
     */
    abstract static class LateKey extends BuggyTransport {
        private final java.util.List<Runnable> held = new java.util.ArrayList<>();
        private int awaited;

        LateKey(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        abstract String lateKey();

        abstract String afterKey(Object event);

        @Override
        protected void deliver(String key, Object event, Consumer<Object> listener) {
            java.util.List<Runnable> due = java.util.List.of();
            synchronized (held) {
                if (key.equals(lateKey())) {
                    int after = listenerCount(afterKey(event));
                    if (after > 0) {
                        if (held.isEmpty()) {
                            awaited = after;
                        }
                        held.add(() -> listener.accept(event));
                        return;
                    }
                } else if (!held.isEmpty() && key.equals(afterKey(null)) && --awaited <= 0) {
                    due = new java.util.ArrayList<>(held);
                    held.clear();
                }
            }
            listener.accept(event);
            due.forEach(Runnable::run);
        }
    }

    /** B2 (MUST), delivery: '*' after the typed events. */
    @Bug(rules = "B2", category = EVENT_DELIVERY,
            mistake = "the '*' listeners are called after the listeners of the event's own type name instead of first")
    static final class AnyAfterTypedEvents extends LateKey {
        private volatile String type = "";

        AnyAfterTypedEvents(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        String lateKey() {
            return ANY;
        }

        @Override
        String afterKey(Object event) {
            if (event instanceof dev.realtimetck.api.RealtimeServerEvent server) {
                type = EventBugs.KNOWN.contains(server.type()) && !server.type().equals("error") ? server.type() : "";
            }
            return server(type);
        }
    }

    /** B7 (MUST), delivery: usage_update after turn_done. */
    @Bug(rules = "B7", category = EVENT_DELIVERY,
            mistake = "response.done emits turn_done before usage_update")
    static final class UsageAfterTurnDone extends LateKey {
        UsageAfterTurnDone(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        String lateKey() {
            return TransportEventType.USAGE_UPDATE.name();
        }

        @Override
        String afterKey(Object event) {
            return TransportEventType.TURN_DONE.name();
        }
    }

    /** A1 (MUST), hang: connect never completes. */
    @Bug(rules = "A1", category = HANG, breaksConnectOrClose = true,
            mistake = "connect() returns a future stored in a field that the open handler replaces before completing it, so the caller's stage never completes although the socket is open")
    static final class ConnectNeverCompletes extends BuggyTransport {
        ConnectNeverCompletes(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            CompletableFuture<Void> returned = new CompletableFuture<>();
            CompletionStage<Void> inner = super.connect(options);
            inner.whenComplete((v, error) -> {
                if (error != null) {
                    returned.completeExceptionally(error);
                }
            });
            return returned;
        }
    }

    /** C11 (MUST), hang: close during connect leaves connect pending. */
    @Bug(rules = "C11", category = HANG,
            mistake = "close() during connect tears the socket down but never settles the pending connect stage, which then waits forever")
    static final class CloseDuringConnectHangs extends BuggyTransport {
        private volatile boolean closedWhileConnecting;

        CloseDuringConnectHangs(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            closedWhileConnecting = false;
            CompletableFuture<Void> returned = new CompletableFuture<>();
            super.connect(options).whenComplete((v, error) -> {
                if (error == null) {
                    returned.complete(null);
                } else if (!closedWhileConnecting) {
                    returned.completeExceptionally(error);
                }
            });
            return returned;
        }

        @Override
        public void close() {
            if (super.status() == ConnectionStatus.CONNECTING
                    || (super.status() == ConnectionStatus.DISCONNECTED && seam.opened() == 0)) {
                closedWhileConnecting = true;
            }
            super.close();
        }
    }

    /** A24 (MUST), hang: close waits for the server's close frame. */
    @Bug(rules = "A24", category = HANG, breaksConnectOrClose = true,
            mistake = "close() blocks until the socket's close callback arrives, but the transport stopped reading when it sent its own close frame, so it never does")
    static final class CloseWaitsForServerClose extends BuggyTransport implements FrameHooks {
        CloseWaitsForServerClose(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public boolean deliverClose() {
            return false;
        }

        @Override
        public void close() {
            boolean open = super.status() != ConnectionStatus.DISCONNECTED;
            super.close();
            if (open) {
                Harness.hang(); // the close callback it waits for is never delivered
            }
        }
    }

    /** A4 (MUST), hang: sendEvent from a listener deadlocks. */
    @Bug(rules = "A4", category = HANG,
            mistake = "sendEvent waits for the write to be acknowledged on the dispatch thread, so called from a listener (on that thread) it deadlocks")
    static final class SendFromListenerDeadlocks extends BuggyTransport {
        SendFromListenerDeadlocks(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            super.sendEvent(event);
            if (Thread.currentThread().getName().startsWith("realtime-dispatch")) {
                Harness.hang(); // waits for an acknowledgement the blocked dispatch thread would deliver
            }
        }
    }
}
