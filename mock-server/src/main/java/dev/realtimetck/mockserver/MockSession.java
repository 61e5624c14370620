package dev.realtimetck.mockserver;

import dev.realtimetck.api.audio.AudioFormat;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WebSocket session on a {@link MockRealtimeServer}: what the client sent, what the server sent, and
 * handles to push events, close or drop the connection. Obtained from {@link MockRealtimeServer#sessions()} or
 * {@link MockRealtimeServer#awaitSession(Duration)}. All methods are thread-safe.
 *
 * <p>The {@code await} methods consume: each returns the earliest matching client event that no earlier
 * {@code await} call on this session returned, so two {@code awaitClientEvent("response.create", t)} calls
 * return the first and the second {@code response.create}.
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
    private static final int FAILURE_FRAMES = 10;
    private static final long FORCE_CLOSE_MILLIS = 5_000;

    private final String id;
    private final Optional<String> model;
    private final Optional<String> callId;
    private final SessionEnvironment env;
    private final Instant startedAt = Instant.now();
    private final FrameLog frames;
    private final SerialExecutor executor;
    private final Object lock = new Object();
    private final List<ObjectNode> clientEvents = new ArrayList<>();
    private final BitSet consumed = new BitSet();
    private final List<String> problems = new ArrayList<>();
    private final ByteArrayOutputStream inputAudio = new ByteArrayOutputStream();
    private final ArrayDeque<Outbound> outbound = new ArrayDeque<>();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private AudioFormat inputFormat = AudioFormat.PCM16_24K;
    private boolean audioCapped;
    private boolean sending;
    private boolean serverClosed;
    private boolean serverDropped;
    private boolean clientCloseSeen;
    private volatile State state = State.OPEN;
    private volatile WebSocketChannel channel;
    private volatile SessionBehavior behavior;

    @FunctionalInterface
    private interface Outbound {
        void send(WebSocketChannel channel, WebSocketCallback<Void> done);
    }

    MockSession(String id, String model, String callId, SessionEnvironment env) {
        this.id = Objects.requireNonNull(id, "id");
        this.model = Optional.ofNullable(model);
        this.callId = Optional.ofNullable(callId);
        this.env = env;
        this.frames = new FrameLog(env.maxFrames(), System.nanoTime());
        this.executor = new SerialExecutor(env.pool(), id);
    }

    // ---------------------------------------------------------------- wiring (called by the endpoint)

    void attach(WebSocketChannel channel, SessionBehavior behavior) {
        this.behavior = behavior;
        boolean pending;
        synchronized (lock) {
            this.channel = channel;
            pending = !outbound.isEmpty() && !sending;
            sending = sending || pending;
        }
        channel.addCloseTask(ch -> onChannelClosed());
        if (serverDropped) {
            closeChannelNow();
        } else if (pending) {
            pump();
        }
        executor.execute(() -> callBehavior("onOpen", () -> behavior.onOpen(this)));
    }

    void onClientText(String text) {
        frames.add(Frame.Direction.CLIENT, Frame.Kind.TEXT, text, null, null, null);
        executor.execute(() -> handleClientText(text));
    }

    void onClientBinary(byte[] data) {
        frames.add(Frame.Direction.CLIENT, Frame.Kind.BINARY, null, Base64.getEncoder().encodeToString(data), null,
                null);
        executor.execute(() -> sendError("invalid_event",
                "Binary WebSocket frames are not supported; send each client event as a JSON text frame.", null,
                null));
    }

    /** Returns true when the server should echo the close frame (it has not sent one itself). */
    boolean onClientClose(int code, String reason) {
        frames.add(Frame.Direction.CLIENT, Frame.Kind.CLOSE, null, null, code, reason == null ? "" : reason);
        synchronized (lock) {
            clientCloseSeen = true;
            if (serverClosed) {
                return false;
            }
            serverClosed = true;
            if (state == State.OPEN) {
                state = State.CLOSING;
            }
        }
        frames.add(Frame.Direction.SERVER, Frame.Kind.CLOSE, null, null, code, reason == null ? "" : reason);
        return true;
    }

    private void onChannelClosed() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            if (!clientCloseSeen && !serverDropped) {
                frames.add(Frame.Direction.CLIENT, Frame.Kind.DROP, null, null, null, null);
            }
            state = State.CLOSED;
            outbound.clear();
            lock.notifyAll();
        }
        SessionBehavior current = behavior;
        executor.execute(() -> {
            if (current != null) {
                callBehavior("onClose", () -> current.onClose(this));
            }
            closedFuture.complete(null);
        });
    }

    // ---------------------------------------------------------------- inbound

    private void handleClientText(String text) {
        JsonNode node;
        try {
            node = env.mapper().readTree(text);
        } catch (JacksonException e) {
            sendError("invalid_json", "The client event is not valid JSON: " + e.getOriginalMessage(), null, null);
            return;
        }
        if (node == null || !node.isObject()) {
            sendError("invalid_json", "The client event must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()) + ".", null, null);
            return;
        }
        ObjectNode event = (ObjectNode) node;
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            publish(event);
            sendError("missing_type", type == null
                    ? "Missing required parameter: 'type'."
                    : "Invalid type for 'type': expected a string.", "type", event);
            return;
        }
        if (!ClientEventTypes.isKnown(type.asString())) {
            publish(event);
            sendError("invalid_value", ClientEventTypes.unknownTypeMessage(type.asString()), "type", event);
            return;
        }
        if (env.validation() != ValidationMode.OFF) {
            List<EventValidator.Violation> violations = env.validator().validateClientEvent(event);
            if (!violations.isEmpty()) {
                EventValidator.Violation first = violations.get(0);
                if (env.validation() == ValidationMode.STRICT) {
                    publish(event);
                    sendError(codeFor(first), first.message(), first.param(), event);
                    return;
                }
                reportProblem("client event " + type.asString() + " violates the schema: " + describe(violations));
            }
        }
        captureAudio(event);
        publish(event);
        SessionBehavior current = behavior;
        if (current != null) {
            callBehavior("onClientEvent(" + type.asString() + ")", () -> current.onClientEvent(this, event));
        }
    }

    /** Makes a parsed client event visible to {@link #clientEvents()} and the awaits (after its audio is captured). */
    private void publish(ObjectNode event) {
        synchronized (lock) {
            clientEvents.add(event);
            lock.notifyAll();
        }
    }

    private static String codeFor(EventValidator.Violation violation) {
        String message = violation.message() == null ? "" : violation.message().toLowerCase();
        if (message.contains("required") || message.contains("missing")) {
            return "missing_required_parameter";
        }
        if (message.contains("unknown") || message.contains("not defined") || message.contains("additional")) {
            return "unknown_parameter";
        }
        if (message.contains(" found, ") && message.contains(" expected")) {
            return "invalid_type";
        }
        return "invalid_value";
    }

    private static String describe(List<EventValidator.Violation> violations) {
        return violations.stream()
                .map(v -> (v.param() == null ? "" : v.param() + ": ") + v.message())
                .collect(Collectors.joining("; "));
    }

    private void captureAudio(ObjectNode event) {
        String type = event.get("type").asString();
        if (type.equals("session.update")) {
            JsonNode format = event.path("session").path("audio").path("input").path("format");
            if (format.isObject() && format.path("type").isString()) {
                try {
                    AudioFormat parsed = AudioFormat.parse(format.get("type").asString());
                    if (parsed instanceof AudioFormat.Pcm && format.path("rate").isInt()) {
                        parsed = new AudioFormat.Pcm(format.get("rate").asInt());
                    }
                    synchronized (lock) {
                        inputFormat = parsed;
                    }
                } catch (IllegalArgumentException e) {
                    reportProblem("session.update carries an unusable input audio format: " + e.getMessage());
                }
            }
        } else if (type.equals("input_audio_buffer.append") && event.path("audio").isString()) {
            byte[] audio;
            try {
                audio = Base64.getDecoder().decode(event.get("audio").asString());
            } catch (IllegalArgumentException e) {
                reportProblem("input_audio_buffer.append carries invalid base64 audio: " + e.getMessage());
                return;
            }
            boolean capped = false;
            synchronized (lock) {
                if (inputAudio.size() + (long) audio.length > env.maxInputAudioBytes()) {
                    capped = !audioCapped;
                    audioCapped = true;
                } else {
                    inputAudio.write(audio, 0, audio.length);
                }
            }
            if (capped) {
                reportProblem("input audio exceeds " + env.maxInputAudioBytes()
                        + " bytes; later appends are not captured");
            }
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

    private void sendError(String code, String message, String param, ObjectNode clientEvent) {
        send(ProtocolErrors.invalidRequest(code, message, param, clientEvent));
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
        if (env.validation() != ValidationMode.OFF) {
            List<EventValidator.Violation> violations = env.validator().validateServerEvent(copy);
            if (!violations.isEmpty()) {
                String problem = "server event " + copy.path("type").asString("<no type>")
                        + " violates the schema: " + describe(violations);
                if (env.validation() == ValidationMode.STRICT) {
                    reportProblem(problem + " (not sent)");
                    return;
                }
                reportProblem(problem + " (sent anyway)");
            }
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
        if (env.validation() != ValidationMode.STRICT) {
            return List.of();
        }
        ObjectNode copy = event.deepCopy();
        if (!copy.path("event_id").isString()) {
            copy.put("event_id", "event_check");
        }
        return env.validator().validateServerEvent(copy).stream()
                .map(v -> (v.param() == null ? "" : v.param() + ": ") + v.message())
                .collect(Collectors.toList());
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
        Objects.requireNonNull(text, "text");
        enqueue(() -> frames.add(Frame.Direction.SERVER, Frame.Kind.TEXT, text, null, null, null),
                (ch, done) -> WebSockets.sendText(text, ch, done));
    }

    /** Ignored once the session is no longer open (it is closing or closed). */
    @Override
    public void sendBinary(byte[] data) {
        Objects.requireNonNull(data, "data");
        byte[] copy = data.clone();
        enqueue(() -> frames.add(Frame.Direction.SERVER, Frame.Kind.BINARY, null,
                        Base64.getEncoder().encodeToString(copy), null, null),
                (ch, done) -> WebSockets.sendBinary(ByteBuffer.wrap(copy), ch, done));
    }

    @Override
    public void close(int code, String reason) {
        String why = reason == null ? "" : reason;
        boolean startPump;
        synchronized (lock) {
            if (state != State.OPEN || serverClosed) {
                return;
            }
            serverClosed = true;
            frames.add(Frame.Direction.SERVER, Frame.Kind.CLOSE, null, null, code, why);
            state = State.CLOSING;
            outbound.add((ch, done) -> WebSockets.sendClose(code, why, ch, done));
            startPump = !sending;
            sending = true;
        }
        if (startPump) {
            pump();
        }
        try {
            env.timer().schedule(() -> {
                if (state != State.CLOSED) {
                    closeChannelNow();
                }
            }, FORCE_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closeChannelNow(); // the server is stopping: no timer left to wait for the peer's close frame
        }
    }

    @Override
    public void drop() {
        boolean startPump;
        synchronized (lock) {
            if (state == State.CLOSED || serverDropped) {
                return;
            }
            serverDropped = true;
            frames.add(Frame.Direction.SERVER, Frame.Kind.DROP, null, null, null, null);
            // the connection ends after the frames already queued are written: closing the socket while a write
            // is in flight lost those frames and, intermittently, the client never saw the connection end
            outbound.add((ch, done) -> closeChannelNow());
            startPump = !sending;
            sending = true;
        }
        if (startPump) {
            pump();
        }
        env.timer().schedule(() -> {
            if (state != State.CLOSED) {
                closeChannelNow();
            }
        }, FORCE_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void closeChannelNow() {
        WebSocketChannel ch = channel;
        if (ch == null) {
            return;
        }
        try {
            ch.getIoThread().execute(() -> {
                try {
                    ch.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("session {}: closing the connection failed", id, e);
                }
            });
        } catch (RuntimeException e) {
            // the IO thread is gone (server stopping): the listener shutdown closes the connection
            LOG.debug("session {}: could not schedule the close", id, e);
        }
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        FutureTask<Void> future = new FutureTask<>(() -> {
            if (state != State.CLOSED) {
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
        synchronized (lock) {
            problems.add(problem);
            lock.notifyAll();
        }
        LOG.warn("session {}: {}", id, problem);
    }

    private void enqueue(Runnable record, Outbound send) {
        synchronized (lock) {
            if (state != State.OPEN || serverDropped) {
                LOG.debug("session {} is {}{}; a send was ignored", id, state, serverDropped ? " (dropped)" : "");
                return;
            }
            record.run();
            outbound.add(send);
            if (sending) {
                return;
            }
            sending = true;
        }
        pump();
    }

    /**
     * Sends the next queued frame. Undertow's WebSocket send paths are not safe against a concurrent close of
     * the channel (server shutdown, a drop, the peer going away), so every send runs on the channel's own IO
     * thread and only while the channel is still open; anything that fails ends the queue instead of throwing
     * into a caller or a pool thread.
     */
    private void pump() {
        WebSocketChannel ch;
        synchronized (lock) {
            ch = channel;
            if (ch == null || outbound.isEmpty()) {
                sending = false;
                return;
            }
        }
        if (!ch.getIoThread().equals(Thread.currentThread())) {
            pumpLater(ch);
            return;
        }
        Outbound next;
        synchronized (lock) {
            next = outbound.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        if (!ch.isOpen() || ch.isCloseFrameSent()) {
            abandonQueue(null);
            return;
        }
        try {
            next.send(ch, new WebSocketCallback<>() {
                @Override
                public void complete(WebSocketChannel c, Void context) {
                    pumpLater(ch);
                }

                @Override
                public void onError(WebSocketChannel c, Void context, Throwable throwable) {
                    LOG.debug("session {}: send failed", id, throwable);
                    pumpLater(ch);
                }
            });
        } catch (RuntimeException e) {
            abandonQueue(e);
        }
    }

    /** Continues the queue as a fresh IO-thread task (no recursion through synchronous send completions). */
    private void pumpLater(WebSocketChannel ch) {
        try {
            ch.getIoThread().execute(this::pump);
        } catch (RuntimeException e) {
            abandonQueue(e);
        }
    }

    /** The connection can no longer carry frames: forget what is queued so later sends start cleanly. */
    private void abandonQueue(RuntimeException cause) {
        if (cause != null) {
            LOG.debug("session {}: the connection can no longer send", id, cause);
        }
        synchronized (lock) {
            outbound.clear();
            sending = false;
        }
    }

    // ---------------------------------------------------------------- test API

    /** When the handshake completed. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The lifecycle state. */
    public State state() {
        return state;
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
        synchronized (lock) {
            return List.copyOf(clientEvents);
        }
    }

    /** The problems recorded for this session (schema violations in warn mode, behaviour failures, ...). */
    public List<String> problems() {
        synchronized (lock) {
            return List.copyOf(problems);
        }
    }

    /**
     * Waits for a recorded problem containing {@code text}.
     *
     * @return the problem
     * @throws AssertionError listing the problems so far, if none arrives within {@code timeout}
     */
    public String awaitProblem(String text, Duration timeout) {
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
                            + " ms on session " + id + "; problems: " + problems);
                }
                waitOnLock(left);
            }
        }
    }

    /** The input audio received so far, in the input format of the last {@code session.update}. */
    public InputAudio inputAudio() {
        synchronized (lock) {
            return new InputAudio(inputAudio.toByteArray(), inputFormat);
        }
    }

    /**
     * Waits for the earliest client event of {@code type} that no earlier await returned.
     *
     * @throws AssertionError listing what was received, if none arrives within {@code timeout}
     */
    public ObjectNode awaitClientEvent(String type, Duration timeout) {
        Objects.requireNonNull(type, "type");
        return awaitClientEvent(e -> type.equals(e.path("type").asString(null)), "type " + type, timeout);
    }

    /**
     * Waits for the earliest client event matching {@code predicate} that no earlier await returned.
     *
     * @throws AssertionError listing what was received, if none arrives within {@code timeout}
     */
    public ObjectNode awaitClientEvent(Predicate<ObjectNode> predicate, Duration timeout) {
        return awaitClientEvent(predicate, "the predicate", timeout);
    }

    private ObjectNode awaitClientEvent(Predicate<ObjectNode> predicate, String what, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            int scanned = 0;
            while (true) {
                for (int i = consumed.nextClearBit(0); i < clientEvents.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(clientEvents.get(i))) {
                        consumed.set(i);
                        return clientEvents.get(i);
                    }
                }
                scanned = clientEvents.size();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                waitOnLock(left);
            }
            throw new AssertionError("No client event matching " + what + " arrived within " + timeout.toMillis()
                    + " ms on session " + id + " (" + state + ").\n" + receivedSummary(scanned));
        }
    }

    /**
     * Asserts that no client event matching {@code predicate} (other than ones an earlier await returned)
     * arrives during {@code window}.
     *
     * @throws AssertionError naming the event, as soon as one arrives
     */
    public void assertNoClientEvent(Predicate<ObjectNode> predicate, Duration window) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(window, "window");
        long deadline = System.nanoTime() + window.toNanos();
        synchronized (lock) {
            while (true) {
                for (int i = consumed.nextClearBit(0); i < clientEvents.size(); i = consumed.nextClearBit(i + 1)) {
                    if (predicate.test(clientEvents.get(i))) {
                        throw new AssertionError("Unexpected client event on session " + id + ": "
                                + clientEvents.get(i) + "\n" + receivedSummary(clientEvents.size()));
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
            throw new AssertionError("Session " + id + " is still " + state + " after " + timeout.toMillis()
                    + " ms.\n" + receivedSummary(clientEvents().size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for session " + id + " to close", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on session " + id, e);
        }
    }

    private String receivedSummary(int upTo) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (lock) {
            for (int i = 0; i < Math.min(upTo, clientEvents.size()); i++) {
                counts.merge(clientEvents.get(i).path("type").asString("<no type>"), 1, Integer::sum);
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

    /** Closes the session as part of a server reset or shutdown. */
    void shutdown(int code, String reason) {
        if (state == State.OPEN) {
            close(code, reason);
        }
    }

    @Override
    public String toString() {
        return "MockSession[" + id + ", " + state + "]";
    }
}
