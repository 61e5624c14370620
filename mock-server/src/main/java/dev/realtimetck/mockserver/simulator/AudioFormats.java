package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts between the protocol's audio format JSON and {@link AudioFormat}. */
final class AudioFormats {

    private AudioFormats() {
    }

    /**
     * Parses {@code {"type":"audio/pcm","rate":24000}}, {@code {"type":"audio/pcmu"}}, {@code {"type":"audio/pcma"}}
     * or a legacy string ({@code pcm16}, {@code g711_ulaw}, {@code g711_alaw}).
     *
     * @throws IllegalArgumentException with a readable message when the value is none of these
     */
    static AudioFormat parse(JsonNode format) {
        if (format == null || format.isMissingNode() || format.isNull()) {
            throw new IllegalArgumentException("an audio format is required");
        }
        if (format.isString()) {
            return AudioFormat.parse(format.asString());
        }
        if (!format.isObject() || !format.path("type").isString()) {
            throw new IllegalArgumentException("an audio format must be an object with a string 'type'");
        }
        AudioFormat parsed = AudioFormat.parse(format.get("type").asString());
        if (parsed instanceof AudioFormat.Pcm) {
            JsonNode rate = format.path("rate");
            if (rate.isMissingNode() || rate.isNull()) {
                return AudioFormat.PCM16_24K;
            }
            if (!rate.isIntegralNumber() || rate.asInt() <= 0) {
                throw new IllegalArgumentException("'rate' must be a positive integer, was " + rate);
            }
            return new AudioFormat.Pcm(rate.asInt());
        }
        return parsed;
    }

    /** The GA object form of {@code format}. */
    static ObjectNode toJson(AudioFormat format) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", format.wireType());
        if (format instanceof AudioFormat.Pcm pcm) {
            node.put("rate", pcm.rate());
        }
        return node;
    }
}
