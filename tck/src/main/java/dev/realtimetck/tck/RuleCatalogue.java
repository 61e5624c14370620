package dev.realtimetck.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule catalogue: every rule of the TCK, loaded from the classpath resource
 * {@code dev/realtimetck/tck/rules.json}. It is the single source of the rule ids, levels and sentences: the
 * failure messages, the report and {@code SPEC.md} are all built from it.
 */
public final class RuleCatalogue {

    /** The classpath location of the catalogue. */
    public static final String RESOURCE = "dev/realtimetck/tck/rules.json";

    private static volatile RuleCatalogue standard;

    private final String version;
    private final Map<String, String> groups;
    private final Map<String, Rule> rules;

    private RuleCatalogue(String version, Map<String, String> groups, Map<String, Rule> rules) {
        this.version = version;
        this.groups = Collections.unmodifiableMap(groups);
        this.rules = Collections.unmodifiableMap(rules);
    }

    /** The catalogue shipped with the TCK (loaded once). */
    public static RuleCatalogue standard() {
        RuleCatalogue c = standard;
        if (c == null) {
            try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the rule catalogue " + RESOURCE + " is not on the class path");
                }
                c = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            standard = c;
        }
        return c;
    }

    /**
     * Parses a catalogue.
     *
     * @throws IllegalArgumentException naming the offending rule or field when the catalogue is malformed
     */
    static RuleCatalogue parse(InputStream in) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("rules.json: not valid JSON: " + e.getOriginalMessage(), e);
        }
        String version = text(root, "tckVersion", "catalogue");
        Map<String, String> groups = new LinkedHashMap<>();
        root.path("groups").properties().forEach(e -> groups.put(e.getKey(), e.getValue().asString()));
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode node : root.path("rules")) {
            String id = text(node, "id", "rule");
            RuleLevel level;
            try {
                level = RuleLevel.valueOf(text(node, "level", id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules.json: rule " + id + ": level must be MUST, SHOULD or MAY");
            }
            String group = text(node, "group", id);
            if (!groups.containsKey(group)) {
                throw new IllegalArgumentException("rules.json: rule " + id + ": unknown group " + group);
            }
            JsonNode capability = node.get("capability");
            Capability needs;
            try {
                needs = capability == null || capability.isNull() ? null : Capability.named(capability.asString());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("rules.json: rule " + id + ": " + unknown.getMessage(), unknown);
            }
            Rule rule = new Rule(id, level, group, text(node, "sentence", id), text(node, "source", id), needs);
            try {
                BehaviourDoc.ids(rule.source()).forEach(BehaviourDoc::anchor);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules.json: rule " + id + ": " + e.getMessage(), e);
            }
            if (rules.put(id, rule) != null) {
                throw new IllegalArgumentException("rules.json: duplicate rule id " + id);
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rules.json: no rules");
        }
        return new RuleCatalogue(version, groups, rules);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("rules.json: " + where + ": missing or empty string field '"
                    + field + "'");
        }
        return value.asString();
    }

    /** The TCK version the catalogue belongs to. */
    public String version() {
        return version;
    }

    /** Every rule, in catalogue order. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rule groups (code to title), in catalogue order. */
    public Map<String, String> groups() {
        return groups;
    }

    /** The rule with this id, if it exists. */
    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /**
     * The rule with this id.
     *
     * @throws IllegalArgumentException naming the id when the catalogue has no such rule
     */
    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("id: no rule " + id + " in " + RESOURCE);
        }
        return rule;
    }

    /** The human-readable specification, {@code tck/SPEC.md}, generated from the catalogue. */
    public String toSpecMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Realtime TCK rules (version ").append(version).append(")\n\n");
        out.append("<!-- Generated from tck/src/main/resources/").append(RESOURCE).append(". Do not edit by hand:\n");
        out.append("     ./mvnw -B -q -pl tck -am test -Dtest=SpecIsUpToDateTest -Dtck.writeSpec=true"
                + " -Dsurefire.failIfNoSpecifiedTests=false -->\n\n");
        long must = rules.values().stream().filter(r -> r.level() == RuleLevel.MUST).count();
        long should = rules.values().stream().filter(r -> r.level() == RuleLevel.SHOULD).count();
        out.append(rules.size()).append(" rules: ").append(must).append(" MUST, ").append(should)
                .append(" SHOULD, ").append(rules.size() - must - should).append(" MAY. ")
                .append("`Source` links the rules of the transport behaviour document (`")
                .append(BehaviourDoc.PATH).append("`) the rule derives from; ")
                .append("`Capability` names the `TransportCapabilities` flag the rule needs (a transport that ")
                .append("declares it absent gets the documented behaviour of its absence checked instead).\n");
        for (Map.Entry<String, String> group : groups.entrySet()) {
            List<Rule> inGroup = new ArrayList<>();
            rules.values().stream().filter(r -> r.group().equals(group.getKey())).forEach(inGroup::add);
            if (inGroup.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(group.getKey()).append(": ").append(group.getValue()).append("\n\n");
            out.append("| Id | Level | Rule | Source | Capability |\n|---|---|---|---|---|\n");
            for (Rule r : inGroup) {
                out.append("| ").append(r.id()).append(" | ").append(r.level()).append(" | ")
                        .append(r.sentence().replace("|", "\\|")).append(" | ").append(BehaviourDoc.markdownLinks(r.source()))
                        .append(" | ")
                        .append(r.capability() == null ? "" : r.capability().catalogueName()).append(" |\n");
            }
        }
        return out.toString();
    }
}
