package dev.realtimetck.api.audio;

import java.util.Objects;

/** Argument checks shared by the audio helpers; every message names the offending argument. */
final class Checks {

    private Checks() {
    }

    /** Checks that {@code [offset, offset + length)} lies inside an array of {@code arrayLength}. */
    static void range(String name, int arrayLength, int offset, int length) {
        if (offset < 0) {
            throw new IndexOutOfBoundsException(name + ": offset must be >= 0, was " + offset);
        }
        if (length < 0) {
            throw new IndexOutOfBoundsException(name + ": length must be >= 0, was " + length);
        }
        if ((long) offset + length > arrayLength) {
            throw new IndexOutOfBoundsException(
                    name + ": offset " + offset + " + length " + length + " exceeds array length " + arrayLength);
        }
    }

    /** Checks a non-null array and a range in it. */
    static void range(String name, byte[] array, int offset, int length) {
        Objects.requireNonNull(array, name);
        range(name, array.length, offset, length);
    }

    /** Checks that a PCM16 byte count is even. */
    static void evenPcmLength(String name, long byteCount) {
        if ((byteCount & 1) != 0) {
            throw new IllegalArgumentException(
                    name + ": PCM16 byte count must be even (2 bytes per sample), was " + byteCount);
        }
    }

    /** Checks that an output array has room for {@code needed} bytes at {@code offset}. */
    static void room(String name, byte[] out, int offset, long needed) {
        Objects.requireNonNull(out, name);
        if (offset < 0) {
            throw new IndexOutOfBoundsException(name + ": offset must be >= 0, was " + offset);
        }
        if (offset + needed > out.length) {
            throw new IndexOutOfBoundsException(name + ": needs " + needed + " bytes at offset " + offset
                    + " but array length is " + out.length);
        }
    }
}
