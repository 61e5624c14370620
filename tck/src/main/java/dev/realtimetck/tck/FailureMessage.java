package dev.realtimetck.tck;

import dev.realtimetck.mockserver.core.Frame;
import java.util.List;
import java.util.Objects;

/**
 * The layout of every TCK failure message, so that the first line of a failing test tells the implementer which
 * rule broke and the rest shows the evidence:
 *
 * <pre>
 * [RT-CLIENT-010 MUST] sendAudio sends the bytes as standard base64 ...
 * Expected: ...
 * Actual:   ...
 * Offending frame(s):
 *   #5 CLIENT TEXT @41ms {"type":"input_audio_buffer.append","audio":"..."}
 * Last 3 frame(s) of the wire log:
 *   ...
 * Source: docs/transport-behaviour.md#a14 (every rule is listed in tck/SPEC.md)
 * </pre>
 *
 * Payloads are cut to {@link #MAX_PAYLOAD} characters.
 */
public final class FailureMessage {

    /** Longest payload shown per frame. */
    public static final int MAX_PAYLOAD = 300;
    /** How many of the last wire-log frames are shown. */
    public static final int LAST_FRAMES = 12;

    private FailureMessage() {
    }

    /**
     * Builds the message.
     *
     * @param rule the violated rule
     * @param detail the expected-versus-actual text (or the assertion's own message)
     * @param offending the frames that show the departure (may be empty)
     * @param wireLog the whole wire log of the test's current mock session (may be empty); its last
     *     {@link #LAST_FRAMES} frames are shown
     */
    public static String format(Rule rule, String detail, List<Frame> offending, List<Frame> wireLog) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(offending, "offending");
        Objects.requireNonNull(wireLog, "wireLog");
        StringBuilder out = new StringBuilder();
        out.append('[').append(rule.label()).append("] ").append(rule.sentence()).append('\n');
        String body = detail == null || detail.isBlank() ? "(no detail)" : detail.strip();
        if (!body.startsWith("Expected")) {
            out.append("Expected: the rule above to hold\nActual:   ");
        }
        out.append(body).append('\n');
        if (!offending.isEmpty()) {
            out.append("Offending frame(s):\n");
            offending.forEach(f -> out.append("  ").append(describe(f)).append('\n'));
        }
        if (wireLog.isEmpty()) {
            out.append("Wire log: no frames (no session reached the mock server)\n");
        } else {
            List<Frame> last = wireLog.subList(Math.max(0, wireLog.size() - LAST_FRAMES), wireLog.size());
            out.append("Last ").append(last.size()).append(" frame(s) of the wire log (of ").append(wireLog.size())
                    .append("):\n");
            last.forEach(f -> out.append("  ").append(describe(f)).append('\n'));
        }
        out.append("Source: ").append(BehaviourDoc.references(rule.source()))
                .append(" (every rule is listed in tck/SPEC.md)");
        return out.toString();
    }

    /** One frame: sequence, direction, kind, time since the session opened, payload (shortened). */
    public static String describe(Frame frame) {
        return frame.describe(MAX_PAYLOAD);
    }
}
