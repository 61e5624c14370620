package dev.realtimetck.mockserver.scenario;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads scenario files: parses YAML (JSON is accepted as YAML), validates the tree against
 * {@code dev/realtimetck/mockserver/scenario.schema.json}, checks placeholders and regular expressions, checks
 * every send event without placeholders against the server-event schemas, and builds the {@link Scenario}.
 * Every failure is a {@link ScenarioException} whose message names the source and the JSON path.
 */
public final class ScenarioLoader {

    /** The class path resource of the scenario JSON Schema. */
    public static final String SCHEMA_RESOURCE = "dev/realtimetck/mockserver/scenario.schema.json";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern EVENT_PLACEHOLDER = Pattern.compile("\\{\\{\\s*event\\s");
    private static final Schema SCHEMA = loadSchema();
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s)");

    private final ServerEventCheck serverEvents;

    /** A loader that checks scripted server events with {@code serverEvents}. */
    public ScenarioLoader(ServerEventCheck serverEvents) {
        this.serverEvents = Objects.requireNonNull(serverEvents, "serverEvents");
    }

    /** A loader that checks scripted server events against the protocol's server-event schemas. */
    public static ScenarioLoader defaults() {
        return new ScenarioLoader(ServerEventChecks.protocolSchemas());
    }

    /** Loads a scenario file. */
    public Scenario load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScenarioException("scenario " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a scenario from a class path resource. */
    public Scenario fromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ScenarioLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ScenarioException("scenario classpath:" + name + ": no such resource");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses scenario text (YAML or JSON); {@code sourceName} appears in error messages. */
    public Scenario parse(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ScenarioException("scenario " + sourceName + ": not valid YAML/JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ScenarioException("scenario " + sourceName + ": empty document");
        }
        List<Error> errors = SCHEMA.validate(tree);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder("scenario " + sourceName + " does not match scenario.schema.json:");
            errors.stream().limit(10).forEach(e -> sb.append("\n  ").append(e.getInstanceLocation()).append(": ")
                    .append(stripLocation(e)));
            throw new ScenarioException(sb.toString());
        }
        return new Builder(sourceName, text).scenario(tree);
    }

    private static String stripLocation(Error e) {
        String message = e.getMessage();
        String location = String.valueOf(e.getInstanceLocation());
        if (message.startsWith(location + ": ")) {
            return message.substring(location.length() + 2);
        }
        return message;
    }

    /** Parses a duration: a number of milliseconds, or {@code 250ms}, {@code 1.5s}. */
    static Duration duration(JsonNode node, String where) {
        if (node.isIntegralNumber()) {
            return Duration.ofMillis(node.longValue());
        }
        var m = DURATION.matcher(node.asString(""));
        if (!m.matches()) {
            throw new ScenarioException(where + ": not a duration: " + node);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millis = m.group(2).equals("s") ? amount.movePointRight(3) : amount;
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }

    private final class Builder {
        private final String source;
        private final String text;
        private final Set<String> captures = new LinkedHashSet<>();
        private SourceLines lines;
        private SampleScope sample = new SampleScope("audio/pcm");

        Builder(String source, String text) {
            this.source = source;
            this.text = text;
        }

        Scenario scenario(JsonNode tree) {
            String name = tree.path("name").asString(baseName(source));
            sample = new SampleScope(tree.path("audio_format").asString("audio/pcm"));
            Duration pace = tree.has("pace") ? duration(tree.get("pace"), at("/pace")) : Duration.ZERO;
            Set<String> ignore = new LinkedHashSet<>();
            tree.path("ignore").values().forEach(v -> ignore.add(v.asString()));
            List<Step> steps = steps(tree.path("steps"), "/steps");
            List<Rule> rules = new ArrayList<>();
            JsonNode ruleNodes = tree.path("rules");
            for (int i = 0; i < ruleNodes.size(); i++) {
                rules.add(rule(ruleNodes.get(i), "/rules/" + i));
            }
            return new Scenario(name, tree.path("strict").asBoolean(false), pace,
                    tree.path("audio_format").asString("audio/pcm"), ignore, steps, rules, text);
        }

        private Rule rule(JsonNode node, String path) {
            EventMatcher when = matcher(node.get("when"), path + "/when");
            List<Step> then = new ArrayList<>();
            if (node.has("send")) {
                then.add(send(node.get("send"), path + "/send"));
            }
            if (node.has("then")) {
                JsonNode thenNodes = node.get("then");
                for (int i = 0; i < thenNodes.size(); i++) {
                    if (thenNodes.get(i).has("expect")) {
                        throw new ScenarioException(at(path + "/then/" + i) + ": a rule cannot contain expect steps "
                                + "(rules answer the event that fired them; use the main steps for sequences)");
                    }
                }
                then.addAll(steps(thenNodes, path + "/then"));
            }
            return new Rule(when, then, node.path("times").asInt(0));
        }

        private List<Step> steps(JsonNode nodes, String path) {
            List<Step> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                out.add(step(nodes.get(i), path + "/" + i));
            }
            return out;
        }

        private Step step(JsonNode node, String path) {
            Map.Entry<String, JsonNode> only = node.properties().iterator().next();
            String kind = only.getKey();
            JsonNode value = only.getValue();
            String where = path + "/" + kind;
            switch (kind) {
                case "expect": {
                    String as = value.path("as").asString(null);
                    if (as != null) {
                        captures.add(as);
                    }
                    Duration within = value.has("within") ? duration(value.get("within"), at(where + "/within")) : null;
                    return new Step.Expect(matcher(value, where), as, value.path("repeat").asBoolean(false), within);
                }
                case "send":
                    return send(value, where);
                case "wait":
                    return new Step.Wait(duration(value, at(where)));
                case "pace":
                    return new Step.Pace(duration(value, at(where)));
                case "close":
                    return value.isIntegralNumber() ? new Step.Close(value.intValue(), "")
                            : new Step.Close(value.get("code").intValue(), value.path("reason").asString(""));
                case "drop":
                    return new Step.Drop();
                case "malformed":
                    return new Step.Malformed(value.isString() ? value.asString() : "{\"type\":\"response.done\",");
                case "binary":
                    if (value.has("size")) {
                        byte[] data = new byte[value.get("size").intValue()];
                        for (int i = 0; i < data.length; i++) {
                            data[i] = (byte) i;
                        }
                        return new Step.Binary(data);
                    }
                    try {
                        return new Step.Binary(Base64.getDecoder().decode(value.get("base64").asString()));
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(at(where + "/base64") + ": not base64: " + e.getMessage());
                    }
                case "stall":
                    return new Step.Stall();
                default:
                    throw new ScenarioException(at(path) + ": unknown step kind " + kind);
            }
        }

        private Step.Send send(JsonNode value, String where) {
            List<JsonNode> events = new ArrayList<>();
            if (value.isArray()) {
                value.values().forEach(events::add);
            } else {
                events.add(value);
            }
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                String eventPath = value.isArray() ? where + "/" + i : where;
                List<String> syntax = Templates.check(event);
                if (!syntax.isEmpty()) {
                    throw new ScenarioException(at(eventPath) + ": " + String.join("; ", syntax));
                }
                checkCaptures(event, eventPath);
                List<String> violations = Templates.hasPlaceholders(event)
                        ? templatedViolations(event, eventPath) : serverEvents.violations(event);
                if (!violations.isEmpty()) {
                    throw new ScenarioException(at(eventPath + firstPointer(violations)) + ": server event "
                            + event.path("type").asString() + (Templates.hasPlaceholders(event)
                            ? " (rendered with sample values)" : "")
                            + " does not match the protocol schema: " + String.join("; ", violations));
                }
            }
            return new Step.Send(events);
        }

        /**
         * The violations of a templated event, rendered with sample ids, session and audio. Client event values
         * ({@code {{event ...}}}) are unknown at load time: they become a sample string, and violations at or
         * below such a value (or at an ancestor other than the root) are not reported.
         */
        private List<String> templatedViolations(JsonNode event, String eventPath) {
            List<String> unknown = new ArrayList<>();
            JsonNode rendered;
            try {
                rendered = Templates.render(withoutEventValues(event, "", unknown), sample);
            } catch (RuntimeException e) {
                throw new ScenarioException(at(eventPath) + ": cannot render with sample values: " + e.getMessage());
            }
            return serverEvents.violations(rendered).stream().filter(v -> !touchesUnknown(v, unknown)).toList();
        }

        private JsonNode withoutEventValues(JsonNode node, String path, List<String> unknown) {
            if (node.isString()) {
                if (EVENT_PLACEHOLDER.matcher(node.asString()).find()) {
                    unknown.add(path);
                    return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("sample");
                }
                return node;
            }
            if (node.isObject()) {
                tools.jackson.databind.node.ObjectNode out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    out.set(e.getKey(), withoutEventValues(e.getValue(),
                            path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), unknown));
                }
                return out;
            }
            if (node.isArray()) {
                tools.jackson.databind.node.ArrayNode out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    out.add(withoutEventValues(node.get(i), path + "/" + i, unknown));
                }
                return out;
            }
            return node;
        }

        private static boolean touchesUnknown(String violation, List<String> unknown) {
            int colon = violation.indexOf(": ");
            String pointer = colon < 0 ? "/" : violation.substring(0, colon);
            for (String u : unknown) {
                if (pointer.equals(u) || pointer.startsWith(u + "/")
                        || (!pointer.equals("/") && u.startsWith(pointer + "/"))) {
                    return true;
                }
            }
            return false;
        }

        private static String firstPointer(List<String> violations) {
            String first = violations.get(0);
            int colon = first.indexOf(": ");
            String pointer = colon < 0 ? "" : first.substring(0, colon);
            return pointer.equals("/") ? "" : pointer;
        }

        private void checkCaptures(JsonNode node, String where) {
            if (node.isString()) {
                var m = Pattern.compile("\\{\\{\\s*event\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+/").matcher(node.asString());
                while (m.find()) {
                    if (!captures.contains(m.group(1))) {
                        throw new ScenarioException(at(where) + ": {{event " + m.group(1)
                                + " ...}} refers to no earlier expect with as: " + m.group(1));
                    }
                }
            } else {
                node.values().forEach(v -> checkCaptures(v, where));
            }
        }

        private EventMatcher matcher(JsonNode node, String where) {
            Map<String, Pattern> pointers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.path("pointers").properties()) {
                try {
                    pointers.put(e.getKey(), Pattern.compile(e.getValue().asString()));
                } catch (PatternSyntaxException ex) {
                    throw new ScenarioException(at(where + "/pointers/" + e.getKey().replace("~", "~0").replace("/", "~1")) + ": bad regular expression: "
                            + ex.getDescription());
                }
            }
            return new EventMatcher(node.path("type").asString(null), node.get("match"), pointers);
        }

        private String at(String path) {
            if (lines == null) {
                lines = SourceLines.of(YAML, text);
            }
            int line = lines.line(path);
            return "scenario " + source + (line > 0 ? " line " + line : "") + ": " + path;
        }
    }

    private static String baseName(String source) {
        String s = source.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static Schema loadSchema() {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
