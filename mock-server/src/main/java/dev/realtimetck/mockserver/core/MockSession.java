package dev.realtimetck.mockserver.core;

import io.undertow.websockets.core.WebSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WebSocket session on a mock server: what the client sent, what the server sent, and handles to push
 * events, close or drop the connection. Obtained from {@code MockRealtimeServer#sessions()} or
 * {@code MockRealtimeServer#awaitSession(Duration)}; it is also the {@link SessionContext} its behaviour sees.
 * All methods are thread-safe.
 *
 * <p>The {@code await} methods consume: each returns the earliest matching client event that no earlier
 * {@code await} call on this session returned, so two {@code awaitClientEvent("response.create", t)} calls
 * return the first and the second {@code response.create}.
 *
 * <p>The work is shared out: {@link ClientEventIntake} (inbound path and validation), {@link InputAudioCapture},
 * {@link Connection} (state, close and drop, outbound pump) and {@link ClientEventJournal} (test-side waits).
 */
public final class MockSession implements SessionContext {

    /** Lifecycle of a session. */
    public enum State {
        /** The WebSocket is open. */
        OPEN,
        /** The server sent a close frame and waits for the client's. */
        CLOSING,
        /** The connection is gone. */
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(MockSession.class);
    /** One line per session open and close. */
    private static final Logger SESSIONS = LoggerFactory.getLogger("dev.realtimetck.mockserver.sessions");
    /** Every frame, when the server logs frames ({@code --verbose}). */
    private static final Logger FRAMES = LoggerFactory.getLogger("dev.realtimetck.mockserver.frames");

    private final String id;
    private final Optional<String> model;
    private final Optional<String> callId;
    private final Handshake handshake;
    private final SessionEnvironment env;
    private final Instant startedAt = Instant.now();
    private final FrameLog frames;
    private final SerialExecutor executor;
    private final EventChecks checks;
    private final Connection connection;
    private final ClientEventJournal journal;
    private final InputAudioCapture audio;
    private final ClientEventIntake intake;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private volatile SessionBehavior behavior;

    MockSession(String id, String model, String callId, SessionEnvironment env) {
        this(id, model, callId, Handshake.NONE, env);
    }

    MockSession(String id, String model, String callId, Handshake handshake, SessionEnvironment env) {
        this.handshake = Objects.requireNonNull(handshake, "handshake");
        this.id = Objects.requireNonNull(id, "id");
        this.model = Optional.ofNullable(model);
        this.callId = Optional.ofNullable(callId);
        this.env = env;
        this.frames = new FrameLog(env.maxFrames(), System.nanoTime(), this::onFrame);
        this.executor = new SerialExecutor(env.pool(), id);
        this.checks = new EventChecks(env.validator(), env.validation());
        this.connection = new Connection(id, frames, env.timer(), this::onChannelClosed);
        this.journal = new ClientEventJournal(id, frames, connection::state);
        this.audio = new InputAudioCapture(env.maxInputAudioBytes(), this::reportProblem);
        this.intake = new ClientEventIntake(this, env.mapper(), checks, journal, audio);
    }

    // ---------------------------------------------------------------- wiring (called by the endpoint)

    void attach(WebSocketChannel channel, SessionBehavior behavior) {
        this.behavior = behavior;
        SESSIONS.info("session {} opened: {}{}", id, describe(behavior), model.map(m -> ", model " + m).orElse(""));
        observe(o -> o.opened(this));
        connection.attach(channel);
        executor.execute(() -> callBehavior("onOpen", () -> behavior.onOpen(this)));
    }

    void onClientText(String text) {
        frames.add(Frame.Direction.CLIENT, Frame.Kind.TEXT, text, null, null, null);
        executor.execute(() -> intake.onText(text));
    }

    void onClientBinary(byte[] data) {
        frames.add(Frame.Direction.CLIENT, Frame.Kind.BINARY, null,
                Base64.getEncoder().encodeToString(data), null, null);
        executor.execute(() -> intake.onBinary(data.length));
    }

    /** Returns true when the server should echo the close frame (it has not sent one itself). */
    boolean onClientClose(int code, String reason) {
        return connection.onClientClose(code, reason);
    }

    private void onChannelClosed() {
        SessionBehavior current = behavior;
        executor.execute(() -> {
            if (current != null) {
                callBehavior("onClose", () -> current.onClose(this));
            }
            SESSIONS.info("session {} closed after {} ms ({}): {} frames in, {} out, {} problems; {}", id,
                    java.time.Duration.between(startedAt, Instant.now()).toMillis(), SessionLogs.ending(frames.snapshot()),
                    clientFrameCount(), serverFrameCount(), problems().size(), describe(current));
            observe(o -> o.closed(this));
            closedFuture.complete(null);
        });
    }

    private void onFrame(Frame frame) {
        if (env.logFrames()) {
            FRAMES.info("session {} {}", id, SessionLogs.frame(frame));
        }
        observe(o -> o.frame(this, frame));
    }

    private static String describe(SessionBehavior behavior) {
        try {
            return behavior == null ? "no behaviour" : behavior.description();
        } catch (RuntimeException e) {
            return behavior.getClass().getSimpleName();
        }
    }

    @Override
    public void recordAudioLateness(java.time.Duration lateness) {
        Objects.requireNonNull(lateness, "lateness");
        observe(o -> o.audioLateness(this, lateness));
    }

    /** Calls the server's observer; a failing observer (metrics) is logged and never breaks the session. */
    private void observe(java.util.function.Consumer<SessionObserver> call) {
        try {
            call.accept(env.observer());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("session {}: the session observer failed", id, e);
        }
    }

    /** Hands an accepted client event to the behaviour (on the serial executor). */
    void deliver(String type, ObjectNode event) {
        SessionBehavior current = behavior;
        if (current != null) {
            callBehavior("onClientEvent(" + type + ")", () -> current.onClientEvent(this, event));
        }
    }

    private void callBehavior(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | AssertionError e) {
            reportProblem("behaviour " + what + " threw " + e);
            LOG.warn("session {}: behaviour {} threw", id, what, e);
        }
    }

    /** Closes the session as part of a server reset or shutdown. */
    void shutdown(int code, String reason) {
        if (connection.state() == State.OPEN) {
            close(code, reason);
        }
    }

    // ---------------------------------------------------------------- SessionContext

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> model() {
        return model;
    }

    @Override
    public Optional<String> callId() {
        return callId;
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return handshake.query(name);
    }

    @Override
    public Optional<String> header(String name) {
        return handshake.header(name);
    }

    @Override
    public IdGenerator ids() {
        return env.ids();
    }

    /**
     * Sends a server event as one text frame (see {@link SessionContext#send}). The given node is not modified;
     * a copy gets the {@code event_id} when it has none. Ignored once the session is no longer open (a behaviour
     * racing a close must not fail); check {@link #isOpen()} when that matters.
     */
    @Override
    public void send(ObjectNode event) {
        Objects.requireNonNull(event, "event");
        ObjectNode copy = event.deepCopy();
        if (!copy.path("event_id").isString()) {
            copy.put("event_id", env.ids().next("event"));
        }
        List<EventValidator.Violation> violations = checks.server(copy);
        if (!violations.isEmpty()) {
            String problem = "server event " + copy.path("type").asString("<no type>")
                    + " violates the schema: " + EventChecks.describe(violations);
            if (checks.mode() == ValidationMode.STRICT) {
                reportProblem(problem + " (not sent)");
                return;
            }
            reportProblem(problem + " (sent anyway)");
        }
        sendRawText(env.mapper().writeValueAsString(copy));
    }

    /**
     * The schema violations that would stop {@link #send(ObjectNode)} from sending {@code event}: empty unless
     * the validation mode is {@link ValidationMode#STRICT} and the event (with an {@code event_id} added when
     * missing) violates the server-event schemas.
     */
    public List<String> checkServerEvent(ObjectNode event) {
        Objects.requireNonNull(event, "event");
        if (checks.mode() != ValidationMode.STRICT) {
            return List.of();
        }
        ObjectNode copy = event.deepCopy();
        if (!copy.path("event_id").isString()) {
            copy.put("event_id", "event_check");
        }
        return EventChecks.lines(checks.server(copy));
    }

    /**
     * Parses {@code json} as one server event and sends it like {@link #send(ObjectNode)}.
     *
     * @throws IllegalArgumentException naming {@code json} if it is not a JSON object
     */
    public void send(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = env.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("json: not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("json: expected a JSON object");
        }
        send((ObjectNode) node);
    }

    /** Ignored once the session is no longer open (it is closing or closed). */
    @Override
    public void sendRawText(String text) {
        connection.sendText(Objects.requireNonNull(text, "text"));
    }

    /** Ignored once the session is no longer open (it is closing or closed). */
    @Override
    public void sendBinary(byte[] data) {
        connection.sendBinary(Objects.requireNonNull(data, "data").clone());
    }

    @Override
    public void close(int code, String reason) {
        connection.close(code, reason);
    }

    @Override
    public void drop() {
        connection.drop();
    }

    @Override
    public boolean isOpen() {
        return connection.state() == State.OPEN;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        FutureTask<Void> future = new FutureTask<>(() -> {
            if (connection.state() != State.CLOSED) {
                task.run();
            }
        }, null);
        if (delay.isZero() || delay.isNegative()) {
            executor.execute(future);
        } else {
            env.timer().schedule(() -> {
                if (!future.isCancelled()) {
                    executor.execute(future);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return future;
    }

    @Override
    public void reportProblem(String problem) {
        Objects.requireNonNull(problem, "problem");
        journal.addProblem(problem);
        LOG.warn("session {}: {}", id, problem);
        observe(o -> o.problem(this, problem));
    }

    // ---------------------------------------------------------------- test API

    /** When the handshake completed. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The lifecycle state. */
    public State state() {
        return connection.state();
    }

    /** The frame log, oldest first (bounded: the oldest entries are dropped first, see {@link #framesDropped()}). */
    public List<Frame> frames() {
        return frames.snapshot();
    }

    /** How many of the oldest frame log entries the bounded log dropped. */
    public long framesDropped() {
        return frames.dropped();
    }

    /** How many frames the client sent (including any the bounded log dropped). */
    public long clientFrameCount() {
        return frames.clientFrames();
    }

    /** How many frames the server sent (including any the bounded log dropped). */
    public long serverFrameCount() {
        return frames.serverFrames();
    }

    /**
     * Every text frame from the client that parsed as a JSON object, in arrival order, whether or not it was
     * valid. The nodes must not be modified.
     */
    public List<ObjectNode> clientEvents() {
        return journal.events();
    }

    /** The client events that match {@code pattern}, in arrival order (whether or not an await returned them). */
    public List<ObjectNode> clientEvents(EventPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return journal.events().stream().filter(pattern::matches).toList();
    }

    /** How many client events match {@code pattern}. */
    public int countClientEvents(EventPattern pattern) {
        return clientEvents(pattern).size();
    }

    /**
     * Asserts that exactly {@code count} client events match {@code pattern} (WireMock's {@code verify}).
     *
     * @throws AssertionError with the count found, the near misses (events of the same type whose fields
     *     differ, each difference by JSON Pointer) and the types received
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void verifyClientEvents(int count, EventPattern pattern) {
        verify(count, pattern, "client", journal.events());
    }

    /**
     * The server events sent so far that are still in the frame log: every server text frame that is a JSON
     * object, in order.
     */
    public List<ObjectNode> serverEvents() {
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (Frame frame : frames.snapshot()) {
            if (frame.direction() == Frame.Direction.SERVER && frame.kind() == Frame.Kind.TEXT) {
                try {
                    JsonNode node = env.mapper().readTree(frame.text());
                    if (node instanceof ObjectNode) {
                        out.add((ObjectNode) node);
                    }
                } catch (JacksonException e) {
                    // a raw frame sent for fault injection: not an event
                }
            }
        }
        return out;
    }

    /** Like {@link #verifyClientEvents} for the server events ({@link #serverEvents()}). */
    public void verifyServerEvents(int count, EventPattern pattern) {
        verify(count, pattern, "server", serverEvents());
    }

    private void verify(int count, EventPattern pattern, String what, List<ObjectNode> events) {
        Objects.requireNonNull(pattern, "pattern");
        if (count < 0) {
            throw new IllegalArgumentException("count: must be >= 0, was " + count);
        }
        String failure = Verifications.countMismatch(id, what, count, pattern, events);
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /**
     * Asserts that the session recorded no problem (unexpected or out-of-order client events, schema violations,
     * scenario mismatches, behaviour failures).
     *
     * @throws AssertionError listing every problem with its full report
     */
    public void verifyNoProblems() {
        String report = Verifications.problemsReport(id, problems());
        if (report != null) {
            throw new AssertionError(report);
        }
    }

    /** The problems recorded for this session (schema violations in warn mode, behaviour failures, ...). */
    public List<String> problems() {
        return journal.problems();
    }

    /**
     * Waits for a recorded problem containing {@code text}.
     *
     * @return the problem
     * @throws AssertionError listing the problems so far, if none arrives within {@code timeout}
     */
    public String awaitProblem(String text, Duration timeout) {
        return journal.awaitProblem(text, timeout);
    }

    /** The input audio received so far, in the input format of the last {@code session.update}. */
    public InputAudio inputAudio() {
        return audio.snapshot();
    }

    /**
     * Waits for the earliest client event of {@code type} that no earlier await returned.
     *
     * @throws AssertionError listing what was received, if none arrives within {@code timeout}
     */
    public ObjectNode awaitClientEvent(String type, Duration timeout) {
        Objects.requireNonNull(type, "type");
        return journal.awaitEvent(e -> type.equals(e.path("type").asString(null)), "type " + type, timeout);
    }

    /**
     * Waits for the earliest client event matching {@code predicate} that no earlier await returned.
     *
     * @throws AssertionError listing what was received, if none arrives within {@code timeout}
     */
    public ObjectNode awaitClientEvent(Predicate<ObjectNode> predicate, Duration timeout) {
        return journal.awaitEvent(predicate, "the predicate", timeout);
    }

    /**
     * Asserts that no client event matching {@code predicate} (other than ones an earlier await returned)
     * arrives during {@code window}.
     *
     * @throws AssertionError naming the event, as soon as one arrives
     */
    public void assertNoClientEvent(Predicate<ObjectNode> predicate, Duration window) {
        journal.assertNoEvent(predicate, window);
    }

    /**
     * Waits until every client frame received so far has been handled (validated and passed to the behaviour),
     * so that the problems it causes are recorded; for checks at the end of a test.
     *
     * @return false if the session's executor was still busy after {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<Void> marker = new CompletableFuture<>();
        try {
            executor.execute(() -> marker.complete(null));
        } catch (RuntimeException e) {
            return false; // the server is shut down: nothing more will be handled
        }
        try {
            marker.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until the connection is gone.
     *
     * @throws AssertionError if it is still open after {@code timeout}
     */
    public void awaitClosed(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            closedFuture.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Session " + id + " is still " + state() + " after " + timeout.toMillis()
                    + " ms.\n" + journal.receivedSummary());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for session " + id + " to close", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MockSession[" + id + ", " + state() + "]";
    }
}
