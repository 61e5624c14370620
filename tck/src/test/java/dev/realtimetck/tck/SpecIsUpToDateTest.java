package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code tck/SPEC.md} is generated from {@code rules.json}; this test fails when it is stale. Regenerate with
 * {@code ./mvnw -B -q -pl tck -am test -Dtest=SpecIsUpToDateTest -Dtck.writeSpec=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SpecIsUpToDateTest {

    @Test
    void specMatchesTheCatalogue() throws IOException {
        Path spec = Path.of("SPEC.md");
        String expected = RuleCatalogue.standard().toSpecMarkdown();
        if (Boolean.getBoolean("tck.writeSpec")) {
            Files.writeString(spec, expected, StandardCharsets.UTF_8);
        }
        assertThat(spec).as("tck/SPEC.md exists (run with -Dtck.writeSpec=true to generate it)").exists();
        assertThat(Files.readString(spec, StandardCharsets.UTF_8))
                .as("tck/SPEC.md is generated from rules.json; regenerate it with -Dtck.writeSpec=true")
                .isEqualTo(expected);
    }
}
