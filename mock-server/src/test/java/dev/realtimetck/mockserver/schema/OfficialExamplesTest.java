package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.protocoldata.ProtocolData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example event published with the official OpenAPI document (from {@code realtime-protocol-data}) validates
 * against our schemas, and none is accepted on the wrong side.
 */
class OfficialExamplesTest {

    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    private static List<JsonNode> events(String resource) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ProtocolData.lines(resource)) {
            events.add(JsonMapper.shared().readTree(line).get("event"));
        }
        return events;
    }

    @Test
    void everyClientExampleValidates() {
        List<JsonNode> events = events(ProtocolData.CLIENT_EXAMPLES);
        assertThat(events).isNotEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode event : events) {
            assertThat(schemas.validateClientEvent(event)).as("violations of %s", event).isEmpty();
            types.add(event.get("type").asString());
        }
        assertThat(schemas.clientEventTypes()).containsAll(types);
    }

    @Test
    void everyServerExampleValidates() {
        List<JsonNode> events = events(ProtocolData.SERVER_EXAMPLES);
        assertThat(events).isNotEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode event : events) {
            assertThat(schemas.validateServerEvent(event)).as("violations of %s", event).isEmpty();
            types.add(event.get("type").asString());
        }
        assertThat(schemas.serverEventTypes()).containsAll(types);
    }

    @Test
    void examplesAreNotAcceptedOnTheWrongSide() {
        for (JsonNode event : events(ProtocolData.SERVER_EXAMPLES)) {
            assertThat(schemas.validateClientEvent(event)).singleElement()
                    .satisfies(v -> assertThat(v.pointer()).isEqualTo("/type"));
        }
    }
}
