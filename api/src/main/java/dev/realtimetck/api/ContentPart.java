package dev.realtimetck.api;

import java.util.Objects;

/**
 * A content part of a message item. Renders the content part types of TypeScript {@code RealtimeMessageItem}
 * ({@code input_text}, {@code input_audio}, {@code input_image}, {@code output_text}, {@code output_audio}).
 */
public sealed interface ContentPart permits ContentPart.InputText, ContentPart.InputAudio, ContentPart.InputImage,
        ContentPart.OutputText, ContentPart.OutputAudio {

    /** The wire {@code type}. */
    String type();

    /**
     * {@code input_text}.
     *
     * @param text the text, not null
     */
    record InputText(String text) implements ContentPart {
        /** Validates. */
        public InputText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "input_text";
        }
    }

    /**
     * {@code input_audio}.
     *
     * @param audio base64 audio, or null
     * @param transcript its transcript, or null
     */
    record InputAudio(String audio, String transcript) implements ContentPart {
        @Override
        public String type() {
            return "input_audio";
        }
    }

    /**
     * {@code input_image}.
     *
     * @param imageUrl the image URL or data URL, non-empty
     * @param detail {@code low}, {@code high}, {@code auto}, or null
     */
    record InputImage(String imageUrl, String detail) implements ContentPart {
        /** Validates. */
        public InputImage {
            Checks.requireText(imageUrl, "imageUrl");
        }

        @Override
        public String type() {
            return "input_image";
        }
    }

    /**
     * {@code output_text}.
     *
     * @param text the text, not null
     */
    record OutputText(String text) implements ContentPart {
        /** Validates. */
        public OutputText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "output_text";
        }
    }

    /**
     * {@code output_audio} (the legacy name {@code audio} maps here).
     *
     * @param audio base64 audio, or null
     * @param transcript its transcript, or null
     */
    record OutputAudio(String audio, String transcript) implements ContentPart {
        @Override
        public String type() {
            return "output_audio";
        }
    }
}
