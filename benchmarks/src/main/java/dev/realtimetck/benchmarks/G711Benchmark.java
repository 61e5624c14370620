package dev.realtimetck.benchmarks;

import dev.realtimetck.api.audio.G711;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
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
 * G.711 encoding of PCM16 with the api module's {@link G711} (into a reused array, as a transport converting
 * microphone audio would), against the JDK's own {@code javax.sound.sampled} mu-law and A-law codecs on the same
 * chunk. Reported as MB of PCM16 per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class G711Benchmark {

    private static final AudioFormat PCM16 = new AudioFormat(8_000f, 16, 1, true, false);

    /** Chunk size in bytes of PCM16. */
    @Param({"960", "4800", "48000"})
    public int chunkBytes;

    private byte[] pcm;
    private byte[] codes;

    /** Creates the audio and the output array. */
    @Setup(Level.Trial)
    public void setUp() {
        pcm = AudioSamples.pcm16(chunkBytes);
        codes = new byte[chunkBytes / 2];
    }

    /** mu-law with {@link G711#encodeMulaw(byte[], int, int, byte[], int)}. */
    @Benchmark
    public byte[] mulaw(Throughput counters) {
        int written = G711.encodeMulaw(pcm, 0, pcm.length, codes, 0);
        counters.bytes += chunkBytes;
        counters.outputBytes += written;
        return codes;
    }

    /** A-law with {@link G711#encodeAlaw(byte[], int, int, byte[], int)}. */
    @Benchmark
    public byte[] alaw(Throughput counters) {
        int written = G711.encodeAlaw(pcm, 0, pcm.length, codes, 0);
        counters.bytes += chunkBytes;
        counters.outputBytes += written;
        return codes;
    }

    /** Baseline: the JDK's mu-law codec through {@link AudioSystem}. */
    @Benchmark
    public byte[] jdkMulawBaseline(Throughput counters) {
        return jdk(AudioFormat.Encoding.ULAW, counters);
    }

    /** Baseline: the JDK's A-law codec through {@link AudioSystem}. */
    @Benchmark
    public byte[] jdkAlawBaseline(Throughput counters) {
        return jdk(AudioFormat.Encoding.ALAW, counters);
    }

    private byte[] jdk(AudioFormat.Encoding encoding, Throughput counters) {
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(pcm), PCM16, pcm.length / 2);
        try (AudioInputStream encoded = AudioSystem.getAudioInputStream(encoding, source)) {
            int written = encoded.readNBytes(codes, 0, codes.length);
            counters.bytes += chunkBytes;
            counters.outputBytes += written;
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
