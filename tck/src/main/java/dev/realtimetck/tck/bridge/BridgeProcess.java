package dev.realtimetck.tck.bridge;

import dev.realtimetck.api.ApiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One adapter process and the bridge protocol spoken with it ({@code tck/BRIDGE.md}): line-delimited JSON on its
 * standard input and output, its standard error kept as a tail for failure messages. It hosts any number of
 * {@link BridgedTransport}s.
 *
 * <p>Threads: a reader thread parses the adapter's lines; one dispatch thread calls the TCK's listeners of every
 * transport of this process, in sequence-number order, and acknowledges each event when its listeners returned. A
 * request made on the dispatch thread (a listener calling a transport method) carries the sequence number of the
 * event being dispatched, and waits by dispatching further events, so a listener's call never deadlocks.
 *
 * <p>Every request but {@code connect} is bounded by the request bound; a malformed or unknown line, an event out
 * of sequence, an adapter that exits or misses a bound fails the whole process with a {@link BridgeFailure} that
 * names the adapter's last standard-error lines, and every waiting call fails with it.
 */
public final class BridgeProcess implements AutoCloseable {

    /** The protocol version this TCK speaks. */
    public static final int PROTOCOL = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STDERR_LINES = 20;
    private static final Runnable WAKE = () -> { };

    private final String command;
    private final String shortCommand;
    private final Process process;
    private final Duration requestBound;
    private final Writer stdin;
    private final Object writeLock = new Object();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrReader;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    /** Requests that timed out while a TCK listener was running: their late responses are expected, not errors. */
    private final java.util.Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    /** The seq of the event whose listeners the dispatch thread is running, 0 when none. */
    private volatile long listenerRunning;
    /** When the dispatch thread last finished an event's listeners (System.nanoTime()). */
    private volatile long lastListenerEnd = System.nanoTime();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicInteger transportIds = new AtomicInteger();
    private final Map<String, BridgedTransport> transports = new ConcurrentHashMap<>();
    private final Map<Integer, ApiKey> suppliers = new ConcurrentHashMap<>();
    private final AtomicInteger supplierIds = new AtomicInteger();
    private final Map<Integer, Throwable> listenerFailures = new ConcurrentHashMap<>();
    private final AtomicInteger listenerFailureIds = new AtomicInteger();
    private final BlockingQueue<Runnable> dispatchQueue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;
    private final Deque<Long> dispatching = new ArrayDeque<>();
    private final CompletableFuture<Handshake> handshake = new CompletableFuture<>();
    private volatile String failure;
    private volatile boolean closing;
    /** Sees every protocol line in both directions (tests check them against the schema); null for none. */
    static volatile java.util.function.BiConsumer<String, String> tap;
    private long lastSeq;

