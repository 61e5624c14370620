package dev.realtimetck.mockserver.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The text of the per-session and per-frame log lines: frames abbreviated, anything like a key redacted. */
final class SessionLogs {

    /** OpenAI-style secrets: API keys ({@code sk-...}), ephemeral client secrets ({@code ek_...}). */
    private static final Pattern SECRET = Pattern.compile("\\b(sk|ek|rk)[-_][A-Za-z0-9_-]{6,}");
    private static final int MAX_TEXT = 300;

    private SessionLogs() {
    }

    /** How the session ended: the first close or drop entry of its log (who started the close). */
    static String ending(List<Frame> frames) {
        for (Frame f : frames) {
            if (f.kind() == Frame.Kind.CLOSE) {
                return "close " + f.closeCode() + " from " + f.direction().name().toLowerCase(Locale.ROOT);
            }
            if (f.kind() == Frame.Kind.DROP) {
                return "dropped by " + f.direction().name().toLowerCase(Locale.ROOT);
            }
        }
        return "no close frame";
    }

    /** One frame for the verbose log: direction, seq, kind and the redacted, abbreviated text. */
    static String frame(Frame f) {
        String dir = f.direction() == Frame.Direction.CLIENT ? "<<" : ">>";
        String body;
        switch (f.kind()) {
            case TEXT:
                body = abbreviate(redact(f.text()));
                break;
            case BINARY:
                body = "binary " + (f.base64().length() * 3 / 4) + " bytes";
                break;
            case CLOSE:
                body = "close " + f.closeCode() + " " + redact(f.closeReason());
                break;
            default:
                body = "drop";
        }
        return dir + " #" + f.seq() + " " + body;
    }

    /** {@code text} with anything shaped like an API key or client secret replaced by {@code [redacted]}. */
    static String redact(String text) {
        return text == null ? "" : SECRET.matcher(text).replaceAll("[redacted]");
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "... (" + text.length() + " chars)";
    }
}
