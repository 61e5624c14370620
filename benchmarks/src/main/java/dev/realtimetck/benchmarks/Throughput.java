package dev.realtimetck.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH secondary metrics that turn "operations per second" into the figures we report: {@code bytes} (the input
 * bytes one operation processed: PCM for the encoders, JSON for dispatch and loopback) and {@code events} (server
 * events one operation dispatched). JMH reports both as rates per second; {@link ResultsTable} prints MB/s and
 * events/s from them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Throughput {

    /** Input bytes processed (reported as bytes per second). */
    public long bytes;
    /** Server events processed (reported as events per second). */
    public long events;
    /** Output bytes produced: the frame for the audio encoder, the codes for G.711 (bytes per second). */
    public long outputBytes;

    /** Zeroes the counters before each iteration, as JMH expects. */
    @Setup(Level.Iteration)
    public void clear() {
        bytes = 0;
        events = 0;
        outputBytes = 0;
    }
}
