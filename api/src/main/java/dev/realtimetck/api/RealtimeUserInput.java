package dev.realtimetck.api;

import java.util.List;
import java.util.Objects;

/**
 * What a user sends with {@link RealtimeTransportLayer#sendMessage}. Renders TypeScript
 * {@code RealtimeUserInput} ({@code string | RealtimeMessageItem-like user message}). The role is always
 * {@code user}, so it is not modelled.
 */
public sealed interface RealtimeUserInput permits RealtimeUserInput.Text, RealtimeUserInput.Message {

    /** Plain text, sent as one {@code input_text} part. */
    static Text text(String text) {
        return new Text(text);
    }

    /** A structured message with the given parts, in order. */
    static Message message(List<UserContent> content) {
        return new Message(content);
    }

    /**
     * Plain text.
     *
     * @param text the text (may be empty, not null)
     */
    record Text(String text) implements RealtimeUserInput {
        /** Validates. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A structured user message.
     *
     * @param content the content parts in order
     */
    record Message(List<UserContent> content) implements RealtimeUserInput {
        /** Validates and copies. */
        public Message {
            content = Checks.requiredListOf(content, "content");
        }
    }
}
