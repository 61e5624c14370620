package dev.realtimetck.benchmarks;

import dev.realtimetck.api.RealtimeTransportLayer;
import java.nio.ByteBuffer;

/**
 * What the benchmarks measure: one transport implementation, seen through the two hot paths that do not
 * need a socket (the outbound audio frame and the inbound event dispatch) and, optionally, as a whole
 * {@link RealtimeTransportLayer} for the loopback benchmark.
 *
 * <p>The benchmarks take the implementing class name as the JMH parameter {@code factory}
 * ({@code -p factory=com.example.MyTarget}); the class needs a public no-argument constructor. The default is
 * {@link ReferenceTransportTarget}. Every benchmark that uses a target also measures a raw JVM baseline in the
 * same run, so the figures that matter are the ratios. See the module README for a worked example.
 *
 * <p>Instances are used by one benchmark thread at a time.
 */
public interface BenchmarkTarget {

    /**
     * Turns one PCM16 chunk into the complete {@code input_audio_buffer.append} text frame exactly as the
     * transport would write it to the socket (the same code path as {@code sendAudio(audio, false)}).
     *
     * @param pcm16 the audio, position to limit; implementations must not change the caller's position
     * @return the frame text
     */
    String encodeAppend(ByteBuffer pcm16);

    /**
     * A fresh inbound path (parsing, routing, event construction, listener dispatch) with the typical listeners
     * of an application registered: {@code audio}, {@code item_update}, {@code turn_done},
     * {@code audio_transcript_delta}, {@code output_text_delta}, {@code function_call} and, when
     * {@link BenchmarkListeners#anyListener()} is true, also {@code '*'}. Each listener hands the event object it
     * receives to {@link BenchmarkListeners#sink()}.
     *
     * @param listeners where the listeners deliver their events
     * @return the inbound path; frames are fed in order from one thread
     */
    InboundPipeline newInboundPipeline(BenchmarkListeners listeners);

    /**
     * A new, unconnected transport for the loopback benchmark. Optional: the default throws, and the loopback
     * benchmark then fails with that message for this target.
     *
     * @return a transport that {@code connect}s to the URL given in its connect options
     * @throws UnsupportedOperationException if the target has no socket transport
     */
    default RealtimeTransportLayer newTransport() {
        throw new UnsupportedOperationException(getClass().getName() + " does not provide a socket transport");
    }
}
