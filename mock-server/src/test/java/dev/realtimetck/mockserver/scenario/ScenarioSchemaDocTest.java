package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README reproduces the published scenario schema exactly. */
class ScenarioSchemaDocTest {

    @Test
    void readmeCarriesTheSchemaResource() throws Exception {
        String schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ScenarioLoader.SCHEMA_RESOURCE)) {
            assertThat(in).isNotNull();
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("```json\n" + schema + "\n```");
    }
}
