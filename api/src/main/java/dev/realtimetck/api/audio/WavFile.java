package dev.realtimetck.api.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes RIFF/WAVE files holding {@link WavAudio}: 16-bit PCM, 8-bit A-law ({@code 6}) or
 * 8-bit mu-law ({@code 7}), mono or stereo.
 *
 * <p>Reading walks the chunk list after the {@code WAVE} form type, takes the {@code fmt } and
 * {@code data} chunks wherever they are, skips any other chunk ({@code LIST}, {@code fact}, {@code cue }…)
 * and honours the pad byte that follows an odd-sized chunk. {@code WAVE_FORMAT_EXTENSIBLE} is read through
 * its sub-format. The RIFF size field is not trusted (streaming writers leave it wrong); the file's real
 * length is. A malformed or unsupported file is rejected with an {@link IllegalArgumentException} that says
 * what is wrong, for example {@code data chunk truncated: expected 3200 bytes, found 1000}.
 *
 * <p>Writing produces a canonical file: {@code RIFF}, a 16-byte {@code fmt } chunk for PCM or an 18-byte
 * one plus a {@code fact} chunk for G.711, then {@code data} (padded to even length).
 */
public final class WavFile {

    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    private WavFile() {
    }

    /**
     * Reads a WAV file.
     *
     * @param path the file
     * @return its audio
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the content is not a supported WAV file
     */
    public static WavAudio read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return read(Files.readAllBytes(path));
    }

    /**
     * Reads a WAV file from a stream, to its end; the stream is not closed.
     *
     * @param in the stream
     * @return its audio
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException if the content is not a supported WAV file
     */
    public static WavAudio read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return read(in.readAllBytes());
    }

    /**
     * Parses the bytes of a WAV file.
     *
     * @param file the whole file
     * @return its audio
     * @throws IllegalArgumentException if the content is not a supported WAV file
     */
    public static WavAudio read(byte[] file) {
        Objects.requireNonNull(file, "file");
        if (file.length < RIFF_HEADER) {
            throw new IllegalArgumentException("not a RIFF file: " + file.length
                    + " bytes, shorter than the 12-byte RIFF header");
        }
        String magic = fourCc(file, 0);
        if (!magic.equals("RIFF")) {
            if (magic.equals("RIFX") || magic.equals("RF64")) {
                throw new IllegalArgumentException("unsupported RIFF variant '" + magic
                        + "': only little-endian RIFF is read");
            }
            throw new IllegalArgumentException("not a RIFF file: starts with " + describe(file, 0) + ", not 'RIFF'");
        }
        String form = fourCc(file, 8);
        if (!form.equals("WAVE")) {
            throw new IllegalArgumentException("not a WAVE file: RIFF form type is " + describe(file, 8)
                    + ", not 'WAVE'");
        }
        Format format = null;
        int dataOffset = -1;
        int dataLength = 0;
        long at = RIFF_HEADER;
        while (at + CHUNK_HEADER <= file.length) {
            int pos = (int) at;
            String id = fourCc(file, pos);
            long size = u32(file, pos + 4);
            long body = at + CHUNK_HEADER;
            long available = file.length - body;
            if (id.equals("fmt ")) {
                if (format != null) {
                    throw new IllegalArgumentException("duplicate fmt chunk at offset " + at);
                }
                requireComplete("fmt", size, available);
                format = Format.parse(file, (int) body, (int) size);
            } else if (id.equals("data")) {
                if (dataOffset >= 0) {
                    throw new IllegalArgumentException("duplicate data chunk at offset " + at);
                }
                requireComplete("data", size, available);
                dataOffset = (int) body;
                dataLength = (int) size;
            } else if (size > available) {
                if (format != null && dataOffset >= 0) {
                    break; // trailing damage after everything we need: ignore it
                }
                throw new IllegalArgumentException("chunk " + describe(file, pos) + " at offset " + at
                        + " truncated: expected " + size + " bytes, found " + available);
            }
            at = body + size + (size & 1);
        }
        if (format == null) {
            throw new IllegalArgumentException("fmt chunk missing");
        }
        if (dataOffset < 0) {
            throw new IllegalArgumentException("data chunk missing");
        }
        return format.toAudio(Arrays.copyOfRange(file, dataOffset, dataOffset + dataLength));
    }

    /**
     * Serialises audio as a WAV file.
     *
     * @param audio the audio
     * @return the file's bytes
     */
    public static byte[] toBytes(WavAudio audio) {
        Objects.requireNonNull(audio, "audio");
        boolean pcm = audio.formatTag() == WavAudio.FORMAT_PCM;
        int fmtSize = pcm ? 16 : 18;
        int factSize = pcm ? 0 : CHUNK_HEADER + 4;
        int dataLength = audio.dataLength();
        int pad = dataLength & 1;
        long riffSize = 4L + CHUNK_HEADER + fmtSize + factSize + CHUNK_HEADER + dataLength + pad;
        if (riffSize + CHUNK_HEADER > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("audio: " + dataLength + " bytes of data is too large for a byte[]");
        }
        byte[] out = new byte[(int) (riffSize + CHUNK_HEADER)];
        int at = putFourCc(out, 0, "RIFF");
        at = putU32(out, at, riffSize);
        at = putFourCc(out, at, "WAVE");
        at = putFourCc(out, at, "fmt ");
        at = putU32(out, at, fmtSize);
        at = putU16(out, at, audio.formatTag());
        at = putU16(out, at, audio.channels());
        at = putU32(out, at, audio.sampleRate());
        at = putU32(out, at, audio.byteRate());
        at = putU16(out, at, audio.blockAlign());
        at = putU16(out, at, audio.bitsPerSample());
        if (!pcm) {
            at = putU16(out, at, 0); // cbSize: no extra format bytes
            at = putFourCc(out, at, "fact");
            at = putU32(out, at, 4);
            at = putU32(out, at, audio.frameCount());
        }
        at = putFourCc(out, at, "data");
        at = putU32(out, at, dataLength);
        audio.copyDataTo(out, at);
        return out; // the pad byte, if any, is already zero
    }

    /**
     * Writes audio as a WAV file, replacing the file if it exists.
     *
     * @param audio the audio
     * @param path the file to write
     * @throws IOException if the file cannot be written
     */
    public static void write(WavAudio audio, Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        Files.write(path, toBytes(audio));
    }

    /**
     * Writes audio as a WAV file to a stream; the stream is neither flushed nor closed.
     *
     * @param audio the audio
     * @param out the stream
     * @throws IOException if the stream fails
     */
    public static void write(WavAudio audio, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(toBytes(audio));
    }

    /** The fields of a {@code fmt } chunk, checked for consistency. */
    private record Format(int formatTag, int channels, long sampleRate, int blockAlign, int bitsPerSample) {

        static Format parse(byte[] file, int at, int size) {
            if (size < 16) {
                throw new IllegalArgumentException("fmt chunk too short: " + size + " bytes, needs at least 16");
            }
            int tag = u16(file, at);
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40) {
                    throw new IllegalArgumentException("fmt chunk too short for WAVE_FORMAT_EXTENSIBLE: " + size
                            + " bytes, needs 40");
                }
                tag = u16(file, at + 24); // first two bytes of the sub-format GUID hold the plain tag
            }
            Format format = new Format(tag, u16(file, at + 2), u32(file, at + 4), u16(file, at + 12),
                    u16(file, at + 14));
            if (format.channels > 0 && format.bitsPerSample % 8 == 0
                    && format.blockAlign != format.channels * format.bitsPerSample / 8) {
                throw new IllegalArgumentException("fmt chunk: block align " + format.blockAlign
                        + " does not match " + format.channels + " channel(s) of " + format.bitsPerSample
                        + " bits");
            }
            if (format.sampleRate > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("fmt chunk: sample rate " + format.sampleRate + " is too large");
            }
            return format;
        }

        WavAudio toAudio(byte[] data) {
            return new WavAudio(formatTag, channels, (int) sampleRate, bitsPerSample, data);
        }
    }

    private static void requireComplete(String chunk, long size, long available) {
        if (size > available) {
            throw new IllegalArgumentException(
                    chunk + " chunk truncated: expected " + size + " bytes, found " + available);
        }
    }

    private static String fourCc(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String describe(byte[] file, int at) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < 4; i++) {
            int b = file[at + i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format(Locale.ROOT, "\\x%02X", b));
            }
        }
        return text.append('\'').toString();
    }

    private static int u16(byte[] file, int at) {
        return (file[at] & 0xFF) | (file[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] file, int at) {
        return (file[at] & 0xFFL) | (file[at + 1] & 0xFFL) << 8 | (file[at + 2] & 0xFFL) << 16
                | (file[at + 3] & 0xFFL) << 24;
    }

    private static int putFourCc(byte[] out, int at, String id) {
        System.arraycopy(id.getBytes(StandardCharsets.ISO_8859_1), 0, out, at, 4);
        return at + 4;
    }

    private static int putU16(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >> 8);
        return at + 2;
    }

    private static int putU32(byte[] out, int at, long value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >> 8);
        out[at + 2] = (byte) (value >> 16);
        out[at + 3] = (byte) (value >> 24);
        return at + 4;
    }
}
