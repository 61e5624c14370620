package dev.realtimetck.referencetransport.protocol;

import dev.realtimetck.api.TurnDetection;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rule A20: turn-detection settings to wire keys. Typed (camelCase) fields win over snake_case keys in
 * {@link TurnDetection.Config#extra()}; camelCase keys found in {@code extra} are renamed; every other extra key
 * passes through verbatim; absent values are omitted while {@code false} and {@code 0} are kept; an empty result
 * becomes the default {@code {"type":"semantic_vad"}}.
 */
final class TurnDetectionMapping {

    private static final Map<String, String> RENAMES = Map.of(
            "createResponse", "create_response",
            "interruptResponse", "interrupt_response",
            "prefixPaddingMs", "prefix_padding_ms",
            "silenceDurationMs", "silence_duration_ms",
            "idleTimeoutMs", "idle_timeout_ms",
            "modelVersion", "model_version");

    private TurnDetectionMapping() {
    }

    /** The wire value: null (JSON null) for {@link TurnDetection.Off}, the default for null. */
    static JsonNode toWire(TurnDetection detection) {
        if (detection instanceof TurnDetection.Off) {
            return Json.NODES.nullNode();
        }
        ObjectNode out = Json.object();
        if (detection instanceof TurnDetection.Config config) {
            // snake_case (and unknown) keys first, then camelCase keys from extra, then typed fields: later wins
            for (Map.Entry<String, Object> e : config.extra().entrySet()) {
                if (!RENAMES.containsKey(e.getKey())) {
                    out.set(e.getKey(), Json.tree(e.getValue()));
                }
            }
            for (Map.Entry<String, Object> e : config.extra().entrySet()) {
                String renamed = RENAMES.get(e.getKey());
                if (renamed != null && e.getValue() != null) {
                    out.set(renamed, Json.tree(e.getValue()));
                }
            }
            Json.putIfPresent(out, "type", config.type());
            Json.putIfPresent(out, "create_response", config.createResponse());
            Json.putIfPresent(out, "interrupt_response", config.interruptResponse());
            Json.putIfPresent(out, "prefix_padding_ms", config.prefixPaddingMs());
            Json.putIfPresent(out, "silence_duration_ms", config.silenceDurationMs());
            Json.putIfPresent(out, "idle_timeout_ms", config.idleTimeoutMs());
            if (config.threshold() != null) {
                out.set("threshold", Json.number(config.threshold()));
            }
            Json.putIfPresent(out, "eagerness", config.eagerness());
            Json.putIfPresent(out, "model_version", config.modelVersion());
        }
        if (out.isEmpty()) {
            out.put("type", "semantic_vad");
        }
        return out;
    }
}
