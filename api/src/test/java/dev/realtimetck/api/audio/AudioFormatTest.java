package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AudioFormatTest {

    private static final AudioFormat PCM_16K = new AudioFormat.Pcm(16_000);

    @Test
    void parsesWireAndLegacyNames() {
        assertThat(AudioFormat.parse("audio/pcm")).isEqualTo(new AudioFormat.Pcm(24_000));
        assertThat(AudioFormat.parse("pcm16")).isEqualTo(AudioFormat.PCM16_24K);
        assertThat(AudioFormat.parse("g711_ulaw")).isEqualTo(AudioFormat.PCMU);
        assertThat(AudioFormat.parse("audio/pcma")).isEqualTo(AudioFormat.PCMA);
        assertThatThrownBy(() -> AudioFormat.parse("audio/opus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name:");
    }

    @Test
    void bytesPerSecondAndSampleCount() {
        assertThat(AudioFormat.PCM16_24K.bytesPerSecond()).isEqualTo(48_000);
        assertThat(AudioFormat.PCMU.bytesPerSecond()).isEqualTo(8_000);
        assertThat(AudioFormat.PCM16_24K.sampleCount(4801)).isEqualTo(2400);
        assertThat(AudioFormat.PCMA.sampleCount(7)).isEqualTo(7);
        assertThatThrownBy(() -> AudioFormat.PCMA.sampleCount(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byteCount");
    }

    @Test
    void durationOfBytes() {
        assertThat(AudioFormat.PCM16_24K.durationMillis(48_000)).isEqualTo(1000.0);
        assertThat(AudioFormat.PCMU.durationMillis(160)).isEqualTo(20.0);
        assertThat(AudioFormat.PCM16_24K.duration(48_000 * 3 + 240)).isEqualTo(Duration.ofMillis(3005));
        assertThat(AudioFormat.PCMU.duration(1)).isEqualTo(Duration.ofNanos(125_000));
        assertThat(AudioFormat.PCM16_24K.duration(2)).isEqualTo(Duration.ofNanos(41_666)); // truncated
        assertThat(AudioFormat.PCMU.duration(0)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> AudioFormat.PCMU.duration(-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("byteCount");
    }

    @Test
    void bytesForDurationRoundToWholeSamples() {
        assertThat(AudioFormat.PCM16_24K.bytesFor(Duration.ofMillis(20))).isEqualTo(960);
        assertThat(AudioFormat.PCMU.bytesFor(Duration.ofMillis(20))).isEqualTo(160);
        assertThat(AudioFormat.PCMA.bytesFor(Duration.ofSeconds(2))).isEqualTo(16_000);
        // 24 kHz: one sample is 41.666 us; 62.5 us is exactly 1.5 samples and rounds up to 2
        assertThat(AudioFormat.PCM16_24K.samplesFor(Duration.ofNanos(62_500))).isEqualTo(2);
        assertThat(AudioFormat.PCM16_24K.samplesFor(Duration.ofNanos(62_499))).isEqualTo(1);
        assertThat(AudioFormat.PCM16_24K.bytesFor(Duration.ofNanos(20_000))).isZero();
        assertThat(AudioFormat.PCM16_24K.bytesFor(Duration.ofNanos(30_000))).isEqualTo(2);
        assertThat(AudioFormat.PCM16_24K.bytesForMillis(10.5)).isEqualTo(504);
        assertThat(AudioFormat.PCMU.bytesForMillis(0.0624)).isZero();
        assertThat(AudioFormat.PCMU.bytesForMillis(0.0626)).isEqualTo(1);
        assertThat(PCM_16K.bytesForMillis(1)).isEqualTo(32);
    }

    @Test
    void bytesForIsTheInverseOfDuration() {
        for (AudioFormat format : new AudioFormat[] {AudioFormat.PCM16_24K, AudioFormat.PCMU, PCM_16K}) {
            for (long bytes = 0; bytes < 20_000; bytes += format.bytesPerSample() * 37L) {
                assertThat(format.bytesFor(format.duration(bytes))).as("%s %d", format, bytes).isEqualTo(bytes);
                assertThat(format.bytesForMillis(format.durationMillis(bytes))).isEqualTo(bytes);
            }
        }
    }

    @Test
    void badDurationsAreNamed() {
        assertThatThrownBy(() -> AudioFormat.PCMU.bytesFor(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration");
        assertThatThrownBy(() -> AudioFormat.PCMU.bytesFor(null))
                .isInstanceOf(NullPointerException.class).hasMessage("duration");
        assertThatThrownBy(() -> AudioFormat.PCMU.bytesForMillis(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("millis");
        assertThatThrownBy(() -> AudioFormat.PCMU.bytesForMillis(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("millis");
        assertThatThrownBy(() -> AudioFormat.PCMU.bytesForMillis(-0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("millis");
        assertThatThrownBy(() -> new AudioFormat.Pcm(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rate");
    }
}
