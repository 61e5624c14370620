package dev.realtimetck.benchmarks;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.ValidationMode;
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
public class LoopbackBenchmark {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String API_KEY = "sk-benchmark";

    /** The mock server, streaming one corpus on request. */
    @State(Scope.Thread)
    public static class Server {

        /** The corpus file the server streams, without {@code .jsonl}. */
        @Param("response-audio")
        public String corpus;

        /** The corpus directory; empty: {@code -Dcorpus.dir}, else the corpora bundled in realtime-protocol-data. */
        @Param("")
        public String corpusDir;

        Corpus frames;
        MockRealtimeServer server;

        /** Loads the corpus and starts the server on a free port. */
        @Setup(Level.Trial)
        public void start() {
            frames = Corpus.resolve(corpusDir, corpus);
            server = MockRealtimeServer.builder()
                    .validation(ValidationMode.OFF)
                    .behaviorFactory(session -> new CorpusStreamingBehavior(frames.frames()))
                    .build()
                    .start();
        }

        /** Stops the server. */
        @TearDown(Level.Trial)
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The target's transport, connected, with the typical listeners. */
    @State(Scope.Thread)
    public static class TransportClient {

        /** The {@link BenchmarkTarget} class. */
        @Param(BenchmarkTargets.DEFAULT)
        public String factory;

        RealtimeTransportLayer transport;
        volatile CountDownLatch turnDone = new CountDownLatch(0);
        volatile CountDownLatch echoed = new CountDownLatch(0);
        /** Where listeners put what they receive, so building the events cannot be optimised away. */
        volatile Object lastEvent;

        final RealtimeClientMessage stream = RealtimeClientMessage.of(
                Map.of("type", CorpusStreamingBehavior.STREAM, "item_id", "item_benchmark"));
        final RealtimeClientMessage echo = RealtimeClientMessage.of(CorpusStreamingBehavior.ECHO);

        /** Creates the transport through the target and connects it. */
        @Setup(Level.Trial)
        public void connect(Server server) throws Exception {
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
                            .url(server.server.realtimeUrl())
                            .apiKey(API_KEY)
                            .model("gpt-realtime")
                            .build())
                    .toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Closes the transport. */
        @TearDown(Level.Trial)
        public void close() {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /** The bare JDK WebSocket client. */
    @State(Scope.Thread)
    public static class BareClient {

        BareWebSocketClient client;
        volatile Object lastMessage;

        final String streamText =
                "{\"type\":\"" + CorpusStreamingBehavior.STREAM + "\",\"item_id\":\"item_benchmark\"}";
        final String echoText = "{\"type\":\"" + CorpusStreamingBehavior.ECHO + "\"}";

        /** Connects to the server. */
        @Setup(Level.Trial)
        public void connect(Server server) throws Exception {
            client = BareWebSocketClient.connect(server.server.realtimeUrl(), API_KEY, m -> lastMessage = m, TIMEOUT);
        }

        /** Closes the connection. */
        @TearDown(Level.Trial)
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    /** One spoken turn through the target's transport and its typical listeners. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void transportStream(Server server, TransportClient client, Throughput counters) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        client.turnDone = latch;
        client.transport.sendEvent(client.stream);
        await(latch, "turn_done");
        counters.events += server.frames.events();
        counters.bytes += server.frames.bytes();
    }

    /** Baseline: the same turn read by the bare JDK client. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void bareClientStream(Server server, BareClient client, Throughput counters) throws Exception {
        client.client.exchange(client.streamText, server.frames.events(), TIMEOUT);
        counters.events += server.frames.events();
        counters.bytes += server.frames.bytes();
    }

    /** {@code sendEvent} to the listener of the server's answer, through the target's transport. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void transportRoundTrip(TransportClient client) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        client.echoed = latch;
        client.transport.sendEvent(client.echo);
        await(latch, CorpusStreamingBehavior.ECHO_REPLY);
    }

    /** Baseline: the same round trip with the bare JDK client. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bareClientRoundTrip(BareClient client) throws Exception {
        client.client.exchange(client.echoText, 1, TIMEOUT);
    }

    private static void await(CountDownLatch latch, String what) throws Exception {
        if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("transport: no " + what + " within " + TIMEOUT);
        }
    }
}
