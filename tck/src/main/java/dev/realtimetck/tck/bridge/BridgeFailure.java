package dev.realtimetck.tck.bridge;

/**
 * The bridge to the adapter broke: a malformed or unknown line, an out-of-sequence event, an adapter that exited or
 * did not answer within its bound. The message names the adapter command, what went wrong and the adapter's last
 * standard-error lines. It is an {@link AssertionError} so that a TCK rule that expects a transport call to throw a
 * {@code RuntimeException} never mistakes a broken bridge for the expected exception.
 */
public final class BridgeFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** A failure with its full message. */
    public BridgeFailure(String message) {
        super(message);
    }

    /** A failure with its full message and the exception that surfaced it. */
    public BridgeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