    private BridgeProcess(List<String> command, Duration requestBound) throws IOException {
        this.command = String.join(" ", command);
        this.shortCommand = String.join(" ", command.stream()
                .map(w -> w.length() > 60 ? w.substring(0, 25) + "..." + w.substring(w.length() - 25) : w).toList());
        this.requestBound = requestBound;
        ProcessBuilder builder = new ProcessBuilder(command);
        this.process = builder.start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderrReader = daemon("tck-bridge-stderr", this::readStderr);
        this.dispatcher = daemon("tck-bridge-dispatch", this::dispatchLoop);
        daemon("tck-bridge-reader", this::readStdout);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Starts the adapter command and waits for its handshake.
     *
     * @param command the command and its arguments
     * @param requestBound how long any request (and, four times over, the handshake) may take
     * @throws BridgeFailure when the command does not start or no valid handshake arrives in time
     */
    public static BridgeProcess start(List<String> command, Duration requestBound) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(requestBound, "requestBound");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: empty adapter command");
        }
        BridgeProcess p;
        try {
            p = new BridgeProcess(List.copyOf(command), requestBound);
        } catch (IOException e) {
            throw new BridgeFailure("adapter `" + String.join(" ", command) + "` could not be started: " + e.getMessage(),
                    e);
        }
        p.awaitHandshake();
        return p;
    }

    private void awaitHandshake() {
        Duration bound = requestBound.multipliedBy(4);
        try {
            handshake.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("no handshake line within " + bound.toMillis() + " ms of starting");
            throw failureNow();
        } catch (ExecutionException e) {
            throw failureNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the handshake");
            throw failureNow();
        }
    }

    /** The adapter's handshake. */
    public Handshake handshake() {
        return handshake.getNow(null);
    }

    /** The adapter command with very long words (a class path) shortened, for messages and the report. */
    public String displayCommand() {
        return shortCommand;
    }

    /** The adapter command, as one line. */
    public String command() {
        return command;
    }

    /** Whether the process is usable (no failure, not closed). */
    public boolean isAlive() {
        return failure == null && !closing;
    }

    /** The failure message, or null while the bridge works. */
    public String failure() {
        return failure;
    }

    /** The request bound. */
    public Duration requestBound() {
        return requestBound;
    }

    /** The adapter's last lines on standard error (at most 20). */
    public List<String> stderrTail() {
        synchronized (stderrTail) {
            return new ArrayList<>(stderrTail);
        }
    }

    // ------------------------------------------------------------------------------------------ transports

    String newTransportId() {
        return "t" + transportIds.incrementAndGet();
    }

    void register(String id, BridgedTransport transport) {
        transports.put(id, transport);
    }

    int registerSupplier(ApiKey key) {
        int id = supplierIds.incrementAndGet();
        suppliers.put(id, key);
        return id;
    }

    Throwable listenerFailure(int ref) {
        return listenerFailures.get(ref);
    }

    // ------------------------------------------------------------------------------------------ requests

    /**
     * Sends a request and waits for its result (bounded).
     *
     * @return the result value (a JSON tree)
     * @throws RuntimeException the error the adapter reported, as the Java exception its {@code kind} names
     * @throws BridgeFailure when the bridge broke or the bound passed
     */
    Object call(String transport, String method, Map<String, Object> args) {
        Sent sent = send(transport, method, args);
        CompletableFuture<Object> f = sent.future();
        long deadline = System.nanoTime() + requestBound.toNanos();
        try {
            if (Thread.currentThread() == dispatcher) {
                pumpUntil(f, deadline);
            }
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (Thread.currentThread() != dispatcher
                    && (listenerRunning != 0 || lastListenerEnd - sent.sentNanos() > 0)) {
                return awaitHeldCall(sent, method);
            }
            fail("no response to request '" + method + "' within " + requestBound.toMillis() + " ms");
            throw failureNow();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the adapter's response to " + method, e);
        }
    }

    /**
     * A call that timed out while a TCK listener ran (or just after): a transport that runs calls and listeners on
     * one thread holds the call until the listener returns (J2 is a Java guarantee), which is not the adapter's fault.
     * Waits while a listener runs (at most four bounds) and one more bound after it returned: the late answer is the
     * call's result. Still no answer once no listener runs fails the bridge; a listener that never returns fails only
     * this call.
     */
    private Object awaitHeldCall(Sent sent, String method) {
        long limit = System.nanoTime() + requestBound.toNanos() * 4;
        while (System.nanoTime() < limit) {
            boolean listener = listenerRunning != 0;
            try {
                return sent.future().get(listener ? 50 : requestBound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the adapter's response to " + method, e);
            } catch (TimeoutException again) {
                if (!listener && listenerRunning == 0) {
                    fail("no response to request '" + method + "' within " + requestBound.toMillis() + " ms after the "
                            + "TCK listener that was running returned");
                    throw failureNow();
                }
            }
        }
        abandoned.add(sent.id());
        pending.remove(sent.id());
        throw new BridgeFailure("the adapter did not answer '" + method + "' while a TCK listener was still running "
                + "after " + requestBound.multipliedBy(5).toMillis() + " ms: its transport holds the call until the "
                + "listener returns");
    }

    /** Sends a request whose result arrives whenever the adapter has it (connect); fails when the bridge breaks. */
    CompletableFuture<Object> callAsync(String transport, String method, Map<String, Object> args) {
        CompletableFuture<Object> out = new CompletableFuture<>();
        send(transport, method, args).future().whenComplete((v, e) -> {
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(unwrapThrowable(e));
            }
        });
        return out;
    }

    private Throwable unwrapThrowable(Throwable cause) {
        if (cause instanceof Refused r) {
            return BridgeErrors.exception(r.error, this::listenerFailure);
        }
        if (cause instanceof BridgeFailure bf) {
            return new BridgeFailure(bf.getMessage(), bf);
        }
        return cause;
    }

    private RuntimeException unwrap(Throwable cause) {
        Throwable t = unwrapThrowable(cause);
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t);
    }

    private void pumpUntil(CompletableFuture<?> f, long deadline) throws InterruptedException {
        while (!f.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Runnable task = dispatchQueue.poll(left, TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    private Sent send(String transport, String method, Map<String, Object> args) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        if (!isAlive()) {
            f.completeExceptionally(failureNow());
            return new Sent(0, f, System.nanoTime());
        }
        long id = requestIds.incrementAndGet();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "request");
        request.put("id", id);
        request.put("transport", transport);
        request.put("method", method);
        request.put("args", args == null ? Map.of() : args);
        if (Thread.currentThread() == dispatcher && !dispatching.isEmpty()) {
            request.put("during", dispatching.peek());
        }
        pending.put(id, f);
        write(request);
        return new Sent(id, f, System.nanoTime());
    }

    private void write(Map<String, Object> message) {
        String line;
        try {
            line = JSON.writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
        java.util.function.BiConsumer<String, String> t = tap;
        if (t != null) {
            t.accept("tck", line);
        }
        synchronized (writeLock) {
            try {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                if (!closing) {
                    fail("writing to the adapter's standard input failed (" + e.getMessage() + ")");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ reading

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && failure == null) {
                handleLine(line);
            }
        } catch (IOException e) {
            if (!closing) {
                fail("reading the adapter's standard output failed (" + e.getMessage() + ")");
            }
            return;
        }
        if (!closing && failure == null) {
            String code = "";
            try {
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    code = " with exit code " + process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fail("the adapter exited" + code + " (its standard output ended)");
        }
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line.length() > 500 ? line.substring(0, 500) + "..." : line);
                }
            }
        } catch (IOException e) {
            // the process ended; the tail keeps what was read
        }
    }

    private void handleLine(String line) {
        java.util.function.BiConsumer<String, String> t = tap;
        if (t != null) {
            t.accept("adapter", line);
        }
        Map<String, Object> m;
        try {
            Object value = JSON.readValue(line, Object.class);
            m = BridgeCodec.asObject(value, "line");
        } catch (JacksonException | IllegalArgumentException e) {
            fail("malformed line from the adapter (not a JSON object): " + cut(line));
            return;
        }
        Object kind = m.get("kind");
        if (!handshake.isDone()) {
            if (!"handshake".equals(kind)) {
                fail("the first line must be the handshake, got: " + cut(line));
                return;
            }
            try {
                Handshake h = Handshake.parse(m);
                if (h.protocol() != PROTOCOL) {
                    fail("the adapter speaks bridge protocol " + h.protocol() + "; this TCK speaks " + PROTOCOL);
                    return;
                }
                handshake.complete(h);
            } catch (RuntimeException e) {
                fail("invalid handshake (" + e.getMessage() + "): " + cut(line));
            }
            return;
        }
        try {
            if ("response".equals(kind)) {
                onResponse(m, line);
            } else if ("event".equals(kind)) {
                onEvent(m, line);
            } else if ("apiKey".equals(kind)) {
                onApiKey(m, line);
            } else {
                fail("unknown message kind " + (kind == null ? "(none)" : "'" + kind + "'") + ": " + cut(line));
            }
        } catch (RuntimeException e) {
            fail("invalid " + kind + " message (" + e.getMessage() + "): " + cut(line));
        }
    }

    private void onResponse(Map<String, Object> m, String line) {
        if (!(m.get("id") instanceof Number id)) {
            throw new IllegalArgumentException("id: expected a number");
        }
        CompletableFuture<Object> f = pending.remove(id.longValue());
        if (f == null && abandoned.remove(id.longValue())) {
            return;
        }
        if (f == null) {
            fail("a response to an unknown request id " + id + ": " + cut(line));
            return;
        }
        if (m.get("error") != null) {
            f.completeExceptionally(new Refused(BridgeCodec.asObject(m.get("error"), "error")));
        } else {
            f.complete(m.get("result"));
        }
        dispatchQueue.offer(WAKE);
    }

    private void onEvent(Map<String, Object> m, String line) {
        if (!(m.get("seq") instanceof Number seq)) {
            throw new IllegalArgumentException("seq: expected a number");
        }
        if (seq.longValue() != lastSeq + 1) {
            fail("event out of sequence: expected seq " + (lastSeq + 1) + ", got " + seq + ": " + cut(line));
            return;
        }
        lastSeq = seq.longValue();
        BridgedTransport t = transports.get(String.valueOf(m.get("transport")));
        if (t == null) {
            fail("an event for an unknown transport " + m.get("transport") + ": " + cut(line));
            return;
        }
        boolean server = m.containsKey("serverEvent");
        Object name = server ? m.get("serverEvent") : m.get("event");
        if (!(name instanceof String eventName)) {
            throw new IllegalArgumentException("event: expected a string 'event' or 'serverEvent'");
        }
        Object payload = m.get("payload");
        long s = seq.longValue();
        dispatchQueue.offer(() -> {
            dispatching.push(s);
            long outer = listenerRunning;
            listenerRunning = s;
            Throwable thrown;
            try {
                thrown = t.dispatch(server, eventName, payload);
            } catch (RuntimeException e) {
                fail("event " + s + " could not be dispatched (" + e.getMessage() + ")");
                return;
            } finally {
                listenerRunning = outer;
                lastListenerEnd = System.nanoTime();
                dispatching.pop();
            }
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("kind", "ack");
            ack.put("seq", s);
            if (thrown != null) {
                int ref = listenerFailureIds.incrementAndGet();
                listenerFailures.put(ref, thrown);
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("type", thrown.getClass().getName());
                error.put("message", thrown.getMessage() == null ? "" : thrown.getMessage());
                error.put("ref", ref);
                ack.put("thrown", error);
            } else {
                ack.put("thrown", null);
            }
            write(ack);
        });
    }

    private void onApiKey(Map<String, Object> m, String line) {
        if (!(m.get("id") instanceof Number id) || !(m.get("supplier") instanceof Number supplier)) {
            throw new IllegalArgumentException("id and supplier: expected numbers");
        }
        ApiKey key = suppliers.get(supplier.intValue());
        if (key == null) {
            fail("an apiKey request for an unknown supplier " + supplier + ": " + cut(line));
            return;
        }
        CompletableFuture.runAsync(() -> {
            CompletableFuture<String> resolved;
            try {
                resolved = key.resolve().toCompletableFuture();
            } catch (RuntimeException e) {
                resolved = CompletableFuture.failedFuture(e);
            }
            resolved.whenComplete((value, error) -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("kind", "apiKeyResult");
                answer.put("id", id.longValue());
                if (error == null) {
                    answer.put("key", value);
                } else {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    Map<String, Object> described = new LinkedHashMap<>();
                    described.put("type", cause.getClass().getName());
                    described.put("message", cause.getMessage() == null ? "" : cause.getMessage());
                    answer.put("error", described);
                }
                if (isAlive()) {
                    write(answer);
                }
            });
        });
    }

    private void dispatchLoop() {
        while (true) {
            Runnable task;
            try {
                task = dispatchQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                fail("dispatch failed: " + e);
            }
            if (failure != null && dispatchQueue.isEmpty() && closing) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ failure

    /** Fails the bridge: every waiting and later call fails with a {@link BridgeFailure} naming {@code reason}. */
    void fail(String reason) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            if (!process.isAlive()) {
                try {
                    stderrReader.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            failure = describe(reason);
        }
        BridgeFailure bf = new BridgeFailure(failure);
        handshake.completeExceptionally(bf);
        for (Long id : new ArrayList<>(pending.keySet())) {
            CompletableFuture<Object> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(bf);
            }
        }
        dispatchQueue.offer(WAKE);
        process.destroy();
    }

    private String describe(String reason) {
        StringBuilder out = new StringBuilder("bridge to adapter `").append(shortCommand).append("` (pid ")
                .append(process.pid()).append("): ").append(reason).append('.');
        List<String> tail = stderrTail();
        if (tail.isEmpty()) {
            out.append(" The adapter wrote nothing to standard error.");
        } else {
            out.append(" Last ").append(tail.size()).append(" line(s) the adapter wrote to standard error:");
            tail.forEach(l -> out.append("\n  ").append(l));
        }
        return out.toString();
    }

    private BridgeFailure failureNow() {
        String f = failure;
        return new BridgeFailure(f != null ? f : "bridge to adapter `" + shortCommand + "` is closed");
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Closes the adapter's standard input (the adapter then exits) and ends the process. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            synchronized (writeLock) {
                stdin.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (failure == null) {
            failure = "bridge to adapter `" + shortCommand + "` was closed";
        }
        BridgeFailure bf = new BridgeFailure(failure);
        pending.values().forEach(f -> f.completeExceptionally(bf));
        pending.clear();
        dispatcher.interrupt();
    }

    /** A request on its way: its id and the future of its result. */
    private record Sent(long id, CompletableFuture<Object> future, long sentNanos) {
    }

    /** An error the adapter returned for a request (converted to a Java exception by the caller). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Object> error;

        Refused(Map<String, Object> error) {
            super(String.valueOf(error.get("message")), null, false, false);
            this.error = error;
        }
    }
}
