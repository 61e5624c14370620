package dev.realtimetck.mockserver.replay;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WebSocket frame of a recording, one JSON object per line of a {@code .jsonl} file:
 * <pre>
 * {"direction":"client"|"server","t_ms":&lt;ms since the connection opened&gt;,"event":{...}}   a JSON event
 * {"direction":...,"t_ms":...,"text":"..."}                       a text frame that is not a JSON object
 * {"direction":...,"t_ms":...,"binary":"&lt;base64&gt;"}               a binary frame
 * {"direction":...,"t_ms":...,"close":{"code":1000,"reason":""}}  a close frame; code 1006: dropped, no close frame
 * </pre>
 *
 * @param direction who sent the frame
 * @param tMs milliseconds since the connection opened
 * @param kind what the frame carries
 * @param event the event ({@link Kind#EVENT}), else null
 * @param text the raw text ({@link Kind#TEXT}), else null
 * @param binary the bytes ({@link Kind#BINARY}), else null
 * @param closeCode the close code ({@link Kind#CLOSE}), else 0
 * @param closeReason the close reason ({@link Kind#CLOSE}), else null
 */
public record RecordedFrame(Direction direction, long tMs, Kind kind, JsonNode event, String text, byte[] binary,
                            int closeCode, String closeReason) {

    /** The close code that stands for a connection lost without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** Who sent a frame. */
    public enum Direction {
        CLIENT, SERVER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a frame carries. */
    public enum Kind { EVENT, TEXT, BINARY, CLOSE }

    public RecordedFrame {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        if (tMs < 0) {
            throw new IllegalArgumentException("tMs: must be >= 0, was " + tMs);
        }
        switch (kind) {
            case EVENT:
                Objects.requireNonNull(event, "event");
                event = event.deepCopy();
                break;
            case TEXT:
                Objects.requireNonNull(text, "text");
                break;
            case BINARY:
                binary = Objects.requireNonNull(binary, "binary").clone();
                break;
            default:
                Objects.requireNonNull(closeReason, "closeReason");
        }
    }

    @Override
    public byte[] binary() {
        return binary == null ? null : binary.clone();
    }

    public static RecordedFrame event(Direction direction, long tMs, JsonNode event) {
        return new RecordedFrame(direction, tMs, Kind.EVENT, event, null, null, 0, null);
    }

    public static RecordedFrame text(Direction direction, long tMs, String text) {
        return new RecordedFrame(direction, tMs, Kind.TEXT, null, text, null, 0, null);
    }

    public static RecordedFrame binary(Direction direction, long tMs, byte[] data) {
        return new RecordedFrame(direction, tMs, Kind.BINARY, null, null, data, 0, null);
    }

    public static RecordedFrame close(Direction direction, long tMs, int code, String reason) {
        return new RecordedFrame(direction, tMs, Kind.CLOSE, null, null, null, code, reason);
    }

    /** The event type, or null when this is not an event frame. */
    public String type() {
        return event == null ? null : event.path("type").asString(null);
    }

    /** This frame as one recording line (a JSON object). */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("direction", direction.wire());
        out.put("t_ms", tMs);
        switch (kind) {
            case EVENT:
                out.set("event", event.deepCopy());
                break;
            case TEXT:
                out.put("text", text);
                break;
            case BINARY:
                out.put("binary", Base64.getEncoder().encodeToString(binary));
                break;
            default:
                ObjectNode close = out.putObject("close");
                close.put("code", closeCode);
                close.put("reason", closeReason);
        }
        return out;
    }

    /** Parses one recording line; throws IllegalArgumentException naming the problem. */
    public static RecordedFrame fromJson(JsonNode line) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String dir = line.path("direction").asString("");
        Direction direction;
        if (dir.equals("client")) {
            direction = Direction.CLIENT;
        } else if (dir.equals("server")) {
            direction = Direction.SERVER;
        } else {
            throw new IllegalArgumentException("direction: must be \"client\" or \"server\", was " + line.path("direction"));
        }
        JsonNode t = line.path("t_ms");
        if (!t.isMissingNode() && !(t.isNumber() && t.asDouble() >= 0)) {
            throw new IllegalArgumentException("t_ms: must be a number >= 0, was " + t);
        }
        long tMs = t.isMissingNode() ? 0 : t.asLong();
        int kinds = (line.has("event") ? 1 : 0) + (line.has("text") ? 1 : 0) + (line.has("binary") ? 1 : 0)
                + (line.has("close") ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("exactly one of event, text, binary, close is required");
        }
        if (line.has("event")) {
            if (!line.get("event").isObject() || !line.get("event").path("type").isString()) {
                throw new IllegalArgumentException("event: must be a JSON object with a string type");
            }
            return event(direction, tMs, line.get("event"));
        }
        if (line.has("text")) {
            if (!line.get("text").isString()) {
                throw new IllegalArgumentException("text: must be a string");
            }
            return text(direction, tMs, line.get("text").asString());
        }
        if (line.has("binary")) {
            try {
                return binary(direction, tMs, Base64.getDecoder().decode(line.get("binary").asString("")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("binary: not base64: " + e.getMessage());
            }
        }
        JsonNode close = line.get("close");
        if (!close.path("code").isIntegralNumber()) {
            throw new IllegalArgumentException("close.code: must be an integer");
        }
        return close(direction, tMs, close.get("code").intValue(), close.path("reason").asString(""));
    }
}
