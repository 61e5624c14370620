package dev.realtimetck.benchmarks;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The listeners a {@link BenchmarkTarget} registers on its inbound pipeline.
 *
 * @param sink        receives every event object any registered listener gets (the benchmark passes it to JMH's
 *                    {@code Blackhole}, so the work of building the event cannot be optimised away)
 * @param anyListener whether a {@code '*'} (all server events) listener is registered too
 */
public record BenchmarkListeners(Consumer<Object> sink, boolean anyListener) {

    /** Checks the sink. */
    public BenchmarkListeners {
        Objects.requireNonNull(sink, "sink");
    }
}
