package dev.realtimetck.tck;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.ValidationMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-test fixture of a TCK test (a JUnit parameter of every rule test): the mock server of this test, the
 * transport under test with an {@link EventRecorder} on every event, the {@link Wire} of the current connection,
 * and the timing. Everything is created lazily and closed after the test.
 */
public final class TckHarness implements AutoCloseable {

    /** The API key the TCK's mock server accepts. */
    public static final String API_KEY = "sk-tck-conformance-key";
    /** The model the TCK connects with. */
    public static final String MODEL = "tck-model";

    private final TransportUnderTest subject;
    private final TckTiming timing;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private MockRealtimeServer server;
    private SessionBehaviorFactory behaviors = SessionBehaviorFactory.silent();
    private RealtimeTransportLayer transport;
    private EventRecorder events;
    private Wire wire;
    private Capability unsupportedCapability;
    private String unsupportedNote;

    TckHarness(TransportUnderTest subject, TckTiming timing) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** The timing in force. */
    public TckTiming timing() {
        return timing;
    }

    /** The capabilities the implementer declared. */
    public TransportCapabilities capabilities() {
        return subject.capabilities();
    }

    /** Extra report header entries the implementer gives. */
    java.util.Map<String, String> reportHeader() {
        return subject.reportHeader();
    }

    /** The implementer's test class name. */
    public String implementationName() {
        return subject.getClass().getName();
    }

    /**
     * Chooses how the mock server's sessions behave (before the server starts): the default is silent, so that
     * the test scripts every server event.
     */
    public void behaviors(SessionBehaviorFactory factory) {
        if (server != null) {
            throw new IllegalStateException("the mock server already started; choose its behaviour first");
        }
        behaviors = Objects.requireNonNull(factory, "factory");
    }

    /** The mock server of this test (started on first use, 127.0.0.1, ephemeral port, checks the API key). */
    public synchronized MockRealtimeServer server() {
        if (server == null) {
            server = MockRealtimeServer.builder().apiKey(API_KEY).validation(ValidationMode.WARN)
                    .behaviorFactory(behaviors).start();
        }
        return server;
    }

    /** The settings handed to the factory. */
    public TckTransportSettings settings() {
        return new TckTransportSettings(server().realtimeUrl(), API_KEY, timing.signalTimeout());
    }

    /** The transport under test (created on first use, with the recorder attached). */
    public synchronized RealtimeTransportLayer transport() {
        if (transport == null) {
            transport = create(settings());
        }
        return transport;
    }

    /** A transport built with other settings (for example without a key); closed after the test. */
    public RealtimeTransportLayer transport(TckTransportSettings settings) {
        return create(settings);
    }

    /** A transport without any TCK listener (no recorder, so no error listener); closed after the test. */
    public RealtimeTransportLayer bareTransport() {
        RealtimeTransportLayer created = subject.createTransport(settings());
        if (created == null) {
            throw new IllegalStateException(subject.getClass().getName() + ".createTransport returned null");
        }
        closeables.add(created);
        return created;
    }

    private RealtimeTransportLayer create(TckTransportSettings settings) {
        RealtimeTransportLayer created = subject.createTransport(settings);
        if (created == null) {
            throw new IllegalStateException(subject.getClass().getName() + ".createTransport returned null");
        }
        closeables.add(created);
        if (events == null) {
            events = new EventRecorder(timing);
        }
        events.attach(created);
        return created;
    }

    /** The recorder of everything the transport emitted. */
    public synchronized EventRecorder events() {
        transport();
        return events;
    }

    /** Connect options pointing at this test's mock server with its key and the TCK model. */
    public RealtimeTransportConnectOptions options() {
        return optionsBuilder().model(MODEL).build();
    }

    /** A builder of connect options pointing at this test's mock server with its key, and nothing else set. */
    public RealtimeTransportConnectOptions.Builder optionsBuilder() {
        return RealtimeTransportConnectOptions.builder().apiKey(API_KEY).url(server().realtimeUrl());
    }

    /**
     * Connects the transport, waits for the mock session and for the initial {@code session.update}.
     *
     * @return the wire of the new connection
     */
    public Wire connect() {
        return connect(options());
    }

    /**
     * Connects the transport with these options, waits for the mock session and for the initial
     * {@code session.update}.
     *
     * @return the wire of the new connection
     */
    public Wire connect(RealtimeTransportConnectOptions options) {
        RealtimeTransportLayer t = transport();
        await(t.connect(options), "connect() to complete against the TCK mock server");
        return attachSession();
    }

    /** The initial {@code session.update} of the current wire (the first client event of the connection). */
    public ObjectNode initialSessionUpdate() {
        return wire().clientEvents().get(0);
    }

