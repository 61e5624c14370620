package dev.realtimetck.mockserver.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: JSON written with single quotes for readability (no test value contains a quote). */
final class Json {

    private Json() {
    }

    static JsonNode parse(String singleQuoted) {
        return JsonMapper.shared().readTree(singleQuoted.replace('\'', '"'));
    }
}
