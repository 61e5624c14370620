package dev.realtimetck.api;

import java.util.Map;
import java.util.Objects;

/**
 * A content part of a structured user message. Renders the TypeScript {@code input_text} and
 * {@code input_image} user content parts.
 */
public sealed interface UserContent permits UserContent.InputText, UserContent.InputImage {

    /**
     * Text.
     *
     * @param text the text, not null
     */
    record InputText(String text) implements UserContent {
        /** Validates. */
        public InputText {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image, by URL or data URL.
     *
     * @param image the image URL or {@code data:} URL, non-empty
     * @param providerData extra keys merged into the wire part (for example {@code detail}); may be empty
     */
    record InputImage(String image, Map<String, Object> providerData) implements UserContent {
        /** Validates and copies. */
        public InputImage {
            Checks.requireText(image, "image");
            providerData = JsonValues.copyOrEmpty(providerData);
        }

        /** An image without provider data. */
        public InputImage(String image) {
            this(image, Map.of());
        }
    }
}
