package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunksTest {

    @Test
    void splitsIntoEqualChunksAndAShorterTail() {
        byte[] audio = SyntheticAudio.speechLike(AudioFormat.PCM16_24K, Duration.ofMillis(110));
        List<byte[]> chunks = AudioChunks.split(audio, AudioFormat.PCM16_24K, Duration.ofMillis(20));
        assertThat(chunks).hasSize(6);
        assertThat(chunks.subList(0, 5)).allSatisfy(chunk -> assertThat(chunk).hasSize(960));
        assertThat(chunks.get(5)).hasSize(480);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(joined::writeBytes);
        assertThat(joined.toByteArray()).isEqualTo(audio);
        assertThatThrownBy(() -> chunks.add(new byte[0])).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void g711AndEdgeCases() {
        assertThat(AudioChunks.split(new byte[160], AudioFormat.PCMU, Duration.ofMillis(20))).hasSize(1);
        assertThat(AudioChunks.split(new byte[0], AudioFormat.PCMA, Duration.ofMillis(20))).isEmpty();
        assertThat(AudioChunks.split(new byte[3], AudioFormat.PCMA, Duration.ofSeconds(5))).singleElement()
                .satisfies(chunk -> assertThat(chunk).hasSize(3));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> AudioChunks.split(new byte[4], AudioFormat.PCMU, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chunkDuration:");
        assertThatThrownBy(() -> AudioChunks.split(new byte[4], AudioFormat.PCMU, Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chunkDuration:");
        assertThatThrownBy(() -> AudioChunks.split(new byte[4], AudioFormat.PCMU, Duration.ofMillis(-20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chunkDuration:");
        assertThatThrownBy(() -> AudioChunks.split(new byte[5], AudioFormat.PCM16_24K, Duration.ofMillis(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("audio:");
        assertThatThrownBy(() -> AudioChunks.split(null, AudioFormat.PCMU, Duration.ofMillis(20)))
                .isInstanceOf(NullPointerException.class).hasMessage("audio");
    }
}
