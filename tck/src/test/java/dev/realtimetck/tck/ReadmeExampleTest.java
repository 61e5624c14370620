package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the compiled example class verbatim (the part between the EXAMPLE markers). */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/realtimetck/tck/example/ExampleTransportTckTest.java"),
                StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// EXAMPLE-START") + "// EXAMPLE-START".length(),
                source.indexOf("// EXAMPLE-END")).strip();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))
                .as("tck/README.md shows ExampleTransportTckTest between the EXAMPLE markers").contains(example);
    }
}
