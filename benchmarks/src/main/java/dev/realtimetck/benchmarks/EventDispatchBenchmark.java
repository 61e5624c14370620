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
@State(Scope.Thread)
public class EventDispatchBenchmark {

    /** The corpus file, without {@code .jsonl}. */
    @Param({"response-audio", "response-text", "function-call"})
    public String corpus;

    /** The {@link BenchmarkTarget} class. */
    @Param(BenchmarkTargets.DEFAULT)
    public String factory;

    /** The corpus directory; empty: {@code -Dcorpus.dir}, else {@code ../shared/corpus} from the repository root. */
    @Param("")
    public String corpusDir;

    private List<String> frames;
    private long bytes;
    private InboundPipeline typical;
    private InboundPipeline withAny;
    private final RawJsonScan scan = new RawJsonScan();

    /** Loads the corpus and builds both pipelines. */
    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Corpus loaded = Corpus.load(CorpusLocator.locate(corpusDir), corpus);
        frames = loaded.frames();
        bytes = loaded.bytes();
        BenchmarkTarget target = BenchmarkTargets.create(factory);
        typical = target.newInboundPipeline(new BenchmarkListeners(blackhole::consume, false));
        withAny = target.newInboundPipeline(new BenchmarkListeners(blackhole::consume, true));
    }

    /** The typical listeners, no {@code '*'} listener. */
    @Benchmark
    public void typicalListeners(Throughput counters) {
        feed(typical, counters);
    }

    /** The typical listeners plus a {@code '*'} listener. */
    @Benchmark
    public void typicalPlusAnyListener(Throughput counters) {
        feed(withAny, counters);
    }

    /** Baseline: Jackson's streaming parser tokenises every frame, decoding no value. */
    @Benchmark
    public long jacksonBaseline(Throughput counters) {
        long tokens = 0;
        for (int i = 0; i < frames.size(); i++) {
            tokens += scan.tokens(frames.get(i));
        }
        counters.events += frames.size();
        counters.bytes += bytes;
        return tokens;
    }

    private void feed(InboundPipeline pipeline, Throughput counters) {
        for (int i = 0; i < frames.size(); i++) {
            pipeline.onFrame(frames.get(i));
        }
        counters.events += frames.size();
        counters.bytes += bytes;
    }
}
