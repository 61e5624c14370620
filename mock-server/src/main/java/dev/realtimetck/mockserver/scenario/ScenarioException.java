package dev.realtimetck.mockserver.scenario;

/** A scenario or recording that cannot be loaded; the message names the source and the offending path. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
