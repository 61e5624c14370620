package dev.realtimetck.api.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits audio into fixed-duration chunks, the way transports stream {@code input_audio_buffer.append} and
 * servers stream audio deltas.
 */
public final class AudioChunks {

    private AudioChunks() {
    }

    /**
     * Splits {@code audio} into consecutive chunks of {@code chunkDuration} (rounded to whole samples); the
     * last chunk holds what is left and may be shorter. Empty audio gives an empty list.
     *
     * @param audio mono audio in {@code format}, a whole number of samples
     * @param format the format of {@code audio}
     * @param chunkDuration the duration of every chunk but the last; at least one sample long
     * @return an unmodifiable list of fresh arrays that concatenate to {@code audio}
     * @throws IllegalArgumentException naming {@code chunkDuration} if it rounds to less than one sample, or
     *     {@code audio} if it is not a whole number of samples
     */
    public static List<byte[]> split(byte[] audio, AudioFormat format, Duration chunkDuration) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(chunkDuration, "chunkDuration");
        if (chunkDuration.isNegative()) {
            throw new IllegalArgumentException("chunkDuration: must be positive, was " + chunkDuration);
        }
        long chunkBytes = format.bytesFor(chunkDuration);
        if (chunkBytes == 0) {
            throw new IllegalArgumentException("chunkDuration: " + chunkDuration + " is shorter than one sample at "
                    + format.sampleRate() + " Hz");
        }
        if (audio.length % format.bytesPerSample() != 0) {
            throw new IllegalArgumentException("audio: " + audio.length + " bytes is not a whole number of "
                    + format.bytesPerSample() + "-byte samples");
        }
        List<byte[]> chunks = new ArrayList<>();
        for (long from = 0; from < audio.length; from += chunkBytes) {
            int to = (int) Math.min(audio.length, from + chunkBytes);
            chunks.add(Arrays.copyOfRange(audio, (int) from, to));
        }
        return List.copyOf(chunks);
    }
}
