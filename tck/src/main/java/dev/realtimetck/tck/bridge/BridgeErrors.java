package dev.realtimetck.tck.bridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The bridge's error shape, {@code {"type", "message", "kind", "ref"}}, in both directions. {@code kind} tells the
 * TCK which Java exception a thrown error stands for ({@code unsupported} for {@link UnsupportedOperationException},
 * {@code illegalArgument}, {@code illegalState}, anything else {@code error}); {@code ref} names an exception a TCK
 * listener threw (sent to the adapter in an {@code ack}), so that the TCK gets its own exception object back when
 * the adapter's transport passes it on.
 */
public final class BridgeErrors {

    private BridgeErrors() {
    }

    /** Describes a Java throwable in the bridge's error shape (for a Java adapter). */
    public static Map<String, Object> describe(Throwable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ListenerFailure lf) {
                m.put("type", lf.type());
                m.put("message", lf.getMessage());
                m.put("kind", "error");
                m.put("ref", lf.ref());
                return m;
            }
        }
        m.put("type", t.getClass().getName());
        m.put("message", t.getMessage() == null ? "" : t.getMessage());
        m.put("kind", t instanceof UnsupportedOperationException ? "unsupported"
                : t instanceof IllegalArgumentException ? "illegalArgument"
                : t instanceof IllegalStateException ? "illegalState" : "error");
        return m;
    }

    /**
     * The Java exception for a described error: the TCK listener's own exception when {@code ref} names one,
     * otherwise a new exception of the class {@code kind} gives, whose message names the adapter's error type.
     *
     * @param refs resolves a ref to the exception a TCK listener threw, or null
     */
    public static Throwable exception(Map<String, Object> error, IntFunction<Throwable> refs) {
        if (error.get("ref") instanceof Number ref && refs != null) {
            Throwable own = refs.apply(ref.intValue());
            if (own != null) {
                return own;
            }
        }
        String type = String.valueOf(error.getOrDefault("type", "Error"));
        String message = type + ": " + error.getOrDefault("message", "");
        return switch (String.valueOf(error.get("kind"))) {
            case "unsupported" -> new UnsupportedOperationException(message);
            case "illegalArgument" -> new IllegalArgumentException(message);
            case "illegalState" -> new IllegalStateException(message);
            default -> new AdapterException(type, message);
        };
    }

    /** An error the adapter reported that has no closer Java counterpart. */
    public static final class AdapterException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        AdapterException(String type, String message) {
            super(message);
            this.type = type;
        }

        /** The adapter's name for the error type (for example {@code TypeError}). */
        public String type() {
            return type;
        }
    }

    /**
     * Thrown by a Java adapter's forwarding listener when the TCK reports (in an {@code ack}) that one of its
     * listeners threw: carries the ref, so the error can be named when the transport passes it on.
     */
    public static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;
        private final int ref;

        /** A listener failure with the TCK's type name, message and ref. */
        public ListenerFailure(String type, String message, int ref) {
            super(message);
            this.type = type;
            this.ref = ref;
        }

        /** The TCK listener's exception class name. */
        public String type() {
            return type;
        }

        /** The ref the TCK gave the exception. */
        public int ref() {
            return ref;
        }
    }
}
