package dev.realtimetck.tck;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every time budget of the TCK, in one place. Waits for something that should happen return as soon as it
 * happens and give up after {@link #signalTimeout()}; only checks that something must <em>not</em> happen wait
 * the full {@link #noSignalWindow()}. Both are multiplied by {@link #timeScale()} for slow machines.
 *
 * <p>Configuration (JUnit configuration parameters, which also read system properties; then environment
 * variables): {@code tck.signalTimeoutMs} / {@code TCK_SIGNAL_TIMEOUT_MS} (default 5000),
 * {@code tck.noSignalMs} / {@code TCK_NO_SIGNAL_MS} (default 300), {@code tck.timeScale} /
 * {@code TCK_TIME_SCALE} (default 1.0).
 *
 * @param baseSignalTimeout the unscaled longest wait for an expected event
 * @param baseNoSignalWindow the unscaled window of "nothing else arrives" checks
 * @param timeScale the factor applied to both (at least 0.1)
 */
public record TckTiming(Duration baseSignalTimeout, Duration baseNoSignalWindow, double timeScale) {

    /** Default unscaled signal timeout. */
    public static final Duration DEFAULT_SIGNAL_TIMEOUT = Duration.ofSeconds(5);
    /** Default unscaled no-signal window. */
    public static final Duration DEFAULT_NO_SIGNAL_WINDOW = Duration.ofMillis(300);

    /** Validates the fields. */
    public TckTiming {
        Objects.requireNonNull(baseSignalTimeout, "baseSignalTimeout");
        Objects.requireNonNull(baseNoSignalWindow, "baseNoSignalWindow");
        if (baseSignalTimeout.isNegative() || baseSignalTimeout.isZero()) {
            throw new IllegalArgumentException("baseSignalTimeout: must be positive, was " + baseSignalTimeout);
        }
        if (baseNoSignalWindow.isNegative() || baseNoSignalWindow.isZero()) {
            throw new IllegalArgumentException("baseNoSignalWindow: must be positive, was " + baseNoSignalWindow);
        }
        if (!(timeScale >= 0.1) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale: must be a finite number >= 0.1, was " + timeScale);
        }
    }

    /** The defaults: 5 s, 300 ms, scale 1. */
    public static TckTiming defaults() {
        return new TckTiming(DEFAULT_SIGNAL_TIMEOUT, DEFAULT_NO_SIGNAL_WINDOW, 1.0);
    }

    /** From system properties, then environment variables, then the defaults. */
    public static TckTiming fromSystem() {
        return from(key -> Optional.ofNullable(System.getProperty(key)), System::getenv);
    }

    /**
     * Reads the timing from configuration parameters (first) and environment variables (second).
     *
     * @throws IllegalArgumentException naming the parameter when a value is not a number
     */
    public static TckTiming from(Function<String, Optional<String>> parameters, Function<String, String> env) {
        long signal = number(parameters, env, "tck.signalTimeoutMs", DEFAULT_SIGNAL_TIMEOUT.toMillis());
        long noSignal = number(parameters, env, "tck.noSignalMs", DEFAULT_NO_SIGNAL_WINDOW.toMillis());
        String scale = value(parameters, env, "tck.timeScale");
        double timeScale;
        try {
            timeScale = scale == null ? 1.0 : Double.parseDouble(scale.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tck.timeScale: not a number: '" + scale + "'");
        }
        return new TckTiming(Duration.ofMillis(signal), Duration.ofMillis(noSignal), timeScale);
    }

    private static long number(Function<String, Optional<String>> parameters, Function<String, String> env,
                               String key, long fallback) {
        String raw = value(parameters, env, key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a whole number of milliseconds: '" + raw + "'");
        }
    }

    private static String value(Function<String, Optional<String>> parameters, Function<String, String> env,
                                String key) {
        Optional<String> param = parameters.apply(key);
        if (param.isPresent() && !param.get().isBlank()) {
            return param.get();
        }
        String fromEnv = env.apply(envName(key));
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    /** {@code tck.signalTimeoutMs} becomes {@code TCK_SIGNAL_TIMEOUT_MS}. */
    static String envName(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The scaled longest wait for an expected event. */
    public Duration signalTimeout() {
        return scale(baseSignalTimeout);
    }

    /** The scaled window of "nothing (else) happens" checks. */
    public Duration noSignalWindow() {
        return scale(baseNoSignalWindow);
    }

    /** Any duration, scaled. */
    public Duration scale(Duration d) {
        return Duration.ofNanos(Math.round(d.toNanos() * timeScale));
    }

    /** One line for the report header. */
    public String describe() {
        return "signalTimeout=" + signalTimeout().toMillis() + "ms noSignalWindow=" + noSignalWindow().toMillis()
                + "ms timeScale=" + timeScale;
    }
}
