package dev.realtimetck.benchmarks;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The dispatch baseline: Jackson's streaming parser walks every token of a frame (so every string value is
 * scanned to its end) without decoding any value into a Java object.
 */
final class RawJsonScan {

    private final JsonFactory factory = new JsonFactory();

    /**
     * Tokenises {@code frame}.
     *
     * @return the number of tokens, so the work cannot be optimised away
     */
    int tokens(String frame) {
        int count = 0;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), frame)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                count += token.id();
            }
        }
        return count;
    }
}
