package dev.realtimetck.mockserver.scenario;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Formats a mismatch: a header line, one line per difference (by JSON Pointer), then the expected and the actual
 * event pretty-printed side by side.
 */
final class MismatchReport {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int MAX_LINE = 60;
    private static final int MAX_LINES = 40;

    private MismatchReport() {
    }

    static String format(String header, JsonNode expected, JsonNode actual, List<String> differences) {
        StringBuilder sb = new StringBuilder(header);
        if (!differences.isEmpty()) {
            sb.append("\ndifferences:");
            differences.forEach(d -> sb.append("\n  ").append(d));
        }
        List<String> left = lines(expected);
        List<String> right = lines(actual);
        int width = "expected".length();
        for (String l : left) {
            width = Math.max(width, l.length());
        }
        sb.append('\n').append(pad("expected", width)).append(" | actual");
        sb.append('\n').append("-".repeat(width)).append("-+-").append("-".repeat(Math.min(MAX_LINE, 20)));
        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            sb.append('\n').append((pad(l, width) + " | " + r).stripTrailing());
        }
        return sb.toString();
    }

    private static List<String> lines(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            out.add("(nothing)");
            return out;
        }
        for (String line : PRETTY.writeValueAsString(node).split("\r?\n")) {
            if (out.size() == MAX_LINES) {
                out.add("  ...");
                break;
            }
            out.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 3) + "..." : line);
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
