package dev.realtimetck.mockserver.simulator;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic token counts for {@code response.done}: one text token per started 4 characters, one audio
 * token per started 50 ms of audio. Nothing is cached and there are no image tokens.
 */
final class TokenUsage {

    private int inputText;
    private int inputAudio;
    private int outputText;
    private int outputAudio;

    static int textTokens(String text) {
        return (text.length() + 3) / 4;
    }

    static int audioTokens(long millis) {
        return (int) ((millis + 49) / 50);
    }

    /** Counts the instructions and every input item (its text, arguments, output, transcript and audio). */
    void addInput(String instructions, List<Conversation.Entry> input) {
        inputText += textTokens(instructions);
        for (Conversation.Entry entry : input) {
            JsonNode item = entry.item;
            inputText += textTokens(item.path("arguments").asString("")) + textTokens(item.path("output").asString(""));
            for (JsonNode part : item.path("content")) {
                inputText += textTokens(part.path("text").asString(""))
                        + textTokens(part.path("transcript").asString(""));
            }
            if (entry.audio != null) {
                inputAudio += audioTokens(entry.audio.durationMillis());
            }
        }
    }

    void addOutputText(String text) {
        outputText += textTokens(text);
    }

    void addOutputAudio(long millis) {
        outputAudio += audioTokens(millis);
    }

    /** The {@code usage} object of a response. */
    ObjectNode toJson() {
        ObjectNode usage = JsonNodeFactory.instance.objectNode();
        int input = inputText + inputAudio;
        int output = outputText + outputAudio;
        usage.put("total_tokens", input + output);
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        ObjectNode in = usage.putObject("input_token_details");
        in.put("text_tokens", inputText);
        in.put("audio_tokens", inputAudio);
        in.put("image_tokens", 0);
        in.put("cached_tokens", 0);
        ObjectNode cached = in.putObject("cached_tokens_details");
        cached.put("text_tokens", 0);
        cached.put("audio_tokens", 0);
        cached.put("image_tokens", 0);
        ObjectNode out = usage.putObject("output_token_details");
        out.put("text_tokens", outputText);
        out.put("audio_tokens", outputAudio);
        return usage;
    }
}
