package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.mockserver.core.SessionObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The effective configuration of one simulated session, kept as the GA session object the protocol shows, with
 * typed accessors for what the simulator acts on. Not thread-safe (a session's callbacks run serially).
 */
final class SessionConfig {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ObjectNode session;

    private SessionConfig(ObjectNode session) {
        this.session = session;
    }

    /** The session as a real GA session starts: audio in and out as PCM 24 kHz, server VAD on. */
    static SessionConfig initial(String id, String model, long expiresAtEpochSecond) {
        ObjectNode s = SessionObjects.realtime(id, model, AudioFormat.PCM16_24K.wireType(), expiresAtEpochSecond);
        s.put("instructions", "You are a helpful assistant, simulated by Realtime TCK.");
        ObjectNode input = (ObjectNode) s.get("audio").get("input");
        input.set("turn_detection", withTurnDetectionDefaults(JSON.objectNode().put("type", "server_vad")));
        return new SessionConfig(s);
    }

    /** A copy of the full session object. */
    ObjectNode json() {
        return session.deepCopy();
    }

    /**
     * Applies the fields of a {@code session.update}: objects merge field by field, everything else (arrays,
     * scalars, null) replaces. Audio formats and turn detection are replaced as a whole and normalized.
     * Nothing changes when the update is rejected.
     *
     * @param update the {@code session} object of the client event
     * @param audioAlreadySent whether any response audio went out in this session (the voice is then fixed)
     * @return empty on success, or the rejection as (param, message)
     */
    Optional<Rejection> update(ObjectNode update, boolean audioAlreadySent) {
        ObjectNode merged = session.deepCopy();
        merge(merged, update, "session");
        Optional<Rejection> invalid = normalize(merged, update, audioAlreadySent);
        if (invalid.isPresent()) {
            return invalid;
        }
        session = merged;
        return Optional.empty();
    }

    /** Why an update was rejected. */
    record Rejection(String param, String message) {
    }

    private static void merge(ObjectNode target, ObjectNode update, String path) {
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String childPath = path + "." + name;
            JsonNode existing = target.get(name);
            boolean wholeValue = name.equals("format") || name.equals("turn_detection") || name.equals("transcription")
                    || name.equals("noise_reduction") || name.equals("tool_choice");
            if (!wholeValue && value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, childPath);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private Optional<Rejection> normalize(ObjectNode merged, ObjectNode update, boolean audioAlreadySent) {
        String model = merged.path("model").asString("");
        if (!model.equals(session.path("model").asString(""))) {
            return Optional.of(new Rejection("session.model",
                    "The session's model cannot be changed after the session was created (was '"
                            + session.path("model").asString("") + "')."));
        }
        if (!merged.path("type").asString("").equals("realtime")) {
            return Optional.of(new Rejection("session.type",
                    "This is a realtime session; 'session.type' must be 'realtime'."));
        }
        JsonNode modalities = merged.path("output_modalities");
        if (!modalities.isArray() || modalities.isEmpty()) {
            return Optional.of(new Rejection("session.output_modalities",
                    "'output_modalities' must be a non-empty array of 'text' or 'audio'."));
        }
        for (JsonNode m : modalities) {
            if (!m.isString() || !(m.asString().equals("text") || m.asString().equals("audio"))) {
                return Optional.of(new Rejection("session.output_modalities",
                        "Invalid output modality " + m + "; expected 'text' or 'audio'."));
            }
        }
        for (String direction : List.of("input", "output")) {
            JsonNode dir = merged.path("audio").path(direction);
            if (dir.isObject() && dir.has("format")) {
                try {
                    ((ObjectNode) dir).set("format", AudioFormats.toJson(AudioFormats.parse(dir.get("format"))));
                } catch (IllegalArgumentException e) {
                    return Optional.of(new Rejection("session.audio." + direction + ".format",
                            "Invalid audio format: " + e.getMessage()));
                }
            }
        }
        JsonNode input = merged.path("audio").path("input");
        if (input.isObject() && input.has("turn_detection") && !input.get("turn_detection").isNull()) {
            JsonNode td = input.get("turn_detection");
            String type = td.path("type").asString("");
            if (!td.isObject() || !(type.equals("server_vad") || type.equals("semantic_vad"))) {
                return Optional.of(new Rejection("session.audio.input.turn_detection.type",
                        "Invalid turn detection type '" + type + "'; expected 'server_vad', 'semantic_vad' or null."));
            }
            double threshold = td.path("threshold").asDouble(0.5);
            if (threshold < 0 || threshold > 1) {
                return Optional.of(new Rejection("session.audio.input.turn_detection.threshold",
                        "'threshold' must be between 0 and 1, was " + threshold + "."));
            }
            ((ObjectNode) input).set("turn_detection", withTurnDetectionDefaults((ObjectNode) td.deepCopy()));
        }
        String oldVoice = session.path("audio").path("output").path("voice").asString("");
        String newVoice = merged.path("audio").path("output").path("voice").asString("");
        if (audioAlreadySent && !oldVoice.equals(newVoice)) {
            return Optional.of(new Rejection("session.audio.output.voice",
                    "The voice cannot be changed after the assistant has produced audio in this session."));
        }
        return Optional.empty();
    }

    private static ObjectNode withTurnDetectionDefaults(ObjectNode td) {
        ObjectNode out = JSON.objectNode();
        String type = td.path("type").asString("server_vad");
        out.put("type", type);
        if (type.equals("server_vad")) {
            out.set("threshold", td.has("threshold") ? td.get("threshold") : JSON.numberNode(0.5));
            out.set("prefix_padding_ms",
                    td.has("prefix_padding_ms") ? td.get("prefix_padding_ms") : JSON.numberNode(300));
            out.set("silence_duration_ms",
                    td.has("silence_duration_ms") ? td.get("silence_duration_ms") : JSON.numberNode(200));
            out.set("idle_timeout_ms", td.has("idle_timeout_ms") ? td.get("idle_timeout_ms") : JSON.nullNode());
        } else {
            out.set("eagerness", td.has("eagerness") ? td.get("eagerness") : JSON.stringNode("auto"));
        }
        out.set("create_response", td.has("create_response") ? td.get("create_response") : JSON.booleanNode(true));
        out.set("interrupt_response",
                td.has("interrupt_response") ? td.get("interrupt_response") : JSON.booleanNode(true));
        return out;
    }

    String model() {
        return session.path("model").asString();
    }

    AudioFormat inputFormat() {
        return AudioFormats.parse(session.path("audio").path("input").path("format"));
    }

    AudioFormat outputFormat() {
        return AudioFormats.parse(session.path("audio").path("output").path("format"));
    }

    String voice() {
        return session.path("audio").path("output").path("voice").asString("alloy");
    }

    List<String> outputModalities() {
        List<String> out = new ArrayList<>();
        session.path("output_modalities").forEach(m -> out.add(m.asString()));
        return out;
    }

    String instructions() {
        return session.path("instructions").asString("");
    }

    ArrayNode tools() {
        JsonNode tools = session.path("tools");
        return tools.isArray() ? (ArrayNode) tools : JSON.arrayNode();
    }

    JsonNode toolChoice() {
        return session.path("tool_choice");
    }

    JsonNode maxOutputTokens() {
        return session.path("max_output_tokens");
    }

    /** The turn detection settings, or empty when turn detection is off. */
    Optional<ObjectNode> turnDetection() {
        JsonNode td = session.path("audio").path("input").path("turn_detection");
        return td.isObject() ? Optional.of((ObjectNode) td) : Optional.empty();
    }

    /** Whether input audio transcription is configured. */
    boolean transcriptionEnabled() {
        return session.path("audio").path("input").path("transcription").isObject();
    }
}
