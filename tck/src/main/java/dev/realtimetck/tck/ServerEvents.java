package dev.realtimetck.tck;

import java.util.Base64;

/** Server events the rule tests push, written as the GA protocol shapes them. */
final class ServerEvents {

    private ServerEvents() {
    }

    static String responseCreated(String responseId) {
        return "{\"type\":\"response.created\",\"response\":{\"id\":\"" + responseId + "\",\"object\":\"realtime.response\","
                + "\"status\":\"in_progress\",\"output\":[]}}";
    }

    static String responseDone(String responseId) {
        return "{\"type\":\"response.done\",\"response\":{\"id\":\"" + responseId + "\",\"object\":\"realtime.response\","
                + "\"status\":\"completed\",\"output\":[],\"usage\":{\"total_tokens\":3,\"input_tokens\":2,"
                + "\"output_tokens\":1}}}";
    }

    static String audioDelta(String responseId, String itemId, byte[] audio) {
        return "{\"type\":\"response.output_audio.delta\",\"response_id\":\"" + responseId + "\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + Base64.getEncoder().encodeToString(audio)
                + "\"}";
    }

    static String audioDelta(String responseId, String itemId, int contentIndex, byte[] audio) {
        return "{\"type\":\"response.output_audio.delta\",\"response_id\":\"" + responseId + "\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":" + contentIndex + ",\"delta\":\""
                + Base64.getEncoder().encodeToString(audio) + "\"}";
    }

    static String audioDone(String responseId, String itemId) {
        return "{\"type\":\"response.output_audio.done\",\"response_id\":\"" + responseId + "\",\"item_id\":\""
                + itemId + "\",\"output_index\":0,\"content_index\":0}";
    }

    static String speechStarted(String itemId) {
        return "{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":0,\"item_id\":\"" + itemId + "\"}";
    }

    static String rateLimits(int n) {
        return "{\"type\":\"rate_limits.updated\",\"rate_limits\":[{\"name\":\"requests\",\"limit\":100,\"remaining\":"
                + n + ",\"reset_seconds\":1}],\"tck_seq\":" + n + "}";
    }

    static String error(String eventId, String code) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"" + code
                + "\",\"message\":\"rejected by the TCK\"" + (eventId == null ? "" : ",\"event_id\":\"" + eventId + "\"")
                + "}}";
    }

    /** {@code n} milliseconds of 24 kHz 16-bit mono PCM (a ramp, not silence). */
    static byte[] pcmMillis(int n) {
        byte[] bytes = new byte[n * 48];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }
}
