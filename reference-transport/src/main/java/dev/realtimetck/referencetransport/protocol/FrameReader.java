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
 * decoded from the parser's character buffer with {@link Base64} without an intermediate String. Text and
 * transcript deltas are streamed the same way (ids and delta only); a frame whose type derives no transport event
 * ({@link ServerEventRouter#DERIVES}) is only checked to be well formed and gives {@link #SKIPPED}. Every other
 * frame becomes a tree: scalars from the parser, {@code readTree} only for objects and arrays. Malformed frames
 * give null (B1).
 */
final class FrameReader {

    static final String AUDIO_DELTA = "response.output_audio.delta";
    static final String TEXT_DELTA = "response.output_text.delta";
    static final String TRANSCRIPT_DELTA = "response.output_audio_transcript.delta";

    /** A well-formed frame whose type derives nothing and that nobody listens to: only the frame bookkeeping runs. */
    static final Object SKIPPED = new Object() {
        @Override
        public String toString() {
            return "SKIPPED";
        }
    };

    /** A streamed text or transcript delta (fields absent or not strings in the frame are null). */
    record TextualDelta(String type, String responseId, String itemId, String delta) {
    }

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
     * @return a {@link JsonNode} root, an {@link AudioDelta}, a {@link TextualDelta}, {@link #SKIPPED}, or null for a malformed frame
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
                    if (!needsTree.test(type)) {
                        if (type.equals(AUDIO_DELTA)) {
                            return streamAudioDelta(parser);
                        }
                        if (type.equals(TEXT_DELTA) || type.equals(TRANSCRIPT_DELTA)) {
                            return streamTextDelta(parser, type);
                        }
                        if (!ServerEventRouter.DERIVES.contains(type)) {
                            return skipRest(parser);
                        }
                    }
                    root.put("type", type);
                } else {
                    putValue(root, "type", value, parser);
                }
                token = parser.nextToken();
            }
            while (token == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                putValue(root, name, parser.nextToken(), parser);
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

    /** Scalars straight from the parser (the node types readTree would give); objects and arrays as trees. */
    private static void putValue(ObjectNode root, String name, JsonToken value, JsonParser parser) {
        if (value == null) {
            throw new IllegalStateException("unreachable: a property name is always followed by a value");
        }
        switch (value) {
            case VALUE_STRING -> root.put(name, parser.getString());
            case VALUE_TRUE -> root.put(name, true);
            case VALUE_FALSE -> root.put(name, false);
            case VALUE_NULL -> root.putNull(name);
            case VALUE_NUMBER_INT -> {
                switch (parser.getNumberType()) {
                    case INT -> root.put(name, parser.getIntValue());
                    case LONG -> root.put(name, parser.getLongValue());
                    default -> root.set(name, VALUE.readTree(parser));
                }
            }
            default -> root.set(name, VALUE.readTree(parser));
        }
    }

    /** A frame nobody needs beyond its type: checked to be one well-formed object, otherwise ignored. */
    private static Object skipRest(JsonParser parser) {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
        if (!endedCleanly(token, parser)) {
            return null;
        }
        return SKIPPED;
    }

    /** Whether the top-level object closed with {@code last} and nothing follows it (a well-formed frame). */
    private static boolean endedCleanly(JsonToken last, JsonParser parser) {
        return last == JsonToken.END_OBJECT && parser.nextToken() == null;
    }

    private static String stringOrNull(JsonToken value, JsonParser parser) {
        return value == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    private static TextualDelta streamTextDelta(JsonParser parser, String type) {
        String responseId = null;
        String itemId = null;
        String delta = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "response_id" -> responseId = stringOrNull(value, parser);
                case "item_id" -> itemId = stringOrNull(value, parser);
                case "delta" -> delta = stringOrNull(value, parser);
                default -> parser.skipChildren();
            }
        }
        if (!endedCleanly(token, parser)) {
            return null;
        }
        return new TextualDelta(type, responseId, itemId, delta);
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
                case "response_id" -> responseId = stringOrNull(value, parser);
                case "item_id" -> itemId = stringOrNull(value, parser);
                case "content_index" -> contentIndex = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
                case "delta" -> audio = value == JsonToken.VALUE_STRING ? decode(parser) : null;
                default -> parser.skipChildren();
            }
        }
        if (!endedCleanly(token, parser)) {
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
