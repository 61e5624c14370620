package dev.realtimetck.benchmarks;

import java.nio.ByteBuffer;
import java.util.Base64;
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

/**
 * Outbound audio: one PCM16 chunk to the complete {@code input_audio_buffer.append} frame the transport writes
 * ({@link #appendFrame}), against the JDK's Base64 encoding of the same chunk alone ({@link #base64Baseline}).
 * Run with {@code -prof gc} for bytes allocated per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class AudioEncodeBenchmark {

    /** Chunk size in bytes: 20 ms, 100 ms and 1 s of 24 kHz PCM16. */
    @Param({"960", "4800", "48000"})
    public int chunkBytes;

    /** The {@link BenchmarkTarget} class. */
    @Param(BenchmarkTargets.DEFAULT)
    public String factory;

    private BenchmarkTarget target;
    private byte[] pcm;
    private ByteBuffer chunk;

    /** Creates the target and the audio. */
    @Setup(Level.Trial)
    public void setUp() {
        target = BenchmarkTargets.create(factory);
        pcm = AudioSamples.pcm16(chunkBytes);
        chunk = ByteBuffer.wrap(pcm);
    }

    /** The transport's append frame for the chunk. */
    @Benchmark
    public String appendFrame(Throughput counters) {
        String frame = target.encodeAppend(chunk);
        counters.bytes += chunkBytes;
        counters.outputBytes += frame.length();
        return frame;
    }

    /** Baseline: {@code java.util.Base64} of the chunk alone, as a String like the frame. */
    @Benchmark
    public String base64Baseline(Throughput counters) {
        String encoded = Base64.getEncoder().encodeToString(pcm);
        counters.bytes += chunkBytes;
        counters.outputBytes += encoded.length();
        return encoded;
    }
}
