package dev.realtimetck.mockserver.core;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import java.util.Objects;

/**
 * The input audio a client sent in one session: every {@code input_audio_buffer.append} payload, decoded and
 * concatenated, in the format of the last client {@code session.update} ({@code session.audio.input.format};
 * PCM 16-bit 24 kHz until one says otherwise).
 *
 * @param bytes the raw audio bytes (a copy)
 * @param format their format
 */
public record InputAudio(byte[] bytes, AudioFormat format) {

    /** Validates and copies. */
    public InputAudio {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How long the audio plays, in milliseconds. */
    public double durationMillis() {
        return format.durationMillis(bytes.length);
    }

    /**
     * The audio as a mono RIFF/WAVE file ({@link WavFile}): PCM 16-bit little endian for {@code audio/pcm},
     * G.711 mu-law (format tag 7) or A-law (format tag 6) at 8 kHz for {@code audio/pcmu} / {@code audio/pcma}.
     */
    public byte[] toWav() {
        return WavFile.toBytes(WavAudio.of(format, bytes));
    }
}
