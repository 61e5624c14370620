package dev.realtimetck.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the corpus directory. In order: the benchmark's {@code corpusDir} parameter when not empty, the system
 * property {@code corpus.dir}, else {@code ../shared/corpus} relative to the repository root (the first directory
 * at or above the working directory that holds {@code benchmarks/pom.xml}).
 */
final class CorpusLocator {

    /** The system property that names the corpus directory. */
    static final String PROPERTY = "corpus.dir";

    private CorpusLocator() {
    }

    static Path locate(String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            return Path.of(parameter.strip());
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("benchmarks").resolve("pom.xml"))) {
                return dir.resolve("../shared/corpus").normalize();
            }
        }
        return cwd.resolve("../shared/corpus").normalize();
    }
}
