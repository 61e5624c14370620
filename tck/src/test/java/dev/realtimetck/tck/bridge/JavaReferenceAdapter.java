package dev.realtimetck.tck.bridge;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.tck.TckTransportSettings;
import dev.realtimetck.tck.example.ExampleTransportTckTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bridge adapter written in Java: wraps the reference transport and speaks the bridge protocol on standard input
 * and output (started by the TCK's own tests as a child {@code java} process). Options:
 * <ul>
 *   <li>{@code --break=Name}: wraps every transport in the broken decorator {@code BrokenTransports.Name};</li>
 *   <li>{@code --test-hooks}: a {@code sendEvent} of type {@code bridge-test.<mode>} makes the adapter misbehave
 *       ({@code malformed}, {@code unknown}, {@code exit}, {@code silent}, {@code badseq});</li>
 *   <li>{@code --handshake=none|protocol2}: no handshake (silent), or one of protocol 2;</li>
 *   <li>{@code --stderr=TEXT}: writes TEXT to standard error at start;</li>
 *   <li>{@code --one-thread}: holds every request without {@code during} while an event waits for its ack, as a
 *       single-threaded transport would (only the listener's own calls run).</li>
 * </ul>
 */
public final class JavaReferenceAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final Object outLock = new Object();
    // one thread, so requests run in the order they arrive (a connect is answered later, when it completes)
    private final ExecutorService requests = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "adapter-request");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, RealtimeTransportLayer> transports = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Per event being forwarded: its ack and the requests TCK listeners make while handling it. */
    private final Map<Long, BlockingQueue<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<String>> keys = new ConcurrentHashMap<>();
    private final AtomicLong keyIds = new AtomicLong();
    private long seq;
    private final String broken;
    private final boolean testHooks;
    private boolean oneThread;
    private final List<Map<String, Object>> held = new ArrayList<>();

    private JavaReferenceAdapter(PrintStream out, String broken, boolean testHooks) {
        this.out = out;
        this.broken = broken;
        this.testHooks = testHooks;
    }

    /** Runs the adapter until standard input ends. */
    public static void main(String[] args) throws Exception {
        String broken = null;
        boolean hooks = false;
        boolean oneThread = false;
        String handshake = "normal";
        for (String a : args) {
            if (a.startsWith("--break=")) {
                broken = a.substring("--break=".length());
            } else if (a.equals("--test-hooks")) {
                hooks = true;
            } else if (a.startsWith("--handshake=")) {
                handshake = a.substring("--handshake=".length());
            } else if (a.equals("--one-thread")) {
                oneThread = true;
            } else if (a.startsWith("--stderr=")) {
                System.err.println(a.substring("--stderr=".length()));
            } else {
                System.err.println("JavaReferenceAdapter: unknown option " + a);
                System.exit(2);
            }
        }
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but protocol lines on standard output
        JavaReferenceAdapter adapter = new JavaReferenceAdapter(stdout, broken, hooks);
        adapter.oneThread = oneThread;
        if (!handshake.equals("none")) {
            adapter.handshake(handshake.equals("protocol2") ? 2 : BridgeProcess.PROTOCOL);
        }
        adapter.run();
    }

    private void handshake(int protocol) {
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("muting", false);
        caps.put("responseSequencing", true);
        caps.put("wallClockTruncation", true);
        caps.put("connectTimeout", true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "handshake");
        m.put("protocol", protocol);
        m.put("adapter", Map.of("name", "java-reference-adapter" + (broken == null ? "" : " (broken: " + broken + ")"),
                "version", "0.1.0"));
        m.put("transport", Map.of("name", "dev.realtimetck.referencetransport.RealtimeWebSocketTransport",
                "version", "0.1.0-SNAPSHOT"));
        m.put("capabilities", caps);
        write(m);
    }

    private void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Map<String, Object> m = BridgeCodec.asObject(JSON.readValue(line, Object.class), "line");
            switch (String.valueOf(m.get("kind"))) {
                case "request" -> {
                    BlockingQueue<Map<String, Object>> during = m.get("during") instanceof Number n
                            ? waiting.get(n.longValue()) : null;
                    if (during != null) {
                        during.add(m); // run by the thread that forwards that event, as a nested call would
                    } else if (oneThread) {
                        synchronized (held) {
                            if (waiting.isEmpty()) {
                                requests.execute(() -> handle(m));
                            } else {
                                held.add(m);
                            }
                        }
                    } else {
                        requests.execute(() -> handle(m));
                    }
                }
                case "ack" -> {
                    BlockingQueue<Map<String, Object>> q = waiting.get(((Number) m.get("seq")).longValue());
                    if (q != null) {
                        q.add(m);
                    }
                }
                case "apiKeyResult" -> {
                    CompletableFuture<String> f = keys.remove(((Number) m.get("id")).longValue());
                    if (f != null) {
                        if (m.get("error") != null) {
                            f.completeExceptionally(new IllegalStateException(String.valueOf(
                                    BridgeCodec.asObject(m.get("error"), "error").get("message"))));
                        } else {
                            f.complete((String) m.get("key"));
                        }
                    }
                }
                default -> System.err.println("JavaReferenceAdapter: ignoring a message of unknown kind " + m.get("kind"));
            }
        }
        transports.values().forEach(RealtimeTransportLayer::close);
        System.exit(0);
    }

    private void handle(Map<String, Object> request) {
        Object id = request.get("id");
        String transportId = String.valueOf(request.get("transport"));
        String method = String.valueOf(request.get("method"));
        Map<String, Object> args = BridgeCodec.asObject(request.get("args"), "args");
        try {
            if (method.equals("connect")) {
                transport(transportId).connect(connectOptions(transportId, BridgeCodec.asObject(args.get("options"),
                        "options"))).whenComplete((v, e) -> respond(id, null, e));
                return;
            }
            respond(id, invoke(transportId, method, args), null);
        } catch (Throwable e) {
            respond(id, null, e);
        }
    }

    private Object invoke(String id, String method, Map<String, Object> args) {
        if (method.equals("create")) {
            Map<String, Object> s = BridgeCodec.asObject(args.get("settings"), "settings");
            TckTransportSettings settings = new TckTransportSettings(URI.create((String) s.get("url")),
                    (String) s.get("apiKey"), Duration.ofMillis(((Number) s.get("signalTimeoutMs")).longValue()));
            transports.put(id, wrap(ExampleTransportTckTest.referenceTransport(settings)));
            return null;
        }
        RealtimeTransportLayer t = transport(id);
        switch (method) {
            case "status" -> {
                return t.status().wireValue();
            }
            case "muted" -> {
                MuteState m = t.muted();
                return m == MuteState.NOT_HANDLED ? null : m == MuteState.MUTED;
            }
            case "sendEvent" -> {
                RealtimeClientMessage event = RealtimeClientMessage.of(BridgeCodec.asObject(args.get("event"), "event"));
                if (testHooks && event.type().startsWith("bridge-test.")) {
                    misbehave(event.type().substring("bridge-test.".length()), id);
                }
                t.sendEvent(event);
            }
            case "requestResponse" -> {
                if (args.containsKey("response")) {
                    t.requestResponse(BridgeCodec.asObject(args.get("response"), "response"));
                } else {
                    t.requestResponse();
                }
            }
            case "sendMessage" -> t.sendMessage(BridgeCodec.userInput(args.get("message")),
                    BridgeCodec.asObject(args.get("otherEventData"), "otherEventData"),
                    new SendMessageOptions(trigger(args)));
            case "addImage" -> t.addImage((String) args.get("image"), trigger(args));
            case "sendAudio" -> t.sendAudio(ByteBuffer.wrap(Base64.getDecoder().decode((String) args.get("audio"))),
                    Boolean.TRUE.equals(BridgeCodec.asObject(args.get("options"), "options").get("commit")));
            case "updateSessionConfig" -> t.updateSessionConfig(BridgeCodec.sessionConfig(
                    BridgeCodec.asObject(args.get("config"), "config")));
            case "close" -> t.close();
            case "mute" -> t.mute(Boolean.TRUE.equals(args.get("muted")));
            case "sendFunctionCallOutput" -> t.sendFunctionCallOutput(BridgeCodec.toolCall(
                    BridgeCodec.asObject(args.get("toolCall"), "toolCall")), (String) args.get("output"),
                    Boolean.TRUE.equals(args.get("startResponse")));
            case "interrupt" -> t.interrupt();
            case "resetHistory" -> t.resetHistory(items(args.get("oldHistory")), items(args.get("newHistory")));
            case "sendMcpResponse" -> t.sendMcpResponse((RealtimeItem.McpApprovalRequest) BridgeCodec.item(
                    BridgeCodec.asObject(args.get("approvalRequest"), "approvalRequest")),
                    Boolean.TRUE.equals(args.get("approved")), (String) args.get("reason"));
            case "subscribe" -> subscribe(id, t, args);
            case "unsubscribe" -> {
                Subscription s = subscriptions.remove(id + "/" + subscriptionKey(args));
                if (s != null) {
                    s.remove();
                }
            }
            default -> throw new IllegalArgumentException("method: unknown method '" + method + "'");
        }
        return null;
    }

    private static boolean trigger(Map<String, Object> args) {
        Object options = args.get("options");
        return !(options instanceof Map<?, ?> o) || !Boolean.FALSE.equals(o.get("triggerResponse"));
    }

    private static List<RealtimeItem> items(Object raw) {
        List<RealtimeItem> out = new ArrayList<>();
        for (Object o : (List<?>) raw) {
            out.add(BridgeCodec.item(BridgeCodec.asObject(o, "item")));
        }
        return out;
    }

    private RealtimeTransportLayer transport(String id) {
        RealtimeTransportLayer t = transports.get(id);
        if (t == null) {
            throw new IllegalArgumentException("transport: unknown transport '" + id + "'");
        }
        return t;
    }

    private RealtimeTransportLayer wrap(RealtimeTransportLayer reference) {
        if (broken == null) {
            return reference;
        }
        try {
            Class<?> c = Class.forName("dev.realtimetck.tck.broken.BrokenTransports$" + broken);
            Constructor<?> ctor = c.getConstructor(RealtimeTransportLayer.class);
            return (RealtimeTransportLayer) ctor.newInstance(reference);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("--break: no broken transport " + broken, e);
        }
    }

    private RealtimeTransportConnectOptions connectOptions(String transportId, Map<String, Object> o) {
        RealtimeTransportConnectOptions.Builder b = RealtimeTransportConnectOptions.builder()
                .model((String) o.get("model")).callId((String) o.get("callId"));
        if (o.get("url") instanceof String url) {
            b.url(URI.create(url));
        }
        if (o.get("apiKey") instanceof String key) {
            b.apiKey(key);
        } else if (o.get("apiKey") instanceof Map<?, ?> supplier) {
            Number supplierId = (Number) supplier.get("supplier");
            b.apiKey(ApiKey.fromSupplier(() -> askKey(transportId, supplierId)));
        }
        if (o.get("initialSessionConfig") != null) {
            b.initialSessionConfig(BridgeCodec.sessionConfig(BridgeCodec.asObject(o.get("initialSessionConfig"),
                    "initialSessionConfig")));
        }
        return b.build();
    }

    private CompletableFuture<String> askKey(String transportId, Number supplierId) {
        long id = keyIds.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        keys.put(id, f);
        write(Map.of("kind", "apiKey", "id", id, "transport", transportId, "supplier", supplierId));
        return f;
    }

    private static String subscriptionKey(Map<String, Object> args) {
        return args.containsKey("serverEvent") ? "server:" + args.get("serverEvent") : "event:" + args.get("event");
    }

    private void subscribe(String id, RealtimeTransportLayer t, Map<String, Object> args) {
        String key = id + "/" + subscriptionKey(args);
        if (subscriptions.containsKey(key)) {
            return;
        }
        Subscription s;
        if (args.get("serverEvent") instanceof String type) {
            s = t.onServerEvent(type, e -> forward(id, "serverEvent", type, e));
        } else {
            String name = String.valueOf(args.get("event"));
            if (name.equals("*")) {
                s = t.onAny(e -> forward(id, "event", "*", e));
            } else {
                TransportEventType<?> type = TransportEventType.named(name);
                s = t.on(type, (Consumer<Object>) e -> forward(id, "event", name, e));
            }
        }
        subscriptions.put(key, s);
    }

    /** Pushes one event and waits for the TCK's acknowledgement; rethrows what a TCK listener threw. */
    private void forward(String transportId, String nameKey, String name, Object payload) {
        BlockingQueue<Map<String, Object>> mailbox = new LinkedBlockingQueue<>();
        long s;
        synchronized (outLock) {
            s = ++seq;
            waiting.put(s, mailbox);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "event");
            m.put("seq", s);
            m.put("transport", transportId);
            m.put(nameKey, name);
            Object encoded = BridgeCodec.eventPayload(name, payload);
            if (encoded != null) {
                m.put("payload", encoded);
            }
            writeLocked(m);
        }
        Map<String, Object> thrown;
        try {
            while (true) {
                Map<String, Object> next = mailbox.poll(60, TimeUnit.SECONDS);
                if (next == null) {
                    System.err.println("JavaReferenceAdapter: no ack for event " + s + " within 60 s");
                    return;
                }
                if ("ack".equals(next.get("kind"))) {
                    thrown = next.get("thrown") == null ? Map.of() : BridgeCodec.asObject(next.get("thrown"), "thrown");
                    break;
                }
                handle(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            synchronized (held) {
                waiting.remove(s);
                if (waiting.isEmpty()) {
                    held.forEach(m -> requests.execute(() -> handle(m)));
                    held.clear();
                }
            }
        }
        if (thrown.get("ref") instanceof Number ref) {
            throw new BridgeErrors.ListenerFailure(String.valueOf(thrown.get("type")),
                    String.valueOf(thrown.get("message")), ref.intValue());
        }
    }

    private void misbehave(String mode, String transportId) {
        synchronized (outLock) {
            switch (mode) {
                case "malformed" -> out.println("{this is not JSON");
                case "unknown" -> out.println("{\"kind\":\"gossip\",\"note\":\"not a protocol message\"}");
                case "badseq" -> {
                    seq += 5;
                    out.println("{\"kind\":\"event\",\"seq\":" + seq + ",\"transport\":\"" + transportId
                            + "\",\"event\":\"audio_done\"}");
                }
                case "exit" -> {
                    System.err.println("JavaReferenceAdapter: exiting on purpose (bridge-test.exit)");
                    System.err.flush();
                    Runtime.getRuntime().halt(3);
                }
                case "silent" -> {
                    System.err.println("JavaReferenceAdapter: going silent on purpose (bridge-test.silent)");
                    System.err.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> System.err.println("JavaReferenceAdapter: unknown test hook " + mode);
            }
            out.flush();
        }
    }

    private void respond(Object id, Object result, Throwable error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "response");
        m.put("id", id);
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            m.put("error", BridgeErrors.describe(cause));
        } else {
            m.put("result", result);
        }
        write(m);
    }

    private void write(Map<String, Object> m) {
        synchronized (outLock) {
            writeLocked(m);
        }
    }

    private void writeLocked(Map<String, Object> m) {
        out.println(JSON.writeValueAsString(m));
        out.flush();
    }
}
