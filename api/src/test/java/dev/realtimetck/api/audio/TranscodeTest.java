package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TranscodeTest {

    private static final AudioFormat PCM_8K = new AudioFormat.Pcm(8_000);

    @Test
    void pcmToG711AndBack() {
        byte[] pcm = SyntheticAudio.speechLike(PCM_8K, Duration.ofMillis(200));
        byte[] mu = Transcode.convert(pcm, PCM_8K, AudioFormat.PCMU);
        byte[] a = Transcode.convert(pcm, PCM_8K, AudioFormat.PCMA);
        assertThat(mu).isEqualTo(G711.encodeMulaw(pcm)).hasSize(pcm.length / 2);
        assertThat(a).isEqualTo(G711.encodeAlaw(pcm));
        assertThat(Transcode.convert(mu, AudioFormat.PCMU, PCM_8K)).isEqualTo(G711.decodeMulaw(mu));
        assertThat(Transcode.convert(a, AudioFormat.PCMA, PCM_8K)).isEqualTo(G711.decodeAlaw(a));
    }

    @Test
    void lawToLaw() {
        byte[] mu = SyntheticAudio.tone(AudioFormat.PCMU, Duration.ofMillis(50), 440, 0.8);
        byte[] a = Transcode.convert(mu, AudioFormat.PCMU, AudioFormat.PCMA);
        assertThat(a).isEqualTo(G711.encodeAlaw(G711.decodeMulaw(mu)));
        assertThat(Transcode.convert(a, AudioFormat.PCMA, AudioFormat.PCMU))
                .isEqualTo(G711.encodeMulaw(G711.decodeAlaw(a)));
    }

    @Test
    void sameFormatGivesACopyOfTheRange() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        byte[] copy = Transcode.convert(data, 2, 4, AudioFormat.PCM16_24K, AudioFormat.PCM16_24K);
        assertThat(copy).containsExactly(3, 4, 5, 6);
        copy[0] = 99;
        assertThat(data[2]).isEqualTo((byte) 3);
    }

    @Test
    void rangesAndBuffers() {
        byte[] pcm = {0, 0, 16, 0, 0, 0};
        assertThat(Transcode.convert(pcm, 2, 2, PCM_8K, AudioFormat.PCMA)).containsExactly(0xD4);
        ByteBuffer buffer = ByteBuffer.wrap(pcm).position(2);
        assertThat(Transcode.convert(buffer, PCM_8K, AudioFormat.PCMA)).containsExactly(0xD4, 0xD5);
        assertThat(buffer.position()).isEqualTo(2);
        ByteBuffer direct = ByteBuffer.allocateDirect(6).put(pcm).position(2);
        assertThat(Transcode.convert(direct, PCM_8K, AudioFormat.PCMA)).containsExactly(0xD4, 0xD5);
        assertThat(direct.position()).isEqualTo(2);
    }

    @Test
    void convertedLength() {
        assertThat(Transcode.convertedLength(320, PCM_8K, AudioFormat.PCMU)).isEqualTo(160);
        assertThat(Transcode.convertedLength(160, AudioFormat.PCMA, PCM_8K)).isEqualTo(320);
        assertThat(Transcode.convertedLength(7, AudioFormat.PCMA, AudioFormat.PCMU)).isEqualTo(7);
        assertThatThrownBy(() -> Transcode.convertedLength(3, PCM_8K, AudioFormat.PCMU))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length:");
    }

    @Test
    void differentRatesAreRejectedNamingTo() {
        assertThatThrownBy(() -> Transcode.convert(new byte[4], AudioFormat.PCM16_24K, AudioFormat.PCMU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("to:")
                .hasMessageContaining("24000")
                .hasMessageContaining("does not resample");
        assertThatThrownBy(() -> Transcode.convert(new byte[4], AudioFormat.PCMA, AudioFormat.PCM16_24K))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to:");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Transcode.convert(new byte[3], PCM_8K, AudioFormat.PCMU))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length:");
        assertThatThrownBy(() -> Transcode.convert(new byte[4], 2, 4, PCM_8K, AudioFormat.PCMU))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("data:");
        assertThatThrownBy(() -> Transcode.convert(new byte[4], null, AudioFormat.PCMU))
                .isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> Transcode.convert(new byte[4], PCM_8K, null))
                .isInstanceOf(NullPointerException.class).hasMessage("to");
        assertThatThrownBy(() -> Transcode.convert((byte[]) null, PCM_8K, AudioFormat.PCMU))
                .isInstanceOf(NullPointerException.class).hasMessage("data");
    }
}
