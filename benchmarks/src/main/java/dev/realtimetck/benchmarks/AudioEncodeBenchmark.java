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
public class AudioEncodeBenchmark {

    /** The PCM16 chunk. */
    @State(Scope.Thread)
    public static class Chunk {

        /** Chunk size in bytes: 20 ms, 100 ms and 1 s of 24 kHz PCM16. */
        @Param({"960", "4800", "48000"})
        public int chunkBytes;

        byte[] pcm;
        ByteBuffer buffer;

        /** Creates the audio. */
        @Setup(Level.Trial)
        public void setUp() {
            pcm = AudioSamples.pcm16(chunkBytes);
            buffer = ByteBuffer.wrap(pcm);
        }
    }

    /** The transport under test (the baseline does not need one). */
    @State(Scope.Thread)
    public static class Target {

        /** The {@link BenchmarkTarget} class. */
        @Param(BenchmarkTargets.DEFAULT)
        public String factory;

        BenchmarkTarget target;

        /** Creates the target. */
        @Setup(Level.Trial)
        public void setUp() {
            target = BenchmarkTargets.create(factory);
        }
    }

    /** The transport's append frame for the chunk. */
    @Benchmark
    public String appendFrame(Chunk chunk, Target target, Throughput counters) {
        String frame = target.target.encodeAppend(chunk.buffer);
        counters.bytes += chunk.chunkBytes;
        counters.outputBytes += frame.length();
        return frame;
    }

    /** Baseline: {@code java.util.Base64} of the chunk alone, as a String like the frame. */
    @Benchmark
    public String base64Baseline(Chunk chunk, Throughput counters) {
        String encoded = Base64.getEncoder().encodeToString(chunk.pcm);
        counters.bytes += chunk.chunkBytes;
        counters.outputBytes += encoded.length();
        return encoded;
    }
}
