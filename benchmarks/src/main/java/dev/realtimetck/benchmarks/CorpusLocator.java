package dev.realtimetck.benchmarks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a corpus directory the user chose: the benchmark's {@code corpusDir} parameter when not empty, else the
 * system property {@code corpus.dir}. Empty when neither is set: the corpora bundled in
 * {@code realtime-protocol-data} are used then.
 */
final class CorpusLocator {

    /** The system property that names the corpus directory. */
    static final String PROPERTY = "corpus.dir";

    private CorpusLocator() {
    }

    static Optional<Path> locate(String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            return Optional.of(Path.of(parameter.strip()));
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property.strip()));
        }
        return Optional.empty();
    }
}
