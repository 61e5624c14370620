package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticAudioTest {

    private static final AudioFormat PCM_8K = new AudioFormat.Pcm(8_000);

    @Test
    void lengthsFollowTheFormatAndDuration() {
        Duration d = Duration.ofMillis(250);
        assertThat(SyntheticAudio.silence(AudioFormat.PCM16_24K, d)).hasSize(12_000);
        assertThat(SyntheticAudio.silence(AudioFormat.PCMU, d)).hasSize(2_000);
        assertThat(SyntheticAudio.tone(AudioFormat.PCMA, d, 400, 1)).hasSize(2_000);
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d)).hasSize(12_000);
        assertThat(SyntheticAudio.noise(PCM_8K, d, 0.1, 1)).hasSize(4_000);
        assertThat(SyntheticAudio.silence(AudioFormat.PCMU, Duration.ZERO)).isEmpty();
    }

    @Test
    void silenceIsZeroInEveryFormat() {
        assertThat(SyntheticAudio.silence(PCM_8K, Duration.ofMillis(1))).containsOnly(0);
        assertThat(SyntheticAudio.silence(AudioFormat.PCMU, Duration.ofMillis(1))).containsOnly(0xFF);
        assertThat(SyntheticAudio.silence(AudioFormat.PCMA, Duration.ofMillis(1))).containsOnly(0xD5);
    }

    @Test
    void toneHasItsAmplitudeAndFrequency() {
        byte[] pcm = SyntheticAudio.tone(PCM_8K, Duration.ofSeconds(1), 1_000, 0.25);
        assertThat(Pcm16.peak(pcm)).isBetween(8_180, 8_192);
        assertThat(zeroCrossings(Pcm16.toSamples(pcm))).isBetween(1_990, 2_010); // two per cycle
        assertThat(Pcm16.getSample(pcm, 0)).isZero();
        assertThat(Pcm16.getSample(pcm, 2)).isEqualTo((short) Math.round(0.25 * 32_767)); // sin(pi/2)
    }

    @Test
    void g711RenderingsEncodeThePcmSignal() {
        Duration d = Duration.ofMillis(100);
        byte[] pcm = SyntheticAudio.speechLike(PCM_8K, d, 7);
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCMU, d, 7)).isEqualTo(G711.encodeMulaw(pcm));
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCMA, d, 7)).isEqualTo(G711.encodeAlaw(pcm));
    }

    @Test
    void outputIsDeterministicAndSeedDependent() {
        Duration d = Duration.ofMillis(200);
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d, 42))
                .isEqualTo(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d, 42));
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d, 42))
                .isNotEqualTo(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d, 43));
        assertThat(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d))
                .isEqualTo(SyntheticAudio.speechLike(AudioFormat.PCM16_24K, d, SyntheticAudio.DEFAULT_SEED));
        assertThat(SyntheticAudio.noise(PCM_8K, d, 0.5, 1)).isEqualTo(SyntheticAudio.noise(PCM_8K, d, 0.5, 1))
                .isNotEqualTo(SyntheticAudio.noise(PCM_8K, d, 0.5, 2));
    }

    @Test
    void speechLikeIsLoudVariesInLevelAndStaysBelowHalfScale() {
        for (long seed = 0; seed < 5; seed++) {
            byte[] pcm = SyntheticAudio.speechLike(AudioFormat.PCM16_24K, Duration.ofSeconds(1), seed);
            assertThat(Pcm16.peak(pcm)).isLessThanOrEqualTo(16_384);
            assertThat(Pcm16.toDbfs(Pcm16.rms(pcm))).as("seed %d", seed).isBetween(-30.0, -8.0);
            double[] windowRms = windowRms(pcm, AudioFormat.PCM16_24K.bytesFor(Duration.ofMillis(20)));
            double loudest = Arrays.stream(windowRms).max().orElseThrow();
            double quietest = Arrays.stream(windowRms).min().orElseThrow();
            assertThat(loudest / quietest).as("syllable modulation, seed %d", seed).isGreaterThan(2.5);
        }
    }

    @Test
    void speechLikeFadesInAndOut() {
        byte[] pcm = SyntheticAudio.speechLike(PCM_8K, Duration.ofMillis(100));
        short[] samples = Pcm16.toSamples(pcm);
        assertThat(samples[0]).isZero();
        assertThat(samples[samples.length - 1]).isZero();
        assertThat(Pcm16.peak(pcm, 0, 16)).isLessThan(Pcm16.peak(pcm, 160, 160));
    }

    @Test
    void noiseStaysWithinItsAmplitudeAndIsRoughlyUniform() {
        byte[] pcm = SyntheticAudio.noise(PCM_8K, Duration.ofSeconds(2), 0.1, 99);
        int peak = (int) Math.round(0.1 * 32_767);
        assertThat(Pcm16.peak(pcm)).isLessThanOrEqualTo(peak).isGreaterThan(peak - 10);
        assertThat(Pcm16.rms(pcm)).isCloseTo(peak / Math.sqrt(3), within(peak * 0.02));
    }

    @Test
    void utteranceIsSilenceSpeechSilence() {
        byte[] out = SyntheticAudio.utterance(AudioFormat.PCMU, Duration.ofMillis(100), Duration.ofMillis(300),
                Duration.ofMillis(50), 3);
        assertThat(out).hasSize(800 + 2_400 + 400);
        assertThat(Arrays.copyOfRange(out, 0, 800)).containsOnly(0xFF);
        assertThat(Arrays.copyOfRange(out, 800, 3_200))
                .isEqualTo(SyntheticAudio.speechLike(AudioFormat.PCMU, Duration.ofMillis(300), 3));
        assertThat(Arrays.copyOfRange(out, 3_200, 3_600)).containsOnly(0xFF);
    }

    @Test
    void badArgumentsAreNamed() {
        Duration d = Duration.ofMillis(10);
        assertThatThrownBy(() -> SyntheticAudio.tone(PCM_8K, d, 4_000, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("frequencyHz:");
        assertThatThrownBy(() -> SyntheticAudio.tone(PCM_8K, d, Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("frequencyHz:");
        assertThatThrownBy(() -> SyntheticAudio.tone(PCM_8K, d, 100, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amplitude:");
        assertThatThrownBy(() -> SyntheticAudio.noise(PCM_8K, d, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amplitude:");
        assertThatThrownBy(() -> SyntheticAudio.silence(PCM_8K, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration:");
        assertThatThrownBy(() -> SyntheticAudio.silence(PCM_8K, Duration.ofDays(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duration:");
        assertThatThrownBy(() -> SyntheticAudio.silence(null, d))
                .isInstanceOf(NullPointerException.class).hasMessage("format");
        assertThatThrownBy(() -> SyntheticAudio.utterance(PCM_8K, d, d, Duration.ofMillis(-2), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trailingSilence:");
        assertThatThrownBy(() -> SyntheticAudio.utterance(PCM_8K, null, d, d, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("leadingSilence");
    }

    private static int zeroCrossings(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    private static double[] windowRms(byte[] pcm, long windowBytes) {
        int windows = (int) (pcm.length / windowBytes);
        double[] rms = new double[windows];
        for (int w = 0; w < windows; w++) {
            rms[w] = Pcm16.rms(pcm, (int) (w * windowBytes), (int) windowBytes);
        }
        return rms;
    }
}
