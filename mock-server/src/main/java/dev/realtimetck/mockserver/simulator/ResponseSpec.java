package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Everything a response was asked for, resolved against the session: what it outputs and how.
 *
 * @param id the response id ({@code resp_...})
 * @param inConversation whether its items join the default conversation ({@code conversation:"auto"})
 * @param outputModalities {@code ["audio"]} or {@code ["text"]}
 * @param audioFormat the output audio format
 * @param voice the output voice
 * @param maxOutputTokens {@code "inf"} or a number, echoed in the response object
 * @param metadata the client's metadata, or JSON null
 * @param instructions the instructions in effect (counted as input tokens)
 * @param input the items the response sees
 * @param call the function call to make instead of a message, if any
 * @param replyText the message text (or transcript) when no function is called
 */
record ResponseSpec(
        String id,
        boolean inConversation,
        List<String> outputModalities,
        AudioFormat audioFormat,
        String voice,
        JsonNode maxOutputTokens,
        JsonNode metadata,
        String instructions,
        List<Conversation.Entry> input,
        Optional<FunctionCallTrigger.Call> call,
        String replyText) {

    ResponseSpec {
        Objects.requireNonNull(id, "id");
        outputModalities = List.copyOf(outputModalities);
        Objects.requireNonNull(audioFormat, "audioFormat");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(instructions, "instructions");
        input = List.copyOf(input);
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(replyText, "replyText");
    }

    boolean audio() {
        return outputModalities.contains("audio");
    }
}
