package dev.realtimetck.tck;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers for rule tests: test data is written as JSON text and turned into the API's maps. */
final class TckJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TckJson() {
    }

    /** A JSON object as a map (nested objects as maps, arrays as lists). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String json) {
        return MAPPER.convertValue(Wire.json(json), Map.class);
    }

    /** Any value (a map from the API, for example) as a JSON tree. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
