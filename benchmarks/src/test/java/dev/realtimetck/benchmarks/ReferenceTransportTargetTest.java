package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.TurnDone;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default target does the work the benchmarks claim to measure. */
class ReferenceTransportTargetTest {

    private final ReferenceTransportTarget target = new ReferenceTransportTarget();

    @Test
    void encodeAppendWritesTheCompleteFrameAndLeavesThePositionAlone() {
        ByteBuffer audio = ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 0xFF});

        String frame = target.encodeAppend(audio);

        assertThat(frame).contains("\"type\":\"input_audio_buffer.append\"").contains("\"audio\":\"AQID/w==\"");
        assertThat(audio.position()).isZero();
        assertThat(target.encodeAppend(audio)).isEqualTo(frame);
    }

    @Test
    void pipelineDeliversTheTypicalEventsAndWithStarEveryServerEvent() {
        Corpus corpus = Corpus.bundled("response-text");
        List<Object> typical = new ArrayList<>();
        List<Object> withAny = new ArrayList<>();
        InboundPipeline plain = target.newInboundPipeline(new BenchmarkListeners(typical::add, false));
        InboundPipeline star = target.newInboundPipeline(new BenchmarkListeners(withAny::add, true));

        corpus.frames().forEach(plain::onFrame);
        corpus.frames().forEach(star::onFrame);

        // 100 text deltas, item updates and one turn_done at least
        assertThat(typical).hasSizeGreaterThan(100);
        assertThat(typical).last().isInstanceOf(TurnDone.class);
        assertThat(withAny).hasSize(typical.size() + corpus.events());
    }
}
