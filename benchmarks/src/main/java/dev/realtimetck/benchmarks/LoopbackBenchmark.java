package dev.realtimetck.benchmarks;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.ValidationMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * End to end over a real WebSocket on 127.0.0.1: the mock server pushes the spoken-response corpus (one turn,
 * 110 frames) to the target's transport ({@link #transportStream}) and to a bare JDK WebSocket client that only
 * assembles messages ({@link #bareClientStream}); one operation is one whole turn, until the transport's
 * {@code turn_done} listener runs (the bare client: until the last frame arrives). The round trip from
 * {@code sendEvent} to the listener that sees the server's one-frame answer is sampled in
 * {@link #transportRoundTrip} and {@link #bareClientRoundTrip} (p50/p99).
 */
@State(Scope.Thread)
public class LoopbackBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String API_KEY = "sk-benchmark";

    /** The corpus file the server streams, without {@code .jsonl}. */
    @Param("response-audio")
    public String corpus;

    /** The {@link BenchmarkTarget} class. */
    @Param(BenchmarkTargets.DEFAULT)
    public String factory;

    /** The corpus directory; empty: {@code -Dcorpus.dir}, else {@code ../shared/corpus} from the repository root. */
    @Param("")
    public String corpusDir;

    private Corpus frames;
    private MockRealtimeServer server;
    private RealtimeTransportLayer transport;
    private BareWebSocketClient bare;
    private volatile CountDownLatch turnDone = new CountDownLatch(0);
    private volatile CountDownLatch echoed = new CountDownLatch(0);
    /** Where listeners put what they receive, so building the events cannot be optimised away. */
    volatile Object lastEvent;

    private final RealtimeClientMessage stream = RealtimeClientMessage.of(
            Map.of("type", CorpusStreamingBehavior.STREAM, "item_id", "item_benchmark"));
    private final RealtimeClientMessage echo = RealtimeClientMessage.of(CorpusStreamingBehavior.ECHO);
    private final String streamText =
            "{\"type\":\"" + CorpusStreamingBehavior.STREAM + "\",\"item_id\":\"item_benchmark\"}";
    private final String echoText = "{\"type\":\"" + CorpusStreamingBehavior.ECHO + "\"}";

    /** Starts the server and connects both clients. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        frames = Corpus.load(CorpusLocator.locate(corpusDir), corpus);
        server = MockRealtimeServer.builder()
                .validation(ValidationMode.OFF)
                .behaviorFactory(session -> new CorpusStreamingBehavior(frames.frames()))
                .build()
                .start();
        transport = BenchmarkTargets.create(factory).newTransport();
        transport.on(TransportEventType.AUDIO, e -> lastEvent = e);
        transport.on(TransportEventType.ITEM_UPDATE, e -> lastEvent = e);
        transport.on(TransportEventType.AUDIO_TRANSCRIPT_DELTA, e -> lastEvent = e);
        transport.on(TransportEventType.OUTPUT_TEXT_DELTA, e -> lastEvent = e);
        transport.on(TransportEventType.FUNCTION_CALL, e -> lastEvent = e);
        transport.on(TransportEventType.TURN_DONE, e -> {
            lastEvent = e;
            turnDone.countDown();
        });
        transport.onServerEvent(CorpusStreamingBehavior.ECHO_REPLY, e -> echoed.countDown());
        transport.connect(RealtimeTransportConnectOptions.builder()
                        .url(server.realtimeUrl())
                        .apiKey(API_KEY)
                        .model("gpt-realtime")
                        .build())
                .toCompletableFuture()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        bare = BareWebSocketClient.connect(server.realtimeUrl(), API_KEY, m -> lastEvent = m, TIMEOUT);
    }

    /** Closes both clients and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (bare != null) {
            bare.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** One spoken turn through the target's transport and its typical listeners. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void transportStream(Throughput counters) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        turnDone = latch;
        transport.sendEvent(stream);
        await(latch, "turn_done");
        counters.events += frames.events();
        counters.bytes += frames.bytes();
    }

    /** Baseline: the same turn read by the bare JDK client. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bareClientStream(Throughput counters) throws Exception {
        bare.exchange(streamText, frames.events(), TIMEOUT);
        counters.events += frames.events();
        counters.bytes += frames.bytes();
    }

    /** {@code sendEvent} to the listener of the server's answer, through the target's transport. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void transportRoundTrip() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        echoed = latch;
        transport.sendEvent(echo);
        await(latch, CorpusStreamingBehavior.ECHO_REPLY);
    }

    /** Baseline: the same round trip with the bare JDK client. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bareClientRoundTrip() throws Exception {
        bare.exchange(echoText, 1, TIMEOUT);
    }

    private static void await(CountDownLatch latch, String what) throws Exception {
        if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("transport: no " + what + " within " + TIMEOUT);
        }
    }
}
