package dev.realtimetck.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Inbound dispatch: every frame of one corpus (one turn of server events) through the target's inbound pipeline
 * with an application's typical listeners ({@link #typicalListeners}) and with a {@code '*'} listener as well
 * ({@link #typicalPlusAnyListener}), against a raw Jackson streaming pass over the same frames
 * ({@link #jacksonBaseline}). One operation is one whole corpus; the {@code events} and {@code bytes} counters
 * give events/s and JSON bytes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventDispatchBenchmark {

    /** The frames of one corpus. */
    @State(Scope.Thread)
    public static class Frames {

        /** The corpus file, without {@code .jsonl}. */
        @Param({"response-audio", "response-text", "function-call"})
        public String corpus;

        /** The corpus directory; empty: {@code -Dcorpus.dir}, else the corpora bundled in realtime-protocol-data. */
        @Param("")
        public String corpusDir;

        List<String> frames;
        long bytes;
        final RawJsonScan scan = new RawJsonScan();

        /** Loads the corpus. */
        @Setup(Level.Trial)
        public void load() {
            Corpus loaded = Corpus.resolve(corpusDir, corpus);
            frames = loaded.frames();
            bytes = loaded.bytes();
        }
    }

    /** The target's inbound pipelines, with and without a {@code '*'} listener. */
    @State(Scope.Thread)
    public static class Pipelines {

        /** The {@link BenchmarkTarget} class. */
        @Param(BenchmarkTargets.DEFAULT)
        public String factory;

        InboundPipeline typical;
        InboundPipeline withAny;

        /** Creates the target and both pipelines; the listeners feed JMH's blackhole. */
        @Setup(Level.Trial)
        public void setUp(Blackhole blackhole) {
            BenchmarkTarget target = BenchmarkTargets.create(factory);
            typical = target.newInboundPipeline(new BenchmarkListeners(blackhole::consume, false));
            withAny = target.newInboundPipeline(new BenchmarkListeners(blackhole::consume, true));
        }
    }

    /** The typical listeners, no {@code '*'} listener. */
    @Benchmark
    public void typicalListeners(Frames frames, Pipelines pipelines, Throughput counters) {
        feed(frames, pipelines.typical, counters);
    }

    /** The typical listeners plus a {@code '*'} listener. */
    @Benchmark
    public void typicalPlusAnyListener(Frames frames, Pipelines pipelines, Throughput counters) {
        feed(frames, pipelines.withAny, counters);
    }

    /** Baseline: Jackson's streaming parser tokenises every frame, decoding no value. */
    @Benchmark
    public long jacksonBaseline(Frames frames, Throughput counters) {
        List<String> list = frames.frames;
        long tokens = 0;
        for (int i = 0; i < list.size(); i++) {
            tokens += frames.scan.tokens(list.get(i));
        }
        counters.events += list.size();
        counters.bytes += frames.bytes;
        return tokens;
    }

    private static void feed(Frames frames, InboundPipeline pipeline, Throughput counters) {
        List<String> list = frames.frames;
        for (int i = 0; i < list.size(); i++) {
            pipeline.onFrame(list.get(i));
        }
        counters.events += list.size();
        counters.bytes += frames.bytes;
    }
}
