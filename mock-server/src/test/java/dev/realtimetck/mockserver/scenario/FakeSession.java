package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.core.IdGenerator;
import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory {@link SessionContext} with a virtual clock: scheduled tasks run only when the test advances
 * time, on the test thread, in due order. Records every frame the behaviour produces.
 */
public final class FakeSession implements SessionContext {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One frame the behaviour produced, with the virtual time it was produced at. */
    public record Frame(long atMillis, String kind, JsonNode event, String text, byte[] data) {
    }

    private record Task(long due, long seq, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final AtomicInteger idCounter = new AtomicInteger();
    private final List<Frame> frames = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final SessionBehavior behavior;
    private long nowMillis;
    private long seq;
    private boolean open = true;
    private Integer closeCode;
    private String closeReason;
    private boolean dropped;

    public FakeSession(SessionBehavior behavior) {
        this.behavior = behavior;
    }

    /** Opens the session and runs everything due at time zero. */
    public FakeSession open() {
        behavior.onOpen(this);
        runDue();
        return this;
    }

    /** Delivers a client event (JSON text) and runs whatever became due now. */
    public FakeSession client(String json) {
        if (open) {
            behavior.onClientEvent(this, (ObjectNode) JSON.readTree(json));
            runDue();
        }
        return this;
    }

    /** Moves the virtual clock forward, running tasks as they fall due. */
    public FakeSession advance(Duration by) {
        long target = nowMillis + by.toMillis();
        while (!tasks.isEmpty() && tasks.peek().due <= target) {
            Task t = tasks.poll();
            nowMillis = Math.max(nowMillis, t.due);
            if (open) {
                t.run.run();
            }
        }
        nowMillis = target;
        return this;
    }

    /** Runs every scheduled task, however far in the future. */
    public FakeSession runAll() {
        while (!tasks.isEmpty()) {
            Task t = tasks.poll();
            nowMillis = Math.max(nowMillis, t.due);
            if (open) {
                t.run.run();
            }
        }
        return this;
    }

    private void runDue() {
        advance(Duration.ZERO);
    }

    /** The client closes the connection. */
    public void clientClose() {
        end();
    }

    public List<Frame> frames() {
        return frames;
    }

    public List<JsonNode> events() {
        return frames.stream().filter(f -> f.kind.equals("event")).map(Frame::event).toList();
    }

    public List<String> types() {
        return events().stream().map(e -> e.path("type").asString()).toList();
    }

    public List<String> problems() {
        return problems;
    }

    public Integer closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean dropped() {
        return dropped;
    }

    public long now() {
        return nowMillis;
    }

    public int pendingTasks() {
        return tasks.size();
    }

    @Override
    public String id() {
        return "sess_test";
    }

    @Override
    public Optional<String> model() {
        return Optional.empty();
    }

    @Override
    public Optional<String> callId() {
        return Optional.empty();
    }

    @Override
    public IdGenerator ids() {
        return prefix -> prefix + "_" + idCounter.incrementAndGet();
    }

    @Override
    public void send(ObjectNode event) {
        if (open) {
            frames.add(new Frame(nowMillis, "event", event, null, null));
        }
    }

    @Override
    public void sendRawText(String text) {
        if (open) {
            frames.add(new Frame(nowMillis, "text", null, text, null));
        }
    }

    @Override
    public void sendBinary(byte[] data) {
        if (open) {
            frames.add(new Frame(nowMillis, "binary", null, null, data.clone()));
        }
    }

    @Override
    public void close(int code, String reason) {
        if (open) {
            closeCode = code;
            closeReason = reason;
            end();
        }
    }

    @Override
    public void drop() {
        if (open) {
            dropped = true;
            end();
        }
    }

    private void end() {
        if (open) {
            open = false;
            behavior.onClose(this);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        tasks.add(new Task(nowMillis + delay.toMillis(), seq++, task));
        return new CompletableFuture<>();
    }

    @Override
    public void reportProblem(String problem) {
        problems.add(problem);
    }
}
