package dev.realtimetck.api.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

    // ------------------------------------------------------------ reference values

    @Test
    void mulawReferenceValues() {
        assertThat(G711.encodeMulaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.encodeMulaw((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(G711.encodeMulaw((short) 8)).isEqualTo((byte) 0xFE);
        assertThat(G711.encodeMulaw((short) -8)).isEqualTo((byte) 0x7E);
        assertThat(G711.encodeMulaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.encodeMulaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.decodeMulaw((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.decodeMulaw((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.decodeMulaw((byte) 0x80)).isEqualTo((short) 32_124);
        assertThat(G711.decodeMulaw((byte) 0x00)).isEqualTo((short) -32_124);
        assertThat(G711.decodeMulaw((byte) 0xFE)).isEqualTo((short) 8);
    }

    @Test
    void alawReferenceValues() {
        assertThat(G711.encodeAlaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.encodeAlaw((short) -1)).isEqualTo((byte) 0x55);
        assertThat(G711.encodeAlaw((short) -8)).isEqualTo((byte) 0x55);
        assertThat(G711.encodeAlaw((short) -9)).isEqualTo((byte) 0x55);
        assertThat(G711.encodeAlaw((short) 16)).isEqualTo((byte) 0xD4);
        assertThat(G711.encodeAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.encodeAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(G711.decodeAlaw((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.decodeAlaw((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.decodeAlaw((byte) 0xAA)).isEqualTo((short) 32_256);
        assertThat(G711.decodeAlaw((byte) 0x2A)).isEqualTo((short) -32_256);
    }

    // ------------------------------------------------------------ decode tables from the segment definitions

    @Test
    void mulawDecodeTableMatchesSegmentFormula() {
        for (int code = 0; code < 256; code++) {
            int u = ~code & 0xFF;
            int exponent = (u >> 4) & 7;
            int mantissa = u & 0x0F;
            // 14-bit magnitude of the G.711 mu-law reconstruction level, scaled by 4 to 16 bits
            int magnitude = (((2 * mantissa + 33) << exponent) - 33) * 4;
            int expected = (u & 0x80) != 0 ? -magnitude : magnitude;
            assertThat(G711.decodeMulaw((byte) code)).as("code 0x%02X", code).isEqualTo((short) expected);
        }
    }

    @Test
    void alawDecodeTableMatchesSegmentFormula() {
        for (int code = 0; code < 256; code++) {
            int a = code ^ 0x55;
            int segment = (a >> 4) & 7;
            int mantissa = a & 0x0F;
            // segment 0 is linear with step 16; segment e >= 1 starts at 256 << (e - 1) with step 16 << (e - 1)
            int magnitude = segment == 0 ? (2 * mantissa + 1) << 3 : (2 * mantissa + 33) << (segment + 2);
            int expected = (a & 0x80) != 0 ? magnitude : -magnitude;
            assertThat(G711.decodeAlaw((byte) code)).as("code 0x%02X", code).isEqualTo((short) expected);
        }
    }

    @Test
    void decodeTablesMatchTheJdkSoundCodecs() throws IOException {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        assertThat(jdkDecode(codes, javax.sound.sampled.AudioFormat.Encoding.ULAW)).isEqualTo(G711.decodeMulaw(codes));
        assertThat(jdkDecode(codes, javax.sound.sampled.AudioFormat.Encoding.ALAW)).isEqualTo(G711.decodeAlaw(codes));
    }

    private static byte[] jdkDecode(byte[] codes, javax.sound.sampled.AudioFormat.Encoding law) throws IOException {
        var source = new javax.sound.sampled.AudioFormat(law, 8000, 8, 1, 1, 8000, false);
        var target = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(codes), source, codes.length);
                AudioInputStream out = AudioSystem.getAudioInputStream(target, in)) {
            return out.readAllBytes();
        }
    }

    // ------------------------------------------------------------ encoders

    /** The mu-law encoder in its other classic form: clip, bias, then an exponent lookup on bits 7..14. */
    private static byte referenceMulaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32_635) + 0x84;
        int exponent = 31 - Integer.numberOfLeadingZeros(magnitude >> 7);
        exponent = Math.max(exponent, 0);
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | exponent << 4 | mantissa);
    }

    @Test
    void mulawEncoderMatchesTheExponentLookupFormulation() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            assertThat(G711.encodeMulaw((short) s)).as("sample %d", s).isEqualTo(referenceMulaw(s));
        }
    }

    @Test
    void alawEncoderMatchesCpythonAudioopChecksum() {
        // CRC-32 of audioop.lin2alaw over every 16-bit sample from -32768 to 32767, computed with CPython 3.12
        // (an independent implementation of the same ITU-style A-law quantiser).
        CRC32 crc = new CRC32();
        crc.update(G711.encodeAlaw(ramp()));
        assertThat(crc.getValue()).isEqualTo(0x9133796EL);
    }

    @Test
    void quantisationErrorIsAtMostHalfAStep() {
        for (int s = -32_124; s <= 32_124; s++) {
            short sample = (short) s;
            int mu = G711.decodeMulaw(G711.encodeMulaw(sample));
            int muSegment = (~G711.encodeMulaw(sample) >> 4) & 7;
            assertThat(Math.abs(mu - s)).as("mu-law %d", s).isLessThanOrEqualTo(4 << muSegment);
            int a = G711.decodeAlaw(G711.encodeAlaw(sample));
            int aSegment = ((G711.encodeAlaw(sample) ^ 0x55) >> 4) & 7;
            int halfStep = aSegment == 0 ? 8 : 8 << (aSegment - 1);
            assertThat(Math.abs(a - s)).as("A-law %d", s).isLessThanOrEqualTo(halfStep);
        }
    }

    @Test
    void everyCodeSurvivesDecodeThenEncodeExceptNegativeMulawZero() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertThat(G711.encodeAlaw(G711.decodeAlaw(b))).as("A-law 0x%02X", code).isEqualTo(b);
            if (code == 0x7F) {
                // 0x7F is mu-law's "negative zero"; it decodes to 0, which encodes as the positive zero 0xFF
                assertThat(G711.encodeMulaw(G711.decodeMulaw(b))).isEqualTo((byte) 0xFF);
            } else {
                assertThat(G711.encodeMulaw(G711.decodeMulaw(b))).as("mu-law 0x%02X", code).isEqualTo(b);
            }
        }
    }

    @Test
    void encodersAreMonotonic() {
        int previousMu = Integer.MIN_VALUE;
        int previousA = Integer.MIN_VALUE;
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int mu = G711.decodeMulaw(G711.encodeMulaw((short) s));
            int a = G711.decodeAlaw(G711.encodeAlaw((short) s));
            assertThat(mu).as("mu-law at %d", s).isGreaterThanOrEqualTo(previousMu);
            assertThat(a).as("A-law at %d", s).isGreaterThanOrEqualTo(previousA);
            previousMu = mu;
            previousA = a;
        }
    }

    @Test
    void decodedLevelsAreStrictlyOrderedAndSymmetric() {
        assertThat(distinctSortedLevels(true)).hasSize(255); // two codes share zero
        assertThat(distinctSortedLevels(false)).hasSize(256);
        for (int code = 0; code < 128; code++) {
            assertThat(G711.decodeMulaw((byte) code)).isEqualTo((short) -G711.decodeMulaw((byte) (code | 0x80)));
            assertThat(G711.decodeAlaw((byte) code)).isEqualTo((short) -G711.decodeAlaw((byte) (code | 0x80)));
        }
    }

    private static java.util.SortedSet<Short> distinctSortedLevels(boolean mulaw) {
        java.util.SortedSet<Short> levels = new java.util.TreeSet<>();
        for (int code = 0; code < 256; code++) {
            levels.add(mulaw ? G711.decodeMulaw((byte) code) : G711.decodeAlaw((byte) code));
        }
        return levels;
    }

    // ------------------------------------------------------------ bulk

    @Test
    void bulkEncodeAgreesWithSingleSamples() {
        byte[] pcm = ramp();
        byte[] mu = G711.encodeMulaw(pcm);
        byte[] a = G711.encodeAlaw(pcm);
        assertThat(mu).hasSize(65_536);
        for (int i = 0; i < 65_536; i++) {
            short sample = (short) (i - 32_768);
            assertThat(mu[i]).isEqualTo(G711.encodeMulaw(sample));
            assertThat(a[i]).isEqualTo(G711.encodeAlaw(sample));
        }
    }

    @Test
    void bulkDecodeIsLittleEndianPcm() {
        byte[] pcm = G711.decodeMulaw(new byte[] {(byte) 0x80, 0x00});
        assertThat(pcm).containsExactly(0x7C, 0x7D, 0x84, 0x82); // 32124 = 0x7D7C, -32124 = 0x8284
        assertThat(G711.decodeAlaw(new byte[] {(byte) 0xD5})).containsExactly(0x08, 0x00);
    }

    @Test
    void offsetVariantsWorkOnTheRangeOnly() {
        byte[] pcm = {9, 9, 0, 0, 16, 0, 9};
        assertThat(G711.encodeMulaw(pcm, 2, 4)).containsExactly(0xFF, G711.encodeMulaw((short) 16));
        assertThat(G711.encodeAlaw(pcm, 2, 4)).containsExactly(0xD5, 0xD4);

        byte[] out = {1, 1, 1, 1};
        assertThat(G711.encodeAlaw(pcm, 2, 4, out, 1)).isEqualTo(2);
        assertThat(out).containsExactly(1, 0xD5, 0xD4, 1);

        byte[] decoded = new byte[6];
        assertThat(G711.decodeMulaw(new byte[] {0, (byte) 0xFF, 0}, 1, 1, decoded, 2)).isEqualTo(2);
        assertThat(decoded).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(G711.decodeAlaw(new byte[] {0, (byte) 0xD5}, 1, 1, decoded, 4)).isEqualTo(2);
        assertThat(decoded).containsExactly(0, 0, 0, 0, 8, 0);
        assertThat(G711.decodeAlaw(new byte[] {0, (byte) 0xD5, 0}, 1, 1)).containsExactly(8, 0);
        assertThat(G711.decodeMulaw(new byte[] {0, (byte) 0xFE, 0}, 1, 1)).containsExactly(8, 0);
        byte[] muOut = new byte[1];
        assertThat(G711.encodeMulaw(new byte[] {8, 0}, 0, 2, muOut, 0)).isEqualTo(1);
        assertThat(muOut).containsExactly(0xFE);
    }

    @Test
    void byteBufferVariantsLeaveThePositionAlone() {
        byte[] pcm = ramp();
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.wrap(pcm), ByteBuffer.allocateDirect(pcm.length)}) {
            if (buffer.isDirect()) {
                buffer.put(pcm).flip();
            }
            buffer.position(2).limit(10);
            assertThat(G711.encodeMulaw(buffer)).isEqualTo(G711.encodeMulaw(pcm, 2, 8));
            assertThat(G711.encodeAlaw(buffer)).isEqualTo(G711.encodeAlaw(pcm, 2, 8));
            assertThat(G711.decodeMulaw(buffer)).isEqualTo(G711.decodeMulaw(pcm, 2, 8));
            assertThat(G711.decodeAlaw(buffer)).isEqualTo(G711.decodeAlaw(pcm, 2, 8));
            assertThat(buffer.position()).isEqualTo(2);
        }
        ByteBuffer slice = ByteBuffer.wrap(pcm, 4, 20).slice();
        assertThat(G711.encodeAlaw(slice)).isEqualTo(G711.encodeAlaw(pcm, 4, 20));
    }

    @Test
    void lawToLawConversionGoesThroughLinear() {
        byte[] mu = new byte[256];
        for (int i = 0; i < 256; i++) {
            mu[i] = (byte) i;
        }
        byte[] a = new byte[256];
        assertThat(G711.mulawToAlaw(mu, 0, 256, a, 0)).isEqualTo(256);
        byte[] back = new byte[256];
        G711.alawToMulaw(a, 0, 256, back, 0);
        for (int i = 0; i < 256; i++) {
            assertThat(a[i]).isEqualTo(G711.encodeAlaw(G711.decodeMulaw(mu[i])));
            assertThat(back[i]).isEqualTo(G711.encodeMulaw(G711.decodeAlaw(a[i])));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> G711.encodeMulaw(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("length:");
        assertThatThrownBy(() -> G711.encodeAlaw(ByteBuffer.allocate(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pcm:");
        assertThatThrownBy(() -> G711.encodeMulaw(new byte[4], 2, 4))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("pcm:");
        assertThatThrownBy(() -> G711.decodeAlaw(new byte[4], -1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("codes:");
        assertThatThrownBy(() -> G711.decodeMulaw(new byte[4], 0, 4, new byte[7], 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("out:");
        assertThatThrownBy(() -> G711.encodeAlaw(new byte[4], 0, 4, new byte[2], 1))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("out:");
        assertThatThrownBy(() -> G711.decodeMulaw((byte[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("codes");
        assertThatThrownBy(() -> G711.mulawToAlaw(new byte[2], 0, 3, new byte[3], 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageStartingWith("mulaw:");
    }

    /** Every 16-bit sample from -32768 to 32767 as PCM16 LE. */
    static byte[] ramp() {
        byte[] pcm = new byte[2 * 65_536];
        for (int s = Short.MIN_VALUE, i = 0; s <= Short.MAX_VALUE; s++, i += 2) {
            pcm[i] = (byte) s;
            pcm[i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }
}
