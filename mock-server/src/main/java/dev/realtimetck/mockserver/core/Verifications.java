package dev.realtimetck.mockserver.core;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The failure messages of the verification methods of {@link MockSession}: counts and near misses. */
final class Verifications {

    private static final int NEAR_MISSES = 5;

    private Verifications() {
    }

    /** Null when {@code events} holds exactly {@code expected} matches, else the failure message. */
    static String countMismatch(String sessionId, String what, int expected, EventPattern pattern,
                                List<ObjectNode> events) {
        long actual = events.stream().filter(pattern::matches).count();
        if (actual == expected) {
            return null;
        }
        StringBuilder out = new StringBuilder("Session ").append(sessionId).append(": expected ").append(expected)
                .append(' ').append(what).append(" event(s) matching ").append(pattern).append(", found ")
                .append(actual).append(" (of ").append(events.size()).append(" ").append(what).append(" events).");
        List<ObjectNode> nearMisses = events.stream()
                .filter(e -> pattern.sameType(e) && !pattern.matches(e)).limit(NEAR_MISSES).toList();
        if (!nearMisses.isEmpty()) {
            out.append("\nNear misses (same type, other fields):");
            for (ObjectNode miss : nearMisses) {
                out.append("\n  ").append(abbreviate(miss.toString()));
                pattern.differences(miss).forEach(d -> out.append("\n    ").append(d));
            }
        }
        out.append("\nTypes received: ").append(events.stream().map(e -> e.path("type").asString("(no type)"))
                .distinct().toList());
        return out.toString();
    }

    /** Null when {@code problems} is empty, else a message listing them, each report indented. */
    static String problemsReport(String sessionId, List<String> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("Session ").append(sessionId).append(" recorded ")
                .append(problems.size()).append(" problem(s):");
        int n = 0;
        for (String problem : problems) {
            out.append("\n").append(++n).append(". ").append(problem.replace("\n", "\n   "));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
