package dev.realtimetck.mockserver.core;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A complete GA realtime session object, as {@code session.created} reports it: what the simulator starts
 * from and what the scenario placeholder {@code {{session}}} fills in, so the two never drift apart.
 */
public final class SessionObjects {

    /** The model reported when the handshake named none. */
    public static final String DEFAULT_MODEL = "gpt-realtime";

    /** How long a session is reported to live (the {@code expires_at} offset), in seconds. */
    public static final long LIFETIME_SECONDS = 3600;

    private SessionObjects() {
    }

    /**
     * A realtime session object.
     *
     * @param id the session id
     * @param model the model name
     * @param audioFormat the wire type of input and output audio ({@code audio/pcm}, {@code audio/pcmu},
     *     {@code audio/pcma})
     * @param expiresAt the {@code expires_at} epoch second
     * @return a new, mutable session object
     */
    public static ObjectNode realtime(String id, String model, String audioFormat, long expiresAt) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("type", "realtime");
        s.put("object", "realtime.session");
        s.put("id", id);
        s.put("model", model);
        s.putArray("output_modalities").add("audio");
        s.put("instructions", "");
        s.putArray("tools");
        s.put("tool_choice", "auto");
        s.put("max_output_tokens", "inf");
        s.putNull("tracing");
        s.putNull("prompt");
        s.put("expires_at", expiresAt);
        ObjectNode audio = s.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(audioFormat));
        input.putNull("transcription");
        input.putNull("noise_reduction");
        ObjectNode vad = input.putObject("turn_detection");
        vad.put("type", "server_vad");
        vad.put("threshold", 0.5);
        vad.put("prefix_padding_ms", 300);
        vad.put("silence_duration_ms", 500);
        vad.put("create_response", true);
        vad.put("interrupt_response", true);
        ObjectNode output = audio.putObject("output");
        output.set("format", format(audioFormat));
        output.put("voice", "alloy");
        output.put("speed", 1);
        s.putNull("include");
        return s;
    }

    private static ObjectNode format(String wireType) {
        ObjectNode format = JsonNodeFactory.instance.objectNode();
        format.put("type", wireType);
        if ("audio/pcm".equals(wireType)) {
            format.put("rate", 24000);
        }
        return format;
    }
}
