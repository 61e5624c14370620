package dev.realtimetck.referencetransport.protocol;

import java.util.Base64;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses one inbound frame exactly once. When {@code type} is the first property (as the server sends it) and
 * is {@code response.output_audio.delta}, and nobody needs the whole event as a tree, the rest is streamed: only
 * {@code response_id}, {@code item_id}, {@code content_index} and {@code delta} are kept, and the base64 text is
 * decoded from the parser's character buffer with {@link Base64} without an intermediate String. Every other frame
 * becomes a tree. Malformed frames give null (B1).
 */
final class FrameReader {

    static final String AUDIO_DELTA = "response.output_audio.delta";

    /** The streamed audio delta (fields absent in the frame are null / -1). */
    record AudioDelta(String responseId, String itemId, int contentIndex, byte[] audio) {
    }

    /** Reads one value at the parser's position; the rest of the frame follows, so trailing tokens are expected. */
    private static final ObjectReader VALUE = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FrameReader() {
    }

    /**
     * @param needsTree whether the event of a given type must be a tree (someone listens to the raw event)
     * @return a {@link JsonNode} root, an {@link AudioDelta}, or null for a malformed frame
     */
    static Object read(JsonParser parser, Predicate<String> needsTree) {
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode root = Json.object();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("type")) {
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    String type = parser.getString();
                    if (type.equals(AUDIO_DELTA) && !needsTree.test(type)) {
                        return streamAudioDelta(parser);
                    }
                    root.put("type", type);
                } else {
                    root.set("type", VALUE.readTree(parser));
                }
                token = parser.nextToken();
            }
            while (token == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                root.set(name, VALUE.readTree(parser));
                token = parser.nextToken();
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null; // truncated or trailing content: not one JSON object
            }
            return root;
        } catch (JacksonException malformed) {
            return null;
        }
    }

    private static AudioDelta streamAudioDelta(JsonParser parser) {
        String responseId = null;
        String itemId = null;
        int contentIndex = -1;
        byte[] audio = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "response_id" -> responseId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "item_id" -> itemId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "content_index" -> contentIndex = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                case "delta" -> audio = value == JsonToken.VALUE_STRING ? decode(parser) : null;
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return new AudioDelta(responseId, itemId, contentIndex, audio);
    }

    /** Base64 from the parser's character buffer; a delta that is not valid base64 gives null. */
    private static byte[] decode(JsonParser parser) {
        char[] chars = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        int length = parser.getStringLength();
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            ascii[i] = c < 128 ? (byte) c : (byte) '!'; // a non-ASCII char makes the decoder reject the text
        }
        try {
            return Base64.getDecoder().decode(ascii);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
