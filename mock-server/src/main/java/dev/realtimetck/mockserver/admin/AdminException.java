package dev.realtimetck.mockserver.admin;

import java.util.Objects;

/**
 * Thrown by an admin action to answer with an HTTP error and a JSON body
 * {@code {"error":{"message":..,"type":"invalid_request_error","code":..}}}.
 */
public final class AdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * @param status the HTTP status, 4xx or 5xx
     * @param code a machine-readable code such as {@code session_not_found}
     * @param message one readable sentence
     */
    public AdminException(int status, String code, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The machine-readable code. */
    public String code() {
        return code;
    }
}
