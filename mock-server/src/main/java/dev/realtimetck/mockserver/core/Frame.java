package dev.realtimetck.mockserver.core;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * One entry of a session's frame log: a WebSocket frame in either direction, or the connection dropping.
 *
 * @param direction who sent it
 * @param seq sequence number within the session, starting at 0, counting both directions (gaps appear only
 *     when the bounded log dropped its oldest entries)
 * @param offset monotonic time since the session opened
 * @param kind the frame kind
 * @param text the text of a {@link Kind#TEXT} frame, otherwise null
 * @param base64 the base64 payload of a {@link Kind#BINARY} frame, otherwise null
 * @param closeCode the close code of a {@link Kind#CLOSE} frame, otherwise null
 * @param closeReason the close reason of a {@link Kind#CLOSE} frame (possibly empty), otherwise null
 */
public record Frame(Direction direction, long seq, Duration offset, Kind kind, String text, String base64,
                    Integer closeCode, String closeReason) {

    /** Who sent a frame. */
    public enum Direction {
        /** From the client (the transport under test) to the mock server. */
        CLIENT,
        /** From the mock server to the client. */
        SERVER
    }

    /** What a frame log entry is. */
    public enum Kind {
        /** A text frame. */
        TEXT,
        /** A binary frame. */
        BINARY,
        /** A close frame. */
        CLOSE,
        /** The TCP connection ended without a close frame (dropped by {@link #direction()}). */
        DROP
    }

    /** Validates the fields. */
    public Frame {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(kind, "kind");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
        if (kind == Kind.TEXT) {
            Objects.requireNonNull(text, "text");
        }
        if (kind == Kind.BINARY) {
            Objects.requireNonNull(base64, "base64");
        }
        if (kind == Kind.CLOSE) {
            Objects.requireNonNull(closeCode, "closeCode");
        }
    }

    /** The payload of a binary frame, decoded; an empty array for other kinds. */
    public byte[] binary() {
        return base64 == null ? new byte[0] : Base64.getDecoder().decode(base64);
    }

    /** A short one-line rendering for failure messages (text cut to {@code maxText} characters). */
    public String describe(int maxText) {
        String head = "#" + seq + " " + direction + " " + kind + " @" + offset.toMillis() + "ms";
        return switch (kind) {
            case TEXT -> head + " " + (text.length() > maxText ? text.substring(0, maxText) + "..." : text);
            case BINARY -> head + " (" + binary().length + " bytes)";
            case CLOSE -> head + " " + closeCode
                    + (closeReason == null || closeReason.isEmpty() ? "" : " " + closeReason);
            case DROP -> head;
        };
    }
}
