package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example event published with the official OpenAPI document validates against our schemas. The
 * examples are read at run time from {@code realtimetck.shared.dir}; nothing is copied into the project.
 */
class SharedExamplesTest {

    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    private static Path examples(String name) {
        String dir = System.getProperty("realtimetck.shared.dir");
        assumeTrue(dir != null, "system property realtimetck.shared.dir is not set; shared examples skipped");
        Path file = Path.of(dir, "openai-realtime", "examples", name);
        assumeTrue(Files.isRegularFile(file), "shared example file absent: " + file);
        return file;
    }

    private static List<JsonNode> events(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(JsonMapper.shared().readTree(line).get("event"));
            }
        }
        return events;
    }

    @Test
    void everyClientExampleValidates() throws IOException {
        List<JsonNode> events = events(examples("client-events.jsonl"));
        assertThat(events).isNotEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode event : events) {
            assertThat(schemas.validateClientEvent(event)).as("violations of %s", event).isEmpty();
            types.add(event.get("type").asString());
        }
        assertThat(schemas.clientEventTypes()).containsAll(types);
    }

    @Test
    void everyServerExampleValidates() throws IOException {
        List<JsonNode> events = events(examples("server-events.jsonl"));
        assertThat(events).isNotEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode event : events) {
            assertThat(schemas.validateServerEvent(event)).as("violations of %s", event).isEmpty();
            types.add(event.get("type").asString());
        }
        assertThat(schemas.serverEventTypes()).containsAll(types);
    }

    @Test
    void examplesAreNotAcceptedOnTheWrongSide() throws IOException {
        for (JsonNode event : events(examples("server-events.jsonl"))) {
            assertThat(schemas.validateClientEvent(event)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/type"));
        }
    }
}
