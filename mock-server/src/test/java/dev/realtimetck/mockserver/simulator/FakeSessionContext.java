package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.mockserver.core.IdGenerator;
import dev.realtimetck.mockserver.core.SessionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory {@link SessionContext} for unit tests: records sent events, and runs scheduled tasks only when the
 * test asks, on a virtual clock, so streams are deterministic and need no waiting.
 */
final class FakeSessionContext implements SessionContext {

    /** A sent event and the virtual time (nanoseconds) it was sent at. */
    record Sent(ObjectNode event, long atNanos) {
    }

    private final String model;
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private long nowNanos;
    private long sequence;
    private boolean open = true;

    FakeSessionContext(String model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "sess_fake";
    }

    @Override
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public Optional<String> callId() {
        return Optional.empty();
    }

    @Override
    public IdGenerator ids() {
        return prefix -> prefix + "_" + counters.computeIfAbsent(prefix, p -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void send(ObjectNode event) {
        if (!open) {
            throw new IllegalStateException("send after close: " + event);
        }
        if (!event.has("event_id")) {
            event.put("event_id", ids().next("event"));
        }
        sent.add(new Sent(event, nowNanos));
    }

    @Override
    public void sendRawText(String text) {
        throw new UnsupportedOperationException("the simulator sends no raw text");
    }

    @Override
    public void sendBinary(byte[] data) {
        throw new UnsupportedOperationException("the simulator sends no binary frames");
    }

    @Override
    public void close(int code, String reason) {
        open = false;
    }

    @Override
    public void drop() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + delay.toNanos(), sequence++, task);
        tasks.add(t);
        return t;
    }

    @Override
    public void reportProblem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return problems;
    }

    /** Runs the next due task, advancing the virtual clock to its time; false when none is left. */
    boolean runNext() {
        Task t;
        do {
            t = tasks.poll();
            if (t == null) {
                return false;
            }
        } while (t.cancelled);
        nowNanos = Math.max(nowNanos, t.dueNanos);
        t.done = true;
        t.task.run();
        return true;
    }

    /** Runs tasks until none is left (at most 100,000, to catch runaway loops). */
    void runAll() {
        for (int i = 0; i < 100_000; i++) {
            if (!runNext()) {
                return;
            }
        }
        throw new AssertionError("scheduled tasks never ran out");
    }

    /** Runs tasks until an event matching {@code until} was sent; fails if the tasks run out first. */
    void runUntil(Predicate<ObjectNode> until) {
        for (int i = 0; i < 100_000; i++) {
            if (sent.stream().anyMatch(s -> until.test(s.event()))) {
                return;
            }
            if (!runNext()) {
                throw new AssertionError("tasks ran out before the awaited event was sent");
            }
        }
        throw new AssertionError("scheduled tasks never ran out");
    }

    long nowNanos() {
        return nowNanos;
    }

    List<Sent> sent() {
        return sent;
    }

    private static final class Task implements Future<Object>, Comparable<Task> {
        final long dueNanos;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;
        volatile boolean done;

        Task(long dueNanos, long seq, Runnable task) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int byTime = Long.compare(dueNanos, o.dueNanos);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
