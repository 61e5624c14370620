package dev.realtimetck.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the rules of the TCK come from: the repository's transport behaviour document,
 * {@value #PATH}, whose rules are linked by their lower-case id ({@code #a14}, {@code #x26}).
 * A rule's {@link Rule#source()} lists ids of that document, separated by commas.
 */
public final class BehaviourDoc {

    /** The document, relative to the repository root. */
    public static final String PATH = "docs/transport-behaviour.md";

    private static final Pattern RULE_ID = Pattern.compile("[A-DFJX]\\d+");
    private static final Pattern CONVENTION = Pattern.compile("0\\.\\d");
    private static final Map<String, String> SECTIONS = Map.of(
            "A", "a-client-events-on-the-wire-per-method",
            "B", "b-server-events-turned-into-transport-events",
            "C", "c-connection-lifecycle",
            "D", "d-responsecreate-sequencing",
            "X", "x-quirks-of-the-typescript-transport-a-port-should-not-copy");

    private BehaviourDoc() {
    }

    /**
     * The anchor of one source id: the lower-case rule id ({@code A14} gives {@code a14}), {@code sec-0-3} for the
     * convention {@code 0.3}, or the heading anchor of a whole section ({@code B}).
     *
     * @throws IllegalArgumentException naming the id when it is none of these
     */
    public static String anchor(String sourceId) {
        String id = sourceId.strip();
        if (RULE_ID.matcher(id).matches()) {
            return id.toLowerCase(Locale.ROOT);
        }
        if (CONVENTION.matcher(id).matches()) {
            return "sec-" + id.replace('.', '-');
        }
        String section = SECTIONS.get(id);
        if (section == null) {
            throw new IllegalArgumentException("sourceId: not a rule id, convention or section of " + PATH + ": "
                    + sourceId);
        }
        return section;
    }

    /** The ids of a rule's source, in order ({@code "A4, 0.3"} gives {@code A4} and {@code 0.3}). */
    public static List<String> ids(String source) {
        List<String> ids = new ArrayList<>();
        for (String part : source.split(",")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        return ids;
    }

    /**
     * The source as document references from the repository root, for failure messages:
     * {@code docs/transport-behaviour.md#a4, docs/transport-behaviour.md#sec-0-3}.
     */
    public static String references(String source) {
        return String.join(", ", ids(source).stream().map(id -> PATH + "#" + anchor(id)).toList());
    }

    /**
     * The source as Markdown links relative to a file one directory below the repository root (such as
     * {@code tck/SPEC.md}): {@code [A4](../docs/transport-behaviour.md#a4), [0.3](../docs/transport-behaviour.md#sec-0-3)}.
     */
    public static String markdownLinks(String source) {
        return String.join(", ", ids(source).stream()
                .map(id -> "[" + id + "](../" + PATH + "#" + anchor(id) + ")").toList());
    }
}
