package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void sharedInstanceIsLoadedOnce() {
        assertThat(ProtocolSchemas.get()).isSameAs(schemas);
    }

    @Test
    void typeSetsAreReadOnly() {
        assertThat(schemas.clientEventTypes()).isUnmodifiable();
        assertThat(schemas.serverEventTypes()).isUnmodifiable();
    }

    @Test
    void nonObjectEventIsOneViolationAtTheRoot() {
        assertThat(schemas.validateClientEvent(json("[1]"))).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEmpty());
        assertThat(schemas.validateServerEvent(null)).hasSize(1);
    }

    @Test
    void concurrentValidationGivesTheSameAnswers() throws Exception {
        JsonNode valid = json("{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\",\"content_index\":0,"
                + "\"audio_end_ms\":5}");
        JsonNode invalid = json("{\"type\":\"conversation.item.truncate\",\"item_id\":\"i\",\"content_index\":0,"
                + "\"audio_end_ms\":\"5\"}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!schemas.validateClientEvent(valid).isEmpty()) {
                            return false;
                        }
                        List<SchemaViolation> v = schemas.validateClientEvent(invalid);
                        if (v.size() != 1 || !v.get(0).pointer().equals("/audio_end_ms")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
