package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.audio.AudioFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audio format rendering (rule A19) and the per-delta duration arithmetic of rule A27.
 *
 * <p>The Java API models formats as {@link AudioFormat} values, so the legacy strings ({@code pcm16},
 * {@code g711_ulaw}, {@code g711_alaw}) are already normalised by {@link AudioFormat#parse(String)}; a format the
 * server reports in {@code session.updated} may still be a legacy string, which {@link #millis} handles.
 */
final class AudioFormats {

    private AudioFormats() {
    }

    /** The GA wire object of a format; null gives the default PCM 24 kHz. */
    static ObjectNode toWire(AudioFormat format) {
        ObjectNode node = Json.object();
        if (format == null) {
            node.put("type", "audio/pcm");
            node.put("rate", AudioFormat.DEFAULT_PCM_RATE);
            return node;
        }
        node.put("type", format.wireType());
        if (format instanceof AudioFormat.Pcm) {
            node.put("rate", format.sampleRate());
        }
        return node;
    }

    /** The wire object of a legacy or GA format name (A19: unknown names fall back to PCM 24 kHz). */
    static ObjectNode fromName(String name) {
        try {
            return toWire(AudioFormat.parse(name));
        } catch (IllegalArgumentException unknown) {
            return toWire(null);
        }
    }

    /**
     * Milliseconds of audio in {@code bytes} bytes of the output format the server last reported (A27).
     *
     * @param format {@code session.audio.output.format} of the last {@code session.updated}, or null
     */
    static double millis(int bytes, JsonNode format) {
        if (format == null || format.isNull() || format.isMissingNode()) {
            return bytes / 48.0;
        }
        if (format.isString()) {
            return format.stringValue().startsWith("g711_") ? bytes / 8.0 : bytes / 48.0;
        }
        if (format.isObject()) {
            String type = Json.text(format, "type");
            if ("audio/pcmu".equals(type) || "audio/pcma".equals(type)) {
                return bytes / 8.0;
            }
            if ("audio/pcm".equals(type)) {
                JsonNode rateNode = format.get("rate");
                double rate = rateNode != null && rateNode.isNumber() && rateNode.asDouble() > 0
                        ? rateNode.asDouble() : AudioFormat.DEFAULT_PCM_RATE;
                return bytes / 2.0 / rate * 1000.0;
            }
        }
        return bytes / 48.0;
    }
}
