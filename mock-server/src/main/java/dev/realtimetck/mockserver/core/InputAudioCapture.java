package dev.realtimetck.mockserver.core;

import dev.realtimetck.api.audio.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captures the input audio of one session: decodes every accepted {@code input_audio_buffer.append} into a bounded
 * buffer, in the input format of the last {@code session.update} (PCM 16-bit 24 kHz until one names another).
 */
final class InputAudioCapture {

    private final long maxBytes;
    private final Consumer<String> problems;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private AudioFormat format = AudioFormat.PCM16_24K;
    private boolean capped;

    /**
     * @param maxBytes the most bytes kept; a problem is reported once when an append would exceed it
     * @param problems where problems (bad base64, unusable format, the cap) are reported
     */
    InputAudioCapture(long maxBytes, Consumer<String> problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** Looks at one accepted client event (its {@code type} is a string). */
    void accept(ObjectNode event) {
        String type = event.get("type").asString();
        if (type.equals("session.update")) {
            formatFrom(event.path("session").path("audio").path("input").path("format"));
        } else if (type.equals("input_audio_buffer.append") && event.path("audio").isString()) {
            append(event.get("audio").asString());
        }
    }

    private void formatFrom(JsonNode format) {
        if (!format.isObject() || !format.path("type").isString()) {
            return;
        }
        try {
            AudioFormat parsed = AudioFormat.parse(format.get("type").asString());
            if (parsed instanceof AudioFormat.Pcm && format.path("rate").isInt()) {
                parsed = new AudioFormat.Pcm(format.get("rate").asInt());
            }
            synchronized (this) {
                this.format = parsed;
            }
        } catch (IllegalArgumentException e) {
            problems.accept("session.update carries an unusable input audio format: " + e.getMessage());
        }
    }

    private void append(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            problems.accept("input_audio_buffer.append carries invalid base64 audio: " + e.getMessage());
            return;
        }
        boolean firstOverflow = false;
        synchronized (this) {
            if (audio.size() + (long) bytes.length > maxBytes) {
                firstOverflow = !capped;
                capped = true;
            } else {
                audio.write(bytes, 0, bytes.length);
            }
        }
        if (firstOverflow) {
            problems.accept("input audio exceeds " + maxBytes + " bytes; later appends are not captured");
        }
    }

    synchronized InputAudio snapshot() {
        return new InputAudio(audio.toByteArray(), format);
    }
}
