package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioAppendEncoderTest {

    private final AudioAppendEncoder encoder = new AudioAppendEncoder();

    private static byte[] pcm(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String expected(byte[] bytes, int offset, int length) {
        byte[] part = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64.getEncoder().encodeToString(part)
                + "\"}";
    }

    @Test
    void framesStayIntactWhenTheBuffersAreReusedForLaterFrames() {
        byte[] first = pcm(4800, 1);
        byte[] second = pcm(4800, 2);
        byte[] shorter = pcm(961, 3);
        String one = encoder.frame(ByteBuffer.wrap(first));
        String two = encoder.frame(ByteBuffer.wrap(second));
        String three = encoder.frame(ByteBuffer.wrap(shorter));
        String four = encoder.frame(ByteBuffer.wrap(first));
        assertThat(one).isEqualTo(expected(first, 0, 4800)).isEqualTo(four);
        assertThat(two).isEqualTo(expected(second, 0, 4800));
        assertThat(three).isEqualTo(expected(shorter, 0, 961));
    }

    @Test
    void slicedDirectAndReadOnlyBuffersEncodePositionToLimitWithoutConsumingThem() {
        byte[] bytes = pcm(1000, 4);
        ByteBuffer window = ByteBuffer.wrap(bytes, 10, 500);
        ByteBuffer slice = ByteBuffer.wrap(bytes).position(100).slice().limit(301);
        ByteBuffer direct = ByteBuffer.allocateDirect(1000).put(bytes).flip().position(7);
        ByteBuffer readOnly = ByteBuffer.wrap(bytes).asReadOnlyBuffer().position(3).limit(900);
        assertThat(encoder.frame(window)).isEqualTo(expected(bytes, 10, 500));
        assertThat(encoder.frame(slice)).isEqualTo(expected(bytes, 100, 301));
        assertThat(encoder.frame(direct)).isEqualTo(expected(bytes, 7, 993));
        assertThat(encoder.frame(readOnly)).isEqualTo(expected(bytes, 3, 897));
        assertThat(window.position()).isEqualTo(10);
        assertThat(slice.position()).isZero();
        assertThat(direct.position()).isEqualTo(7);
        assertThat(readOnly.position()).isEqualTo(3);
    }

    @Test
    void emptyAndLargerThanRetainedChunksEncode() {
        byte[] large = pcm(AudioAppendEncoder.MAX_RETAINED + 5, 5);
        assertThat(encoder.frame(ByteBuffer.allocate(0)))
                .isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"\"}");
        assertThat(encoder.frame(ByteBuffer.wrap(large).position(1))).isEqualTo(expected(large, 1, large.length - 1));
        byte[] small = pcm(30, 6);
        assertThat(encoder.frame(ByteBuffer.wrap(small))).isEqualTo(expected(small, 0, 30));
    }
}
