package dev.realtimetck.mockserver.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a test waits on in one session: the parsed client events (with the set an await already returned) and the
 * recorded problems. Every wait is bounded and ends in an {@link AssertionError} that lists what arrived.
 */
final class ClientEventJournal {

    private static final int FAILURE_FRAMES = 10;

    private final String sessionId;
    private final FrameLog frames;
    private final Supplier<MockSession.State> state;
    private final Object lock = new Object();
    private final List<ObjectNode> events = new ArrayList<>();
    private final BitSet consumed = new BitSet();
    private final List<String> problems = new ArrayList<>();

    ClientEventJournal(String sessionId, FrameLog frames, Supplier<MockSession.State> state) {
        this.sessionId = sessionId;
        this.frames = frames;
        this.state = state;
    }

    void addEvent(ObjectNode event) {
        synchronized (lock) {
            events.add(event);
            lock.notifyAll();
        }
    }

    void addProblem(String problem) {
        synchronized (lock) {
            problems.add(problem);
            lock.notifyAll();
        }
    }

    List<ObjectNode> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    List<String> problems() {
        synchronized (lock) {
            return List.copyOf(problems);
        }
    }

    String awaitProblem(String text, Duration timeout) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (String problem : problems) {
                    if (problem.contains(text)) {
                        return problem;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No problem containing '" + text + "' within " + timeout.toMillis()
                            + " ms on session " + sessionId + "; problems: " + problems);
                }
                waitOnLock(left);
            }
        }
    }

    ObjectNode awaitEvent(Predicate<ObjectNode> predicate, String what, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            int scanned;
            while (true) {
                for (int i = consumed.nextClearBit(0); i < events.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(events.get(i))) {
                        consumed.set(i);
                        return events.get(i);
                    }
                }
                scanned = events.size();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                waitOnLock(left);
            }
            throw new AssertionError("No client event matching " + what + " arrived within " + timeout.toMillis()
                    + " ms on session " + sessionId + " (" + state.get() + ").\n" + receivedSummary(scanned));
        }
    }

    void assertNoEvent(Predicate<ObjectNode> predicate, Duration window) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(window, "window");
        long deadline = System.nanoTime() + window.toNanos();
        synchronized (lock) {
            while (true) {
                for (int i = consumed.nextClearBit(0); i < events.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(events.get(i))) {
                        throw new AssertionError("Unexpected client event on session " + sessionId + ": "
                                + events.get(i) + "\n" + receivedSummary(events.size()));
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

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on session " + sessionId, e);
        }
    }

    /** The event types received (the first {@code upTo}) and the last frames, for failure messages. */
    String receivedSummary(int upTo) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (lock) {
            for (int i = 0; i < Math.min(upTo, events.size()); i++) {
                counts.merge(events.get(i).path("type").asString("<no type>"), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder("Client event types received: ")
                .append(counts.isEmpty() ? "none" : counts.toString())
                .append("\nLast frames:");
        for (Frame frame : frames.last(FAILURE_FRAMES)) {
            out.append("\n  ").append(frame.describe(200));
        }
        return out.toString();
    }

    String receivedSummary() {
        synchronized (lock) {
            return receivedSummary(events.size());
        }
    }
}
