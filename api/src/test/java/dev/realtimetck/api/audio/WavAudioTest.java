package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WavAudioTest {

    @Test
    void ofMapsProtocolFormats() {
        assertThat(WavAudio.of(AudioFormat.PCM16_24K, new byte[4]))
                .isEqualTo(new WavAudio(WavAudio.FORMAT_PCM, 1, 24_000, 16, new byte[4]));
        assertThat(WavAudio.of(AudioFormat.PCMU, new byte[3]))
                .isEqualTo(new WavAudio(WavAudio.FORMAT_MULAW, 1, 8_000, 8, new byte[3]));
        assertThat(WavAudio.of(AudioFormat.PCMA, new byte[3]))
                .isEqualTo(new WavAudio(WavAudio.FORMAT_ALAW, 1, 8_000, 8, new byte[3]));
    }

    @Test
    void dataIsCopiedInAndOut() {
        byte[] data = {1, 2};
        WavAudio audio = WavAudio.of(AudioFormat.PCMU, data);
        data[0] = 9;
        assertThat(audio.data()).containsExactly(1, 2);
        audio.data()[1] = 9;
        assertThat(audio.data()).containsExactly(1, 2);
        assertThat(audio.dataLength()).isEqualTo(2);
    }

    @Test
    void equalityComparesContent() {
        WavAudio a = WavAudio.of(AudioFormat.PCMU, new byte[] {1, 2});
        WavAudio b = WavAudio.of(AudioFormat.PCMU, new byte[] {1, 2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(WavAudio.of(AudioFormat.PCMU, new byte[] {1, 3}));
        assertThat(a).isNotEqualTo(WavAudio.of(AudioFormat.PCMA, new byte[] {1, 2}));
        assertThat(a.toString()).contains("dataLength=2").doesNotContain("[B@");
    }

    @Test
    void derivedSizes() {
        WavAudio stereo = new WavAudio(WavAudio.FORMAT_MULAW, 2, 8_000, 8, new byte[16_000]);
        assertThat(stereo.blockAlign()).isEqualTo(2);
        assertThat(stereo.frameCount()).isEqualTo(8_000);
        assertThat(stereo.byteRate()).isEqualTo(16_000);
        assertThat(stereo.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(WavAudio.of(new AudioFormat.Pcm(44_100), new byte[2]).duration())
                .isEqualTo(Duration.ofNanos(22_675));
    }

    @Test
    void audioFormatOnlyForMonoProtocolFormats() {
        assertThatThrownBy(() -> new WavAudio(WavAudio.FORMAT_PCM, 2, 24_000, 16, new byte[4]).audioFormat())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("channels:");
        assertThatThrownBy(() -> new WavAudio(WavAudio.FORMAT_ALAW, 1, 16_000, 8, new byte[4]).audioFormat())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("sampleRate:");
        assertThat(new WavAudio(WavAudio.FORMAT_PCM, 1, 44_100, 16, new byte[0]).audioFormat())
                .isEqualTo(new AudioFormat.Pcm(44_100));
    }

    @Test
    void monoAveragesTheChannels() {
        byte[] frames = Pcm16.toBytes(new short[] {100, 300, -5, -6, Short.MAX_VALUE, Short.MAX_VALUE});
        WavAudio mono = new WavAudio(WavAudio.FORMAT_PCM, 2, 16_000, 16, frames).mono();
        assertThat(mono.channels()).isEqualTo(1);
        assertThat(mono.sampleRate()).isEqualTo(16_000);
        assertThat(Pcm16.toSamples(mono.data())).containsExactly((short) 200, (short) -6, Short.MAX_VALUE);

        byte[] mu = {G711.encodeMulaw((short) 1000), G711.encodeMulaw((short) 3000)};
        WavAudio muMono = new WavAudio(WavAudio.FORMAT_MULAW, 2, 8_000, 8, mu).mono();
        int expected = (G711.decodeMulaw(mu[0]) + G711.decodeMulaw(mu[1])) / 2;
        assertThat(muMono.data()).containsExactly(G711.encodeMulaw((short) expected));
        assertThat(muMono.audioFormat()).isEqualTo(AudioFormat.PCMU);

        byte[] a = {G711.encodeAlaw((short) -500), G711.encodeAlaw((short) -500)};
        assertThat(new WavAudio(WavAudio.FORMAT_ALAW, 2, 8_000, 8, a).mono().data()).containsExactly(a[0]);

        WavAudio already = WavAudio.of(AudioFormat.PCMA, new byte[] {1});
        assertThat(already.mono()).isSameAs(already);
    }

    @Test
    void fieldsAreValidated() {
        assertThatThrownBy(() -> new WavAudio(2, 1, 8_000, 16, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("formatTag:");
        assertThatThrownBy(() -> new WavAudio(1, 0, 8_000, 16, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("channels:");
        assertThatThrownBy(() -> new WavAudio(1, 1, -5, 16, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sampleRate:");
        assertThatThrownBy(() -> new WavAudio(7, 1, 8_000, 16, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bitsPerSample:");
        assertThatThrownBy(() -> new WavAudio(1, 2, 8_000, 16, new byte[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("data:");
        assertThatThrownBy(() -> new WavAudio(1, 1, 8_000, 16, null))
                .isInstanceOf(NullPointerException.class).hasMessage("data");
        assertThatThrownBy(() -> WavAudio.of(null, new byte[0]))
                .isInstanceOf(NullPointerException.class).hasMessage("format");
    }
}
