package dev.realtimetck.benchmarks;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.nio.ByteBuffer;

/**
 * The default {@link BenchmarkTarget}: the reference transport's socket-free {@link RealtimeProtocol} for encode
 * and dispatch, and {@link RealtimeWebSocketTransport} for the loopback.
 */
public final class ReferenceTransportTarget implements BenchmarkTarget {

    private String lastFrame;
    private final RealtimeProtocol encoder =
            new RealtimeProtocol(frame -> lastFrame = frame, new TypicalListeners(null, false), ProtocolOptions.defaults());

    /** Creates the target; the protocol instances are made per pipeline. */
    public ReferenceTransportTarget() {
        encoder.reset();
    }

    @Override
    public String encodeAppend(ByteBuffer pcm16) {
        encoder.sendAudio(pcm16.duplicate(), false);
        return lastFrame;
    }

    @Override
    public InboundPipeline newInboundPipeline(BenchmarkListeners listeners) {
        RealtimeProtocol protocol = new RealtimeProtocol(frame -> {
        }, new TypicalListeners(listeners, listeners.anyListener()), ProtocolOptions.defaults());
        protocol.reset();
        return protocol::onTextFrame;
    }

    /** A default {@link RealtimeWebSocketTransport}; the benchmark passes URL and key in the connect options. */
    @Override
    public RealtimeTransportLayer newTransport() {
        return RealtimeWebSocketTransport.builder().build();
    }
}
