package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProtocolSchemasTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void knowsElevenClientAndFortySixServerEventTypes() {
        assertThat(schemas.clientEventTypes()).hasSize(11).contains("session.update", "output_audio_buffer.clear");
        assertThat(schemas.serverEventTypes()).hasSize(46).contains("session.created", "response.done");
    }

    @Test
    void unknownTypeIsOneViolationAtType() {
        assertThat(schemas.validateClientEvent(json("{\"type\":\"session.explode\"}")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/type");
                    assertThat(v.param()).isEqualTo("type");
                    assertThat(v.eventType()).isEqualTo("session.explode");
                });
        assertThat(schemas.validateServerEvent(json("{\"event_id\":\"e1\"}")))
                .singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/type"));
    }

    @Test
    void serverTypeIsUnknownOnTheClientSide() {
        assertThat(schemas.validateClientEvent(json("{\"type\":\"session.created\"}")))
                .singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/type"));
    }

    @Test
    void wrongFieldTypeIsReportedWithPointerAndParam() {
        assertThat(schemas.validateClientEvent(json("{\"type\":\"response.cancel\",\"event_id\":5}")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/event_id");
                    assertThat(v.param()).isEqualTo("event_id");
                    assertThat(v.message()).contains("event_id");
                });
    }
}
