package dev.realtimetck.mockserver.simulator;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** Builds the voice-activity detector that a session's turn-detection settings describe. */
final class TurnDetectors {

    private TurnDetectors() {
    }

    /**
     * The detector for the session's {@code turn_detection} ({@code server_vad} with its threshold, prefix padding
     * and silence; {@code semantic_vad} by eagerness), or null when turn detection is off.
     */
    static VoiceActivityDetector create(Optional<ObjectNode> td, InputAudioBuffer buffer, SimulatorOptions options) {
        if (td.isEmpty()) {
            return null;
        }
        ObjectNode t = td.get();
        long prefix;
        long silence;
        double threshold;
        if (t.path("type").asString("").equals("semantic_vad")) {
            threshold = 0.5;
            prefix = 300;
            silence = switch (t.path("eagerness").asString("auto")) {
                case "high" -> 200;
                case "low" -> 800;
                default -> 500;
            };
        } else {
            threshold = t.path("threshold").asDouble(0.5);
            prefix = t.path("prefix_padding_ms").asLong(300);
            silence = t.path("silence_duration_ms").asLong(200);
        }
        return new VoiceActivityDetector(buffer.format().sampleRate(), options.vadFrame().toMillis(),
                options.vadRmsThreshold(threshold), prefix, silence, buffer.endMillis());
    }
}
