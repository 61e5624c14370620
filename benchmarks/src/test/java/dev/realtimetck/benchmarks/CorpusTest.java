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
        assertThat(CorpusLocator.locate("/some/dir")).contains(Path.of("/some/dir"));
        String previous = System.getProperty(CorpusLocator.PROPERTY);
        System.setProperty(CorpusLocator.PROPERTY, "/from/property");
        try {
            assertThat(CorpusLocator.locate("")).contains(Path.of("/from/property"));
        } finally {
            restore(previous);
        }
    }

    @Test
    void withNoDirectoryTheBundledCorporaAreUsed() {
        String previous = System.getProperty(CorpusLocator.PROPERTY);
        System.clearProperty(CorpusLocator.PROPERTY);
        try {
            assertThat(CorpusLocator.locate(null)).isEmpty();
            Corpus audio = Corpus.resolve("", "response-audio");
            assertThat(audio.events()).isEqualTo(110);
            assertThat(audio.frames()).filteredOn(f -> f.contains("\"response.output_audio.delta\"")).hasSize(50);
            assertThat(Corpus.resolve(null, "response-text").events()).isEqualTo(109);
            assertThat(Corpus.resolve(" ", "function-call").events()).isEqualTo(16);
            assertThatThrownBy(() -> Corpus.resolve("", "nope"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response-audio");
        } finally {
            restore(previous);
        }
    }

    @Test
    void aChosenDirectoryWinsOverTheBundledCopy() throws IOException {
        Files.writeString(dir.resolve("response-text.jsonl"), "{\"type\":\"mine\"}\n", StandardCharsets.UTF_8);

        assertThat(Corpus.resolve(dir.toString(), "response-text").frames()).containsExactly("{\"type\":\"mine\"}");
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(CorpusLocator.PROPERTY);
        } else {
            System.setProperty(CorpusLocator.PROPERTY, previous);
        }
    }
}
