package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.audio.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioOutputConfigTest {

    @Test
    void everyFieldOptional() {
        AudioOutputConfig config = new AudioOutputConfig(null, null, null);

        assertThat(config.format()).isNull();
        assertThat(config.voice()).isNull();
        assertThat(config.speed()).isNull();
    }

    @Test
    void positiveSpeedAccepted() {
        AudioOutputConfig config = new AudioOutputConfig(AudioFormat.PCM16_24K, "alloy", 1.25);

        assertThat(config.speed()).isEqualTo(1.25);
        assertThat(config).isEqualTo(new AudioOutputConfig(AudioFormat.PCM16_24K, "alloy", 1.25));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
    void badSpeedRejectedNamingTheField(double speed) {
        assertThatThrownBy(() -> new AudioOutputConfig(null, null, speed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("speed");
    }

    @Test
    void legacyFormatStringsParseToTheGaFormats() {
        AudioInputConfig input = new AudioInputConfig(AudioFormat.parse("g711_ulaw"), NoiseReduction.disabled(),
                InputTranscription.disabled(), TurnDetection.disabled());
        AudioConfig audio = new AudioConfig(input, new AudioOutputConfig(AudioFormat.parse("pcm16"), null, null));

        assertThat(audio.input().format()).isEqualTo(AudioFormat.PCMU);
        assertThat(audio.output().format()).isEqualTo(AudioFormat.PCM16_24K);
    }
}
