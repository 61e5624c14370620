package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One short iteration of every benchmark (in this JVM, no warm-up): each must run without error and produce a
 * finite positive score. Proves the benchmarks work, says nothing about their figures.
 */
class SmokeBenchmarksTest {

    private static ChainedOptionsBuilder smoke(Class<?> benchmark) {
        return smoke(benchmark.getName() + "\\.");
    }

    private static ChainedOptionsBuilder smoke(String regex) {
        return new OptionsBuilder()
                .include(regex)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(150))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options, int expectedRuns) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        Set<String> names = new TreeSet<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark() + result.getParams().getParamsKeys().stream()
                    .map(k -> " " + k + "=" + result.getParams().getParam(k)).reduce("", String::concat);
            names.add(name);
            double score = result.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score) && score > 0, name + " scored " + score);
        }
        assertThat(names).hasSize(expectedRuns);
        return results;
    }

    @Test
    void audioEncodeOfTheReferenceTransport() throws RunnerException {
        run(smoke(AudioEncodeBenchmark.class), 6);
    }

    @Test
    void audioEncodeThroughTheSpi() throws RunnerException {
        run(smoke(AudioEncodeBenchmark.class).param("factory", ExampleTreeTarget.class.getName())
                .param("chunkBytes", "4800"), 2);
    }

    @Test
    void g711() throws RunnerException {
        run(smoke(G711Benchmark.class).param("chunkBytes", "4800"), 4);
    }

    @Test
    void eventDispatchOfTheReferenceTransport() throws RunnerException {
        run(smoke(EventDispatchBenchmark.class), 9);
    }

    @Test
    void eventDispatchThroughTheSpi() throws RunnerException {
        run(smoke(EventDispatchBenchmark.class)
                .param("factory", ExampleTreeTarget.class.getName()).param("corpus", "response-text"), 3);
    }

    @Test
    void loopbackBaselinesOfTheBareClient() throws RunnerException {
        run(smoke(LoopbackBenchmark.class.getName() + "\\.bareClient"), 2);
    }

    @Test
    void loopbackOfTheReferenceTransport() throws RunnerException {
        run(smoke(LoopbackBenchmark.class), 4);
    }
}
