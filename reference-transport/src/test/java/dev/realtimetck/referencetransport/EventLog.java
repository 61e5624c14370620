package dev.realtimetck.referencetransport;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventSource;
import dev.realtimetck.api.TransportEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a transport's events in arrival order (as "name" or "name:detail") and the threads they came on. */
final class EventLog {

    record Entry(String name, Object payload) {
        @Override
        public String toString() {
            return payload instanceof ConnectionStatus status ? name + ":" + status.wireValue() : name;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    static EventLog of(TransportEventSource source) {
        EventLog log = new EventLog();
        for (TransportEventType<?> type : TransportEventType.values()) {
            source.on(type, payload -> log.add(type.name(), payload));
        }
        return log;
    }

    void add(String name, Object payload) {
        threads.add(Thread.currentThread().getName());
        Entry entry = new Entry(name, payload);
        synchronized (entries) {
            entries.add(entry);
        }
        queue.add(entry);
    }

    /** Waits for the next entry with this name (earlier entries of other names are consumed). */
    Entry await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Entry entry = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (entry == null) {
                throw new AssertionError("no '" + name + "' event within " + timeout + "; events: " + names());
            }
            if (entry.name().equals(name)) {
                return entry;
            }
        }
    }

    /** Waits until a connection_change with this status was recorded. */
    void awaitStatus(ConnectionStatus status, Duration timeout) throws InterruptedException {
        while (true) {
            Entry entry = await("connection_change", timeout);
            if (entry.payload() == status) {
                return;
            }
        }
    }

    List<String> names() {
        synchronized (entries) {
            return entries.stream().map(Entry::toString).toList();
        }
    }

    List<String> connectionChanges() {
        return names().stream().filter(n -> n.startsWith("connection_change")).toList();
    }

    List<Throwable> failures() {
        synchronized (entries) {
            return entries.stream()
                    .filter(e -> e.payload() instanceof TransportError.Failure)
                    .map(e -> ((TransportError.Failure) e.payload()).cause())
                    .toList();
        }
    }
}
