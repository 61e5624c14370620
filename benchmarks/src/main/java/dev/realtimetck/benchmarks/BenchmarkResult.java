package dev.realtimetck.benchmarks;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of JMH's JSON result file, reduced to what {@link ResultsTable} prints. Rates are per second
 * whatever time unit the run used.
 *
 * @param benchmarkClass simple name of the benchmark class
 * @param method         the benchmark method
 * @param mode           JMH's mode ({@code thrpt}, {@code sample}, ...)
 * @param params         the JMH parameters of this entry
 * @param opsPerSecond   the primary score as operations per second (0 for time modes)
 * @param percentilesUs  time modes: percentile ("50.0", "99.0") to microseconds per operation
 * @param secondary      secondary metrics by name (aux counters as per-second rates, {@code gc.alloc.rate.norm}
 *                       in bytes per operation)
 */
record BenchmarkResult(String benchmarkClass, String method, String mode, Map<String, String> params,
                       double opsPerSecond, Map<String, Double> percentilesUs, Map<String, Double> secondary) {

    BenchmarkResult {
        Objects.requireNonNull(benchmarkClass, "benchmarkClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        params = Map.copyOf(new TreeMap<>(Objects.requireNonNull(params, "params")));
        percentilesUs = Map.copyOf(Objects.requireNonNull(percentilesUs, "percentilesUs"));
        secondary = Map.copyOf(Objects.requireNonNull(secondary, "secondary"));
    }

    /** A secondary metric, or {@code NaN} when absent. */
    double secondary(String name) {
        Double value = secondary.get(name);
        return value == null ? Double.NaN : value;
    }

    /** A parameter, or the empty string when absent. */
    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** Bytes allocated per operation from JMH's GC profiler, or {@code NaN} when the run had no {@code -prof gc}. */
    double allocatedBytesPerOp() {
        return secondary.entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElse(Double.NaN);
    }
}
