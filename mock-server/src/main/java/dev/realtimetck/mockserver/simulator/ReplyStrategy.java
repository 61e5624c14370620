package dev.realtimetck.mockserver.simulator;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chooses the text of a simulated assistant reply (spoken as the audio transcript, or sent as text). Must be
 * deterministic: the same input gives the same reply.
 */
@FunctionalInterface
public interface ReplyStrategy {

    /**
     * The reply text.
     *
     * @param input the items the response sees, oldest first, as the protocol shows them (without audio data);
     *     user audio parts carry their {@code transcript} when input transcription produced one
     * @return the reply, never null
     */
    String reply(List<ObjectNode> input);

    /**
     * The default strategy, looking at the newest item that is a user message or a function call output:
     * <ul>
     *   <li>user text: {@code You said: <text>} (all text parts joined by a space);</li>
     *   <li>user audio only: {@code I heard your audio message.};</li>
     *   <li>function call output: {@code The function <name> returned: <output>} ({@code name} from the matching
     *       function call item, {@code unknown} when it is not in the input);</li>
     *   <li>nothing of these: {@code Hello from the Realtime TCK simulator.}</li>
     * </ul>
     */
    static ReplyStrategy echo() {
        return ReplyStrategy::echoReply;
    }

    /** A strategy that always answers {@code text}. */
    static ReplyStrategy fixed(String text) {
        java.util.Objects.requireNonNull(text, "text");
        return input -> text;
    }

    private static String echoReply(List<ObjectNode> input) {
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode item = input.get(i);
            String type = item.path("type").asString("");
            if (type.equals("function_call_output")) {
                String callId = item.path("call_id").asString("");
                String name = "unknown";
                for (ObjectNode other : input) {
                    if (other.path("type").asString("").equals("function_call")
                            && other.path("call_id").asString("").equals(callId)) {
                        name = other.path("name").asString("unknown");
                    }
                }
                return "The function " + name + " returned: " + item.path("output").asString("");
            }
            if (type.equals("message") && item.path("role").asString("").equals("user")) {
                StringBuilder text = new StringBuilder();
                boolean audio = false;
                for (JsonNode part : item.path("content")) {
                    String partType = part.path("type").asString("");
                    if (partType.equals("input_text")) {
                        if (!text.isEmpty()) {
                            text.append(' ');
                        }
                        text.append(part.path("text").asString(""));
                    } else if (partType.equals("input_audio")) {
                        audio = true;
                    }
                }
                if (!text.isEmpty()) {
                    return "You said: " + text;
                }
                if (audio) {
                    return "I heard your audio message.";
                }
            }
        }
        return "Hello from the Realtime TCK simulator.";
    }
}
