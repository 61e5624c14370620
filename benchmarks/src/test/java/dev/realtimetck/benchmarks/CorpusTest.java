package dev.realtimetck.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void loadsNonBlankLinesAndCountsUtf8Bytes() throws IOException {
        Files.writeString(dir.resolve("tiny.jsonl"), "{\"type\":\"a\"}\n\n{\"type\":\"é\"}\n", StandardCharsets.UTF_8);

        Corpus corpus = Corpus.load(dir, "tiny");

        assertThat(corpus.frames()).containsExactly("{\"type\":\"a\"}", "{\"type\":\"é\"}");
        assertThat(corpus.events()).isEqualTo(2);
        assertThat(corpus.bytes()).isEqualTo(12 + 13);
    }

    @Test
    void missingFileNamesThePathAndTheWayToPointElsewhere() {
        assertThatThrownBy(() -> Corpus.load(dir.resolve("nowhere"), "response-audio"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("nowhere").resolve("response-audio.jsonl").toString())
                .hasMessageContaining("-Dcorpus.dir");
    }

    @Test
    void emptyCorpusIsRejected() throws IOException {
        Files.writeString(dir.resolve("empty.jsonl"), "\n");

        assertThatThrownBy(() -> Corpus.load(dir, "empty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frames");
    }

    @Test
    void locatorPrefersTheParameterThenTheSystemProperty() {
        assertThat(CorpusLocator.locate("/some/dir")).isEqualTo(Path.of("/some/dir"));
        String previous = System.getProperty(CorpusLocator.PROPERTY);
        System.setProperty(CorpusLocator.PROPERTY, "/from/property");
        try {
            assertThat(CorpusLocator.locate("")).isEqualTo(Path.of("/from/property"));
        } finally {
            if (previous == null) {
                System.clearProperty(CorpusLocator.PROPERTY);
            } else {
                System.setProperty(CorpusLocator.PROPERTY, previous);
            }
        }
    }

    @Test
    void locatorDefaultsToSharedCorpusBesideTheRepository() {
        String previous = System.getProperty(CorpusLocator.PROPERTY);
        System.clearProperty(CorpusLocator.PROPERTY);
        try {
            Path located = CorpusLocator.locate(null);
            assertThat(located.endsWith(Path.of("shared", "corpus"))).isTrue();
            // the test runs in <repo>/benchmarks, so the default is <repo>/../shared/corpus
            assertThat(located).isEqualTo(Path.of("").toAbsolutePath().getParent().resolve("../shared/corpus")
                    .normalize());
        } finally {
            if (previous != null) {
                System.setProperty(CorpusLocator.PROPERTY, previous);
            }
        }
    }
}
