package dev.realtimetck.tck;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Records every event a transport emits: every {@link TransportEventType} and every raw server event
 * ({@code onAny}, recorded under the name {@code *}), plus server events by name for the types a test asks for
 * ({@link #listenServerEvent}). It also notices listeners being called concurrently.
 */
public final class EventRecorder {

    /** Name under which raw {@code onAny} events are recorded. */
    public static final String ANY = "*";

    /**
     * One recorded event.
     *
     * @param name the transport event name ({@code connection_change}, ...), {@code *} for onAny, or
     *     {@code server:<type>} for a server event by name
     * @param payload the payload
     * @param thread the name of the thread the listener ran on
     */
    public record Recorded(String name, Object payload, String thread) {
    }

    private final Object lock = new Object();
    private final List<Recorded> events = new ArrayList<>();
    private final BitSet consumed = new BitSet();
    private final AtomicInteger inside = new AtomicInteger();
    private final TckTiming timing;
    private volatile String concurrentCall;

    EventRecorder(TckTiming timing) {
        this.timing = timing;
    }

    /** Registers the recording listeners on a transport. */
    void attach(RealtimeTransportLayer transport) {
        for (TransportEventType<?> type : TransportEventType.values()) {
            register(transport, type);
        }
        transport.onAny(e -> record(ANY, e));
    }

    private <E> void register(RealtimeTransportLayer transport, TransportEventType<E> type) {
        transport.on(type, e -> record(type.name(), e));
    }

    /** Also records server events of this type by name ({@code onServerEvent}), as {@code server:<type>}. */
    public void listenServerEvent(RealtimeTransportLayer transport, String serverType) {
        transport.onServerEvent(serverType, e -> record("server:" + serverType, e));
    }

    private void record(String name, Object payload) {
        if (inside.incrementAndGet() > 1 && concurrentCall == null) {
            concurrentCall = "listener for " + name + " ran on " + Thread.currentThread().getName()
                    + " while another listener of the same transport was running";
        }
        try {
            synchronized (lock) {
                events.add(new Recorded(name, payload, Thread.currentThread().getName()));
                lock.notifyAll();
            }
        } finally {
            inside.decrementAndGet();
        }
    }

    /** A description of a concurrent listener call, if one was seen. */
    public String concurrentCall() {
        return concurrentCall;
    }

    /** Everything recorded so far, in order. */
    public List<Recorded> all() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** The names of everything recorded so far, in order. */
    public List<String> names() {
        return all().stream().map(Recorded::name).toList();
    }

    /** The names recorded so far, without the raw {@code *} and {@code server:} entries. */
    public List<String> transportEventNames() {
        return names().stream().filter(n -> !n.equals(ANY) && !n.startsWith("server:")).toList();
    }

    /** Every payload of a transport event type so far. */
    public <E> List<E> all(TransportEventType<E> type) {
        return all().stream().filter(r -> r.name().equals(type.name())).map(r -> type.eventClass().cast(r.payload()))
                .toList();
    }

    /** Every raw server event so far (onAny). */
    public List<RealtimeServerEvent> any() {
        return all().stream().filter(r -> r.name().equals(ANY)).map(r -> (RealtimeServerEvent) r.payload()).toList();
    }

    /** The connection statuses reported by connection_change so far. */
    public List<ConnectionStatus> statuses() {
        return all(TransportEventType.CONNECTION_CHANGE);
    }

    /** Waits for the earliest not yet awaited event of this type. */
    public <E> E await(TransportEventType<E> type) {
        return await(type, e -> true, "a " + type.name() + " event");
    }

    /** Waits for the earliest not yet awaited event of this type that matches. */
    public <E> E await(TransportEventType<E> type, Predicate<? super E> predicate, String what) {
        Recorded r = awaitRecorded(x -> x.name().equals(type.name()) && predicate.test(type.eventClass().cast(x.payload())),
                what, timing.signalTimeout());
        return type.eventClass().cast(r.payload());
    }

    /** Waits for the earliest not yet awaited raw server event of this server type (onAny). */
    public RealtimeServerEvent awaitAny(String serverType) {
        return (RealtimeServerEvent) awaitRecorded(x -> x.name().equals(ANY)
                && ((RealtimeServerEvent) x.payload()).type().equals(serverType),
                "a raw (onAny) server event of type " + serverType, timing.signalTimeout()).payload();
    }

    /** Waits for the earliest not yet awaited server event by name (needs {@link #listenServerEvent}). */
    public RealtimeServerEvent awaitServerEvent(String serverType) {
        return (RealtimeServerEvent) awaitRecorded(x -> x.name().equals("server:" + serverType),
                "the server event " + serverType + " emitted under its own name", timing.signalTimeout()).payload();
    }

    /** Waits for a connection_change to this status. */
    public void awaitStatus(ConnectionStatus status) {
        await(TransportEventType.CONNECTION_CHANGE, s -> s == status, "connection_change " + status);
    }

    /** Waits for the earliest not yet awaited matching record. */
    public Recorded awaitRecorded(Predicate<Recorded> predicate, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (int i = consumed.nextClearBit(0); i < events.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(events.get(i))) {
                        consumed.set(i);
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TckViolation(what + " within " + timeout.toMillis() + " ms",
                            "none was emitted; events so far: " + summary(), List.of());
                }
                waitOnLock(left);
            }
        }
    }

    /** Checks that no (not yet awaited) event of this type is emitted within the no-signal window. */
    public void assertNone(TransportEventType<?> type, String why) {
        assertNoneRecorded(r -> r.name().equals(type.name()), "no " + type.name() + " event " + why);
    }

    /** Checks that no (not yet awaited) matching record appears within the no-signal window. */
    public void assertNoneRecorded(Predicate<Recorded> predicate, String what) {
        long deadline = System.nanoTime() + timing.noSignalWindow().toNanos();
        synchronized (lock) {
            while (true) {
                for (int i = consumed.nextClearBit(0); i < events.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(events.get(i))) {
                        throw new TckViolation(what, "the transport emitted " + describe(events.get(i))
                                + "; events so far: " + summary(), List.of());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitOnLock(left);
            }
        }
    }

    /** Marks everything recorded so far as awaited (later awaits and absence checks only see newer events). */
    public void skipAll() {
        synchronized (lock) {
            consumed.set(0, events.size());
        }
    }

    /** A short list of what was recorded. */
    public String summary() {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            for (Recorded r : events) {
                out.add(describe(r));
            }
            int from = Math.max(0, out.size() - 30);
            return (from > 0 ? "... " : "") + out.subList(from, out.size());
        }
    }

    private static String describe(Recorded r) {
        Object p = r.payload();
        String text = p instanceof RealtimeServerEvent e ? e.type() : String.valueOf(p);
        if (text.length() > 120) {
            text = text.substring(0, 120) + "...";
        }
        return r.name() + "(" + text + ")";
    }

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for transport events", e);
        }
    }
}
