package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void samplesAreLittleEndian() {
        byte[] pcm = {0x34, 0x12, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80};
        assertThat(Pcm16.getSample(pcm, 0)).isEqualTo((short) 0x1234);
        assertThat(Pcm16.getSample(pcm, 1)).isEqualTo((short) -1);
        assertThat(Pcm16.getSample(pcm, 2)).isEqualTo(Short.MIN_VALUE);
        Pcm16.putSample(pcm, 1, (short) 0x7F01);
        assertThat(pcm).containsExactly(0x34, 0x12, 0x01, 0x7F, 0x00, 0x80);
    }

    @Test
    void byteBufferAccessIsRelativeToPositionAndIgnoresByteOrder() {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        buffer.position(2);
        Pcm16.putSample(buffer, 1, (short) 0x0102);
        assertThat(buffer.array()).containsExactly(0, 0, 0, 0, 0x02, 0x01, 0, 0);
        assertThat(Pcm16.getSample(buffer, 1)).isEqualTo((short) 0x0102);
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(Pcm16.sampleCount(buffer)).isEqualTo(3);
        assertThatThrownBy(() -> Pcm16.getSample(buffer, 3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("index:");

        ByteBuffer direct = ByteBuffer.allocateDirect(4);
        Pcm16.putSample(direct, 1, (short) -2);
        assertThat(direct.get(2)).isEqualTo((byte) 0xFE);
        assertThat(direct.get(3)).isEqualTo((byte) 0xFF);
        assertThat(Pcm16.getSample(direct, 1)).isEqualTo((short) -2);
    }

    @Test
    void shortArraysRoundTrip() {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 12_345};
        byte[] pcm = Pcm16.toBytes(samples);
        assertThat(pcm).hasSize(12);
        assertThat(Pcm16.toSamples(pcm)).containsExactly(samples);
        assertThat(Pcm16.toBytes(samples, 3, 2)).containsExactly(0xFF, 0x7F, 0x00, 0x80);
        assertThat(Pcm16.toSamples(pcm, 6, 4)).containsExactly(Short.MAX_VALUE, Short.MIN_VALUE);
        for (int i = 0; i < samples.length; i++) {
            assertThat(Pcm16.getSample(pcm, i)).isEqualTo(samples[i]);
        }
    }

    @Test
    void sampleCount() {
        assertThat(Pcm16.sampleCount(0)).isZero();
        assertThat(Pcm16.sampleCount(4800)).isEqualTo(2400);
        assertThatThrownBy(() -> Pcm16.sampleCount(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byteCount:");
        assertThatThrownBy(() -> Pcm16.sampleCount(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byteCount:");
    }

    @Test
    void rmsAndPeakOfKnownSignals() {
        byte[] square = Pcm16.toBytes(new short[] {1000, -1000, 1000, -1000});
        assertThat(Pcm16.rms(square)).isEqualTo(1000.0);
        assertThat(Pcm16.peak(square)).isEqualTo(1000);

        byte[] mixed = Pcm16.toBytes(new short[] {3, 4, Short.MIN_VALUE, 0});
        assertThat(Pcm16.rms(mixed, 0, 4)).isCloseTo(Math.sqrt(12.5), within(1e-12));
        assertThat(Pcm16.peak(mixed, 0, 4)).isEqualTo(4);
        assertThat(Pcm16.peak(mixed)).isEqualTo(32_768);
        assertThat(Pcm16.rms(mixed, 6, 0)).isZero();
        assertThat(Pcm16.peak(new byte[0])).isZero();

        byte[] sine = SyntheticAudio.tone(new AudioFormat.Pcm(8000), java.time.Duration.ofSeconds(1), 1000, 0.5);
        assertThat(Pcm16.rms(sine)).isCloseTo(0.5 * 32_767 / Math.sqrt(2), within(1.0));
        assertThat(Pcm16.toDbfs(Pcm16.peak(sine))).isCloseTo(-6.02, within(0.01));
    }

    @Test
    void bufferLevelsMatchArrayLevels() {
        byte[] pcm = Pcm16.toBytes(new short[] {5, -700, 300, 20_000, -3});
        ByteBuffer heap = ByteBuffer.wrap(pcm, 2, 6);
        ByteBuffer direct = ByteBuffer.allocateDirect(pcm.length).put(pcm);
        direct.position(2).limit(8);
        for (ByteBuffer buffer : new ByteBuffer[] {heap, direct}) {
            assertThat(Pcm16.rms(buffer)).isEqualTo(Pcm16.rms(pcm, 2, 6));
            assertThat(Pcm16.peak(buffer)).isEqualTo(20_000);
            assertThat(buffer.position()).isEqualTo(2);
        }
        assertThat(Pcm16.rms(ByteBuffer.allocateDirect(0))).isZero();
    }

    @Test
    void clampAndDbfs() {
        assertThat(Pcm16.clamp(40_000)).isEqualTo(Short.MAX_VALUE);
        assertThat(Pcm16.clamp(-40_000)).isEqualTo(Short.MIN_VALUE);
        assertThat(Pcm16.clamp(-7)).isEqualTo((short) -7);
        assertThat(Pcm16.toDbfs(32_768)).isZero();
        assertThat(Pcm16.toDbfs(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Pcm16.toDbfs(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("level:");
        assertThatThrownBy(() -> Pcm16.toDbfs(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("level:");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Pcm16.getSample(new byte[3], 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("index:");
        assertThatThrownBy(() -> Pcm16.putSample(new byte[4], -1, (short) 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("index:");
        assertThatThrownBy(() -> Pcm16.toSamples(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length:");
        assertThatThrownBy(() -> Pcm16.toBytes(new short[2], 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("samples:");
        assertThatThrownBy(() -> Pcm16.rms(new byte[4], 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length:");
        assertThatThrownBy(() -> Pcm16.peak(new byte[4], 2, 4))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("pcm:");
        assertThatThrownBy(() -> Pcm16.rms(ByteBuffer.allocate(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pcm:");
        assertThatThrownBy(() -> Pcm16.rms((byte[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("pcm");
    }
}
