package dev.realtimetck.mockserver;

import dev.realtimetck.api.audio.AudioFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
     * The audio as a mono RIFF/WAVE file: PCM 16-bit little endian for {@code audio/pcm}, G.711 mu-law (format
     * tag 7) or A-law (format tag 6) at 8 kHz for {@code audio/pcmu} / {@code audio/pcma}.
     */
    public byte[] toWav() {
        int formatTag;
        int bitsPerSample;
        if (format instanceof AudioFormat.Pcm) {
            formatTag = 1;
            bitsPerSample = 16;
        } else if (format instanceof AudioFormat.Pcmu) {
            formatTag = 7;
            bitsPerSample = 8;
        } else {
            formatTag = 6;
            bitsPerSample = 8;
        }
        int blockAlign = bitsPerSample / 8;
        int fmtSize = formatTag == 1 ? 16 : 18;
        ByteBuffer wav = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(fmtSize).putShort((short) formatTag).putShort((short) 1)
                .putInt(format.sampleRate()).putInt(format.sampleRate() * blockAlign)
                .putShort((short) blockAlign).putShort((short) bitsPerSample);
        if (fmtSize == 18) {
            wav.putShort((short) 0);
        }
        wav.put(ascii("data")).putInt(bytes.length).put(bytes);
        return wav.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
