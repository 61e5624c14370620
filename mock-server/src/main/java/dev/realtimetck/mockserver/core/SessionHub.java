package dev.realtimetck.mockserver.core;

import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session core of a mock server: the {@code /v1/realtime} handler that opens sessions, the list of
 * sessions with the waits on it, reset and shutdown, and the thread pools every session shares. It knows
 * nothing of listeners, the admin API or any behaviour; {@code MockRealtimeServer} wires those around it.
 */
public final class SessionHub {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHub.class);

    /**
     * How the sessions of one server behave.
     *
     * @param apiKeys accepted keys; empty accepts any non-empty key
     * @param validator checks events against the protocol's schemas
     * @param validation what a violation does
     * @param maxFrames the frame log bound per session
     * @param maxInputAudioBytes the input audio kept per session
     * @param threadPrefix the prefix of the pool threads' names
     */
    public record Settings(Set<String> apiKeys, EventValidator validator, ValidationMode validation, int maxFrames,
                           long maxInputAudioBytes, String threadPrefix, SessionObserver observer,
                           boolean logFrames) {
        /** Validates and copies. */
        public Settings {
            apiKeys = Set.copyOf(apiKeys);
            Objects.requireNonNull(validator, "validator");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(threadPrefix, "threadPrefix");
            Objects.requireNonNull(observer, "observer");
        }

        /** Settings without an observer and without frame logging. */
        public Settings(Set<String> apiKeys, EventValidator validator, ValidationMode validation, int maxFrames,
                        long maxInputAudioBytes, String threadPrefix) {
            this(apiKeys, validator, validation, maxFrames, maxInputAudioBytes, threadPrefix, SessionObserver.none(),
                    false);
        }
    }

    private final Settings settings;
    private final IdGenerator ids = new RandomIdGenerator();
    private final Object lock = new Object();
    private final List<MockSession> sessions = new ArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private final SessionEnvironment environment;
    private volatile SessionBehaviorFactory behaviorFactory;
    private int awaitCursor;
    private boolean closed;

    /** Creates the pools; call {@link #shutdown()} to release them. */
    public SessionHub(Settings settings, SessionBehaviorFactory behaviorFactory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.behaviorFactory = Objects.requireNonNull(behaviorFactory, "behaviorFactory");
        ExecutorService pool = Executors.newCachedThreadPool(daemon(settings.threadPrefix() + "-session-"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                daemon(settings.threadPrefix() + "-timer-"));
        this.environment = new SessionEnvironment(JsonMapper.builder().build(), settings.validator(),
                settings.validation(), ids, pool, timer, settings.maxFrames(), settings.maxInputAudioBytes(),
                settings.observer(), settings.logFrames());
    }

    /** The handler of {@code /v1/realtime}: checks the key, upgrades, opens and registers a session. */
    public HttpHandler endpoint() {
        RealtimeEndpoint.SessionOpener opener = new RealtimeEndpoint.SessionOpener() {
            @Override
            public MockSession open(String model, String callId, Handshake handshake) {
                return new MockSession(ids.next("sess"), model, callId, handshake, environment);
            }

            @Override
            public void register(MockSession session) {
                boolean late;
                synchronized (lock) {
                    sessions.add(session);
                    lock.notifyAll();
                    late = closed;
                }
                if (late) {
                    // connected while shutdown() was running: it took its snapshot already, so close it here
                    session.shutdown(1001, "mock server shutting down");
                }
            }
        };
        return new RealtimeEndpoint(settings.apiKeys(), opener, () -> behaviorFactory);
    }

    /** The validation mode. */
    public ValidationMode validationMode() {
        return settings.validation();
    }

    /** The current behaviour factory. */
    public SessionBehaviorFactory behaviorFactory() {
        return behaviorFactory;
    }

    /** Replaces the behaviour factory for sessions opened from now on. */
    public void behaviorFactory(SessionBehaviorFactory factory) {
        this.behaviorFactory = Objects.requireNonNull(factory, "factory");
    }

    /** Every session since start or the last reset, oldest first. */
    public List<MockSession> sessions() {
        synchronized (lock) {
            return List.copyOf(sessions);
        }
    }

    /** The session with this id, if it is known. */
    public Optional<MockSession> session(String id) {
        synchronized (lock) {
            return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    /** The next session no earlier call returned; {@link AssertionError} after {@code timeout}. */
    public MockSession awaitSession(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (sessions.size() <= awaitCursor) {
                waitOnLock(deadline, () -> "No new session opened within " + timeout.toMillis() + " ms ("
                        + sessions.size() + " session(s) so far, " + awaitCursor + " already awaited).");
            }
            return sessions.get(awaitCursor++);
        }
    }

    /** All sessions once at least {@code count} opened; {@link AssertionError} after {@code timeout}. */
    public List<MockSession> awaitSessionCount(int count, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (sessions.size() < count) {
                waitOnLock(deadline, () -> "Expected " + count + " session(s) within " + timeout.toMillis()
                        + " ms, got " + sessions.size() + ".");
            }
            return List.copyOf(sessions);
        }
    }

    private void waitOnLock(long deadline, Supplier<String> failure) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure.get());
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for sessions", e);
        }
    }

    /** Closes open sessions (1001 {@code mock server reset}), forgets all and runs the reset listeners. */
    public void reset() {
        List<MockSession> old;
        synchronized (lock) {
            old = List.copyOf(sessions);
            sessions.clear();
            awaitCursor = 0;
        }
        old.forEach(s -> s.shutdown(1001, "mock server reset"));
        resetListeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} at every {@link #reset()}. */
    public void addResetListener(Runnable listener) {
        resetListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Closes every open session (1001 {@code mock server shutting down}) and waits up to two seconds for the
     * close handshakes. Sessions that connect afterwards are closed at once.
     */
    public void closeSessions() {
        synchronized (lock) {
            closed = true;
        }
        List<MockSession> open = sessions().stream().filter(MockSession::isOpen).toList();
        open.forEach(s -> s.shutdown(1001, "mock server shutting down"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (MockSession session : open) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                session.awaitClosed(Duration.ofNanos(left));
            } catch (AssertionError e) {
                LOG.debug("session {} did not finish its close handshake", session.id());
            }
        }
    }

    /** Stops the pools; queued session tasks (close callbacks among them) get two seconds to run. */
    public void shutdown() {
        environment.timer().shutdownNow();
        environment.pool().shutdown();
        try {
            if (!environment.pool().awaitTermination(2, TimeUnit.SECONDS)) {
                environment.pool().shutdownNow();
            }
        } catch (InterruptedException e) {
            environment.pool().shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
