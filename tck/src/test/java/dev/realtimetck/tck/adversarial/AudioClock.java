package dev.realtimetck.tck.adversarial;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seam's own view of the output audio the server sent (rule A27): the tracked part, when its first delta arrived
 * and how much audio it holds, computed the correct way and in the ways the audio-arithmetic bugs get it wrong.
 * Fed from the inbound frames before the transport sees them.
 */
final class AudioClock {

    /** What was tracked at one moment. */
    record Snapshot(String itemId, int contentIndex, String responseId, double elapsedMs, double totalMs,
            long bytes, boolean generationDone, double sessionFormatTotalMs, String responseFirstItemId,
            int responseFirstContentIndex, double responseElapsedMs, double responseTotalMs) {
    }

    private final Map<String, JsonNode> responseFormats = new HashMap<>();
    private final Map<String, double[]> responseTotals = new HashMap<>(); // firstNanos, totalMs
    private final Map<String, Object[]> responseFirstPart = new HashMap<>();
    private JsonNode sessionFormat;
    private String itemId;
    private int contentIndex;
    private String responseId;
    private long firstNanos;
    private double totalMs;
    private double sessionTotalMs;
    private long bytes;
    private boolean done;
    private boolean stale;

    synchronized void sessionUpdated(ObjectNode frame) {
        ObjectNode output = Json.at(frame, "session", "audio", "output");
        sessionFormat = output == null ? null : output.get("format");
    }

    synchronized void responseCreated(ObjectNode frame) {
        ObjectNode response = Json.at(frame, "response");
        String id = Json.text(response, "id");
        if (id == null) {
            return;
        }
        ObjectNode output = Json.at(frame, "response", "audio", "output");
        JsonNode format = output == null ? null : output.get("format");
        responseFormats.put(id, format != null && !format.isNull() ? format : sessionFormat);
    }

    synchronized void responseDone(ObjectNode frame) {
        String id = Json.text(Json.at(frame, "response"), "id");
        if (id != null) {
            responseFormats.remove(id);
        }
    }

    synchronized void delta(ObjectNode frame, long now) {
        String item = Json.text(frame, "item_id");
        JsonNode index = frame.get("content_index");
        int contentIdx = index != null && index.isNumber() ? index.asInt() : 0;
        String delta = Json.text(frame, "delta");
        long size = delta == null ? 0 : base64Length(delta);
        if (stale || itemId == null || !itemId.equals(item) || contentIndex != contentIdx) {
            clear();
        }
        itemId = item;
        contentIndex = contentIdx;
        responseId = Json.text(frame, "response_id");
        if (firstNanos == 0) {
            firstNanos = now;
        }
        JsonNode format = responseId != null && responseFormats.containsKey(responseId)
                ? responseFormats.get(responseId) : sessionFormat;
        totalMs += durationMs(format, size);
        sessionTotalMs += durationMs(sessionFormat, size);
        bytes += size;
        if (responseId != null) {
            double[] totals = responseTotals.computeIfAbsent(responseId, k -> new double[] {now, 0});
            totals[1] += durationMs(format, size);
            responseFirstPart.putIfAbsent(responseId, new Object[] {item, contentIdx});
        }
    }

    synchronized void audioDone() {
        done = true;
    }

    /**
     * speech_started arrived: the transport's own interrupt follows and clears its tracking. The part stays visible
     * to {@link #snapshot} (for the truncate that interrupt writes) but not to {@link #liveSnapshot}.
     */
    synchronized void speechStarted() {
        stale = itemId != null;
    }

    synchronized void clear() {
        stale = false;
        itemId = null;
        contentIndex = 0;
        firstNanos = 0;
        totalMs = 0;
        sessionTotalMs = 0;
        bytes = 0;
        done = false;
    }

    /** The tracked part now, or null when nothing is tracked. */
    synchronized Snapshot snapshot(long now) {
        if (itemId == null) {
            return null;
        }
        double[] totals = responseId == null ? null : responseTotals.get(responseId);
        Object[] first = responseId == null ? null : responseFirstPart.get(responseId);
        return new Snapshot(itemId, contentIndex, responseId, (now - firstNanos) / 1e6, totalMs, bytes, done,
                sessionTotalMs, first == null ? itemId : (String) first[0],
                first == null ? contentIndex : (Integer) first[1],
                totals == null ? (now - firstNanos) / 1e6 : (now - (long) totals[0]) / 1e6,
                totals == null ? totalMs : totals[1]);
    }

    /** The tracked part, or null when nothing is tracked or a speech_started interrupt already ended it. */
    synchronized Snapshot liveSnapshot(long now) {
        return stale ? null : snapshot(now);
    }

    /** Duration of {@code bytes} of audio in {@code format} (rule A27). */
    static double durationMs(JsonNode format, long bytes) {
        if (format == null || format.isNull()) {
            return bytes / 48.0;
        }
        if (format.isString()) {
            return format.asString().startsWith("g711_") ? bytes / 8.0 : bytes / 48.0;
        }
        String type = Json.text(format, "type");
        if ("audio/pcmu".equals(type) || "audio/pcma".equals(type)) {
            return bytes / 8.0;
        }
        if ("audio/pcm".equals(type)) {
            JsonNode rate = format.get("rate");
            double r = rate != null && rate.isNumber() ? rate.asDouble() : 24000;
            return bytes / 2.0 / r * 1000;
        }
        return bytes / 48.0;
    }

    static long base64Length(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4L * 3 - padding;
    }
}
