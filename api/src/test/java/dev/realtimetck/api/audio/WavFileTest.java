package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {

    private static final AudioFormat PCM_16K = new AudioFormat.Pcm(16_000);

    // ------------------------------------------------------------ writing and reading back

    @Test
    void pcmMonoRoundTripsThroughAFile(@TempDir Path dir) throws IOException {
        byte[] pcm = SyntheticAudio.speechLike(AudioFormat.PCM16_24K, Duration.ofMillis(300));
        WavAudio audio = WavAudio.of(AudioFormat.PCM16_24K, pcm);
        Path file = dir.resolve("speech.wav");
        WavFile.write(audio, file);

        WavAudio read = WavFile.read(file);
        assertThat(read).isEqualTo(audio);
        assertThat(read.data()).isEqualTo(pcm);
        assertThat(read.audioFormat()).isEqualTo(AudioFormat.PCM16_24K);
        assertThat(read.duration()).isEqualTo(Duration.ofMillis(300));
        assertThat(java.nio.file.Files.size(file)).isEqualTo(44 + pcm.length);
    }

    @Test
    void canonicalPcmHeaderLayout() {
        byte[] file = WavFile.toBytes(WavAudio.of(PCM_16K, new byte[] {1, 2, 3, 4}));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ascii(file, 0)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(file.length - 8);
        assertThat(ascii(file, 8)).isEqualTo("WAVE");
        assertThat(ascii(file, 12)).isEqualTo("fmt ");
        assertThat(b.getInt(16)).isEqualTo(16);
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getShort(22)).isEqualTo((short) 1);
        assertThat(b.getInt(24)).isEqualTo(16_000);
        assertThat(b.getInt(28)).isEqualTo(32_000);
        assertThat(b.getShort(32)).isEqualTo((short) 2);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(file, 36)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(4);
        assertThat(file).hasSize(48);
    }

    @Test
    void g711RoundTripsWithFactChunkAndOddLengthPadding() throws IOException {
        for (AudioFormat law : new AudioFormat[] {AudioFormat.PCMU, AudioFormat.PCMA}) {
            byte[] codes = SyntheticAudio.tone(law, Duration.ofNanos(125_000 * 161), 300, 0.5); // 161 samples
            assertThat(codes).hasSize(161);
            WavAudio audio = WavAudio.of(law, codes);
            byte[] file = WavFile.toBytes(audio);
            assertThat(file.length % 2).isZero();
            assertThat(file).hasSize(12 + 8 + 18 + 12 + 8 + 161 + 1);
            assertThat(ascii(file, 38)).isEqualTo("fact");
            WavAudio read = WavFile.read(new ByteArrayInputStream(file));
            assertThat(read).isEqualTo(audio);
            assertThat(read.formatTag()).isEqualTo(law == AudioFormat.PCMU ? 7 : 6);
            assertThat(read.audioFormat()).isEqualTo(law);
        }
    }

    @Test
    void stereoRoundTrips() throws IOException {
        byte[] frames = Pcm16.toBytes(new short[] {1, -1, 2, -2, 3, -3});
        WavAudio stereo = new WavAudio(WavAudio.FORMAT_PCM, 2, 44_100, 16, frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavFile.write(stereo, out);
        WavAudio read = WavFile.read(out.toByteArray());
        assertThat(read).isEqualTo(stereo);
        assertThat(read.frameCount()).isEqualTo(3);
        assertThat(read.blockAlign()).isEqualTo(4);
        assertThat(read.byteRate()).isEqualTo(176_400);
    }

    @Test
    void jdkSoundReadsWhatWeWrite() throws Exception {
        byte[] pcm = SyntheticAudio.tone(PCM_16K, Duration.ofMillis(40), 500, 0.3);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(WavFile.toBytes(WavAudio.of(PCM_16K, pcm))))) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(16_000f);
            assertThat(in.getFormat().getSampleSizeInBits()).isEqualTo(16);
            assertThat(in.getFormat().isBigEndian()).isFalse();
            assertThat(in.readAllBytes()).isEqualTo(pcm);
        }
        byte[] mu = SyntheticAudio.tone(AudioFormat.PCMU, Duration.ofMillis(40), 500, 0.3);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(WavFile.toBytes(WavAudio.of(AudioFormat.PCMU, mu))))) {
            assertThat(in.getFormat().getEncoding()).isEqualTo(javax.sound.sampled.AudioFormat.Encoding.ULAW);
            assertThat(in.readAllBytes()).isEqualTo(mu);
        }
    }

    @Test
    void weReadWhatJdkSoundWrites() throws Exception {
        byte[] pcm = SyntheticAudio.speechLike(PCM_16K, Duration.ofMillis(30));
        var format = new javax.sound.sampled.AudioFormat(16_000, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2),
                AudioFileFormat.Type.WAVE, out);
        WavAudio read = WavFile.read(out.toByteArray());
        assertThat(read.audioFormat()).isEqualTo(PCM_16K);
        assertThat(read.data()).isEqualTo(pcm);
    }

    // ------------------------------------------------------------ tolerant reading

    @Test
    void skipsUnknownChunksAndOddSizePadding() {
        byte[] samples = {10, 0, 20, 0};
        byte[] file = new Riff()
                .chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000test\u0000".getBytes(StandardCharsets.ISO_8859_1))
                .chunk("junk", new byte[] {1, 2, 3}) // odd size: one pad byte follows
                .fmt(1, 1, 8_000, 16_000, 2, 16)
                .chunk("cue ", new byte[5])
                .chunk("data", samples)
                .chunk("LIST", new byte[7])
                .bytes();
        WavAudio read = WavFile.read(file);
        assertThat(read.data()).isEqualTo(samples);
        assertThat(read.audioFormat()).isEqualTo(new AudioFormat.Pcm(8_000));
    }

    @Test
    void dataBeforeFmtAndWrongRiffSizeAreAccepted() {
        byte[] file = new Riff().riffSize(0).chunk("data", new byte[] {(byte) 0xD5}).fmt(6, 1, 8_000, 8_000, 1, 8)
                .bytes();
        WavAudio read = WavFile.read(file);
        assertThat(read.audioFormat()).isEqualTo(AudioFormat.PCMA);
        assertThat(read.data()).containsExactly(0xD5);
    }

    @Test
    void readsWaveFormatExtensibleThroughItsSubFormat() {
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(24_000).putInt(48_000).putShort((short) 2)
                .putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4);
        fmt.putShort((short) 1).put(new byte[14]); // KSDATAFORMAT_SUBTYPE_PCM starts with 0x0001
        byte[] file = new Riff().chunk("fmt ", fmt.array()).chunk("data", new byte[] {0, 1}).bytes();
        assertThat(WavFile.read(file).audioFormat()).isEqualTo(AudioFormat.PCM16_24K);
    }

    @Test
    void ignoresDamagedChunksAfterTheAudio() {
        byte[] good = new Riff().fmt(7, 1, 8_000, 8_000, 1, 8).chunk("data", new byte[] {1, 2}).bytes();
        byte[] file = java.util.Arrays.copyOf(good, good.length + 10);
        System.arraycopy("LIST".getBytes(StandardCharsets.ISO_8859_1), 0, file, good.length, 4);
        file[good.length + 4] = 100; // claims 100 bytes, only 2 follow
        assertThat(WavFile.read(file).data()).containsExactly(1, 2);
    }

    // ------------------------------------------------------------ malformed files

    @Test
    void rejectsNonRiffInput() {
        assertMalformed(new byte[5], "not a RIFF file: 5 bytes");
        assertMalformed("ID3\u0004 whatever mp3".getBytes(StandardCharsets.ISO_8859_1),
                "not a RIFF file: starts with 'ID3\\x04'");
        assertMalformed(new Riff().magic("RIFX").bytes(), "unsupported RIFF variant 'RIFX'");
        assertMalformed(new Riff().form("AVI ").bytes(), "not a WAVE file: RIFF form type is 'AVI '");
    }

    @Test
    void rejectsMissingOrTruncatedChunks() {
        assertMalformed(new Riff().chunk("data", new byte[2]).bytes(), "fmt chunk missing");
        assertMalformed(new Riff().fmt(1, 1, 8_000, 16_000, 2, 16).bytes(), "data chunk missing");
        byte[] truncated = new Riff().fmt(1, 1, 8_000, 16_000, 2, 16).chunk("data", new byte[100]).bytes();
        assertMalformed(java.util.Arrays.copyOf(truncated, truncated.length - 60),
                "data chunk truncated: expected 100 bytes, found 40");
        byte[] fmtCut = new Riff().fmt(1, 1, 8_000, 16_000, 2, 16).bytes();
        assertMalformed(java.util.Arrays.copyOf(fmtCut, fmtCut.length - 4),
                "fmt chunk truncated: expected 16 bytes, found 12");
        byte[] listCut = new Riff().chunk("LIST", new byte[30]).bytes();
        assertMalformed(java.util.Arrays.copyOf(listCut, listCut.length - 10),
                "chunk 'LIST' at offset 12 truncated: expected 30 bytes, found 20");
        assertMalformed(new Riff().chunk("fmt ", new byte[12]).chunk("data", new byte[0]).bytes(),
                "fmt chunk too short: 12 bytes, needs at least 16");
        assertMalformed(new Riff().fmt(1, 1, 8_000, 16_000, 2, 16).fmt(1, 1, 8_000, 16_000, 2, 16).bytes(),
                "duplicate fmt chunk at offset 36");
        assertMalformed(new Riff().fmt(7, 1, 8_000, 8_000, 1, 8).chunk("data", new byte[1])
                .chunk("data", new byte[1]).bytes(), "duplicate data chunk");
    }

    @Test
    void rejectsUnsupportedOrInconsistentFormats() {
        assertMalformed(new Riff().fmt(3, 1, 8_000, 32_000, 4, 32).chunk("data", new byte[4]).bytes(),
                "formatTag: unsupported WAVE format tag 3");
        assertMalformed(new Riff().fmt(1, 1, 8_000, 8_000, 1, 8).chunk("data", new byte[4]).bytes(),
                "bitsPerSample: format tag 1 needs 16 bits per sample, was 8");
        assertMalformed(new Riff().fmt(1, 6, 8_000, 96_000, 12, 16).chunk("data", new byte[12]).bytes(),
                "channels: only mono (1) and stereo (2) are supported, was 6");
        assertMalformed(new Riff().fmt(1, 2, 8_000, 32_000, 2, 16).chunk("data", new byte[4]).bytes(),
                "fmt chunk: block align 2 does not match 2 channel(s) of 16 bits");
        assertMalformed(new Riff().fmt(1, 1, 8_000, 16_000, 2, 16).chunk("data", new byte[3]).bytes(),
                "data: 3 bytes is not a whole number of 2-byte frames");
        assertMalformed(new Riff().fmt(1, 1, 0, 0, 2, 16).chunk("data", new byte[2]).bytes(),
                "sampleRate: must be positive, was 0");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> WavFile.read((byte[]) null)).hasMessage("file");
        assertThatThrownBy(() -> WavFile.read((Path) null)).hasMessage("path");
        assertThatThrownBy(() -> WavFile.toBytes(null)).hasMessage("audio");
    }

    private static void assertMalformed(byte[] file, String messageStart) {
        assertThatThrownBy(() -> WavFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }

    private static String ascii(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** A hand-assembled RIFF file, independent of {@link WavFile}'s writer. */
    private static final class Riff {
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        private String magic = "RIFF";
        private String form = "WAVE";
        private Integer riffSize;

        Riff magic(String value) {
            magic = value;
            return this;
        }

        Riff form(String value) {
            form = value;
            return this;
        }

        Riff riffSize(int value) {
            riffSize = value;
            return this;
        }

        Riff fmt(int tag, int channels, int rate, int byteRate, int blockAlign, int bits) {
            ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            body.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(byteRate)
                    .putShort((short) blockAlign).putShort((short) bits);
            return chunk("fmt ", body.array());
        }

        Riff chunk(String id, byte[] body) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(body.length);
            chunks.writeBytes(header.array());
            chunks.writeBytes(body);
            if (body.length % 2 == 1) {
                chunks.write(0);
            }
            return this;
        }

        byte[] bytes() {
            byte[] body = chunks.toByteArray();
            ByteBuffer file = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            file.put(magic.getBytes(StandardCharsets.ISO_8859_1))
                    .putInt(riffSize != null ? riffSize : 4 + body.length)
                    .put(form.getBytes(StandardCharsets.ISO_8859_1))
                    .put(body);
            return file.array();
        }
    }
}
