package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.mockserver.core.SessionContext;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns committed input audio into a user item (by VAD, an explicit commit or the idle timeout): the
 * {@code input_audio_buffer.committed} and {@code conversation.item.added/done} events, then the mock
 * transcription when the session asked for one.
 */
final class AudioCommits {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SessionContext ctx;
    private final Conversation conversation;
    private final SessionConfig config;

    AudioCommits(SessionContext ctx, Conversation conversation, SessionConfig config) {
        this.ctx = ctx;
        this.conversation = conversation;
        this.config = config;
    }

    /** Commits {@code clip} as a user audio item with id {@code itemId}, then transcribes it when enabled. */
    void commit(AudioClip clip, String itemId) {
        ObjectNode item = JSON.objectNode();
        item.put("id", itemId);
        item.put("type", "message");
        item.put("status", "completed");
        item.put("role", "user");
        // the real API sends the transcript key as null until transcription fills it; the official TS
        // transport's item schema requires the key (nullable), so leaving it out breaks its history
        item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
        Conversation.Entry entry = new Conversation.Entry(item, clip);
        String previous = conversation.insert(entry, null);
        send(event("input_audio_buffer.committed").put("previous_item_id", previous).put("item_id", itemId));
        send(event("conversation.item.added").put("previous_item_id", previous).set("item", item.deepCopy()));
        send(event("conversation.item.done").put("previous_item_id", previous).set("item", item.deepCopy()));
        if (config.transcriptionEnabled()) {
            transcribe(entry, clip);
        }
    }

    private void transcribe(Conversation.Entry entry, AudioClip clip) {
        String transcript = String.format(Locale.ROOT, "[mock transcript: %.1f s of audio]",
                clip.durationMillis() / 1000.0);
        for (String piece : ResponseRun.words(transcript)) {
            send(event("conversation.item.input_audio_transcription.delta").put("item_id", entry.id())
                    .put("content_index", 0).put("delta", piece));
        }
        ((ObjectNode) entry.item.path("content").get(0)).put("transcript", transcript);
        ObjectNode usage = JSON.objectNode();
        int in = TokenUsage.audioTokens(clip.durationMillis());
        int out = TokenUsage.textTokens(transcript);
        usage.put("type", "tokens");
        usage.put("total_tokens", in + out);
        usage.put("input_tokens", in);
        usage.putObject("input_token_details").put("text_tokens", 0).put("audio_tokens", in);
        usage.put("output_tokens", out);
        send(event("conversation.item.input_audio_transcription.completed").put("item_id", entry.id())
                .put("content_index", 0).put("transcript", transcript).set("usage", usage));
    }

    private static ObjectNode event(String type) {
        return JSON.objectNode().put("type", type);
    }

    private void send(ObjectNode event) {
        ctx.send(event);
    }
}
