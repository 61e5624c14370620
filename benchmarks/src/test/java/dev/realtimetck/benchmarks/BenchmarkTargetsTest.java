package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkTargetsTest {

    @Test
    void createsTheNamedTarget() {
        assertThat(BenchmarkTargets.create(ExampleTreeTarget.class.getName())).isInstanceOf(ExampleTreeTarget.class);
    }

    @Test
    void unknownClassIsNamed() {
        assertThatThrownBy(() -> BenchmarkTargets.create("com.example.Missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factory: class com.example.Missing is not on the class path");
    }

    @Test
    void classThatIsNoTargetIsRejected() {
        assertThatThrownBy(() -> BenchmarkTargets.create(String.class.getName()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement " + BenchmarkTarget.class.getName());
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> BenchmarkTargets.create(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("factory:");
    }

    @Test
    void targetWithoutTransportSaysSo() {
        assertThatThrownBy(() -> new ExampleTreeTarget().newTransport())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(ExampleTreeTarget.class.getName());
    }

    @Test
    void exampleTargetWritesACompleteAppendFrame() {
        String frame = new ExampleTreeTarget().encodeAppend(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        assertThat(frame).isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AQIDBA==\"}");
    }
}