    /** Waits for the next mock session and makes it the current wire, consuming its initial session.update. */
    public Wire attachSession() {
        MockSession session;
        try {
            session = server().awaitSession(timing.signalTimeout());
        } catch (AssertionError e) {
            throw new TckViolation("a WebSocket session on the mock server", "none: " + e.getMessage(), List.of());
        }
        wire = new Wire(session, timing);
        wire.await("session.update");
        return wire;
    }

    /** The wire of the current connection. */
    public Wire wire() {
        if (wire == null) {
            throw new IllegalStateException("not connected yet: call connect() first");
        }
        return wire;
    }

    /** The frames of the current mock session, for failure messages (empty when there is none). */
    public List<Frame> wireLog() {
        Wire current = wire;
        if (current != null) {
            return current.session().frames();
        }
        MockRealtimeServer s = server;
        if (s != null && !s.sessions().isEmpty()) {
            return s.sessions().get(s.sessions().size() - 1).frames();
        }
        return List.of();
    }

    /** A loopback server that accepts TCP connections and never answers; closed after the test. */
    public NeverAnsweringServer neverAnsweringServer() {
        NeverAnsweringServer s = new NeverAnsweringServer();
        closeables.add(s);
        return s;
    }

    /**
     * A loopback server that opens the WebSocket, waits for the client's first frame and then sends a frame with a
     * reserved opcode, a protocol violation the client must fail the connection on (closed when the test ends).
     */
    public URI protocolViolatingServerUrl() {
        ProtocolViolatingServer s = new ProtocolViolatingServer();
        closeables.add(s);
        return s.url();
    }

    /**
     * A loopback server that opens the WebSocket, sends one complete event and, on {@code resetMidFrame()}, half
     * of the next frame followed by a TCP reset (closed when the test ends).
     */
    MidFrameResetServer midFrameResetServer() {
        MidFrameResetServer s = new MidFrameResetServer();
        closeables.add(s);
        return s;
    }

    /** A loopback TCP server that closes every connection as soon as it accepts it (closed when the test ends). */
    public NeverAnsweringServer hangingUpServer() {
        NeverAnsweringServer s = new NeverAnsweringServer(true);
        closeables.add(s);
        return s;
    }

    /** Records that the test checked the documented behaviour of an absent capability. */
    public void unsupported(Capability capability, String note) {
        unsupportedCapability = Objects.requireNonNull(capability, "capability");
        unsupportedNote = note;
    }

    Capability unsupportedCapability() {
        return unsupportedCapability;
    }

    String unsupportedNote() {
        return unsupportedNote;
    }

    /**
     * Waits for a stage to complete normally.
     *
     * @throws TckViolation when it fails or does not complete within the signal timeout
     */
    public <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(timing.signalTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new TckViolation(what, "it failed with " + e.getCause(), List.of());
        } catch (TimeoutException e) {
            throw new TckViolation(what + " within " + timing.signalTimeout().toMillis() + " ms",
                    "it did not complete; status " + statusOf(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits for a stage to complete exceptionally.
     *
     * @return the cause
     * @throws TckViolation when it succeeds or does not complete within {@code timeout}
     */
    public Throwable awaitFailure(CompletionStage<?> stage, String what, Duration timeout) {
        try {
            stage.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new TckViolation(what + " within " + timeout.toMillis() + " ms", "it did not complete", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
        throw new TckViolation(what, "it completed successfully", List.of());
    }

    /** Waits (polling, bounded by the signal timeout) until a condition holds. */
    public void awaitCondition(Supplier<Boolean> condition, String what, Supplier<String> actual) {
        long deadline = System.nanoTime() + timing.signalTimeout().toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                throw new TckViolation(what + " within " + timing.signalTimeout().toMillis() + " ms", actual.get(),
                        List.of());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waits until the transport reports this status. */
    public void awaitStatus(RealtimeTransportLayer t, ConnectionStatus status) {
        awaitCondition(() -> t.status() == status, "status " + status, () -> "status " + t.status());
    }

    private String statusOf() {
        RealtimeTransportLayer t = transport;
        return t == null ? "(no transport)" : String.valueOf(t.status());
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(closeables);
        closeables.clear();
        for (AutoCloseable c : all) {
            // bounded: a transport whose close() hangs must not hang the TCK run
            Thread closer = new Thread(() -> {
                try {
                    c.close();
                } catch (Exception | LinkageError ignored) {
                    // the test result is already decided; a failing close must not hide it
                }
            }, "tck-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(timing.signalTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        MockRealtimeServer s = server;
        if (s != null) {
            s.close();
        }
    }
}
