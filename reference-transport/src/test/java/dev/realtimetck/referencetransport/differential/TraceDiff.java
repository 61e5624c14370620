package dev.realtimetck.referencetransport.differential;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the TypeScript trace of a scenario (from the golden file) with the Java trace, field by field, after the
 * documented normalisation, and lists every difference with its path.
 *
 * <p>Normalisation, applied to both sides: generated {@code response.create} ids ({@code agents_js_response_create_N}
 * in TypeScript, {@code client_evt_N} in Java) become {@code {responseCreateId:N}}; history request ids
 * {@code agents_delete_N} / {@code agents_create_N} become {@code {historyId:delete:N}} / {@code {historyId:create:N}};
 * strings longer than 1024 characters become {@code sha256:<hex>:<length>} (the golden file stores them so). Object
 * key order is ignored and numbers compare by value ({@code 1} equals {@code 1.0}). The exception message of a step
 * that threw is not compared (each side words its own), only that it threw.
 *
 * <p>Paths: {@code step[3 server].events[2 item_update].payload.callId}; frames are named by their {@code type},
 * events by their name. Within a step, frames and events are paired by a longest common subsequence of those names,
 * so one extra or missing element is reported once (as {@code <absent>} on the side that lacks it) instead of shifting
 * every later comparison. An unpaired Java element is indexed {@code java:N}.
 */
final class TraceDiff {

    /** One difference: where, and the normalised value on each side ({@code <absent>} when missing). */
    record Difference(String scenario, String path, String typescript, String java) {
        @Override
        public String toString() {
            return path + "\n      TypeScript: " + typescript + "\n      Java:       " + java;
        }
    }

    static final int LONG_STRING = 1024;
    private static final String ABSENT = "<absent>";
    private static final Pattern TS_CREATE_ID = Pattern.compile("^agents_js_response_create_(\\d+)$");
    private static final Pattern JAVA_CREATE_ID = Pattern.compile("^client_evt_(\\d+)$");
    private static final Pattern HISTORY_ID = Pattern.compile("^agents_(delete|create)_(\\d+)$");

    private final JsonMapper mapper = JsonMapper.shared();
    private final String scenario;
    private final List<Difference> differences = new ArrayList<>();

    private TraceDiff(String scenario) {
        this.scenario = scenario;
    }

    static List<Difference> compare(JsonNode typescript, JsonNode java) {
        TraceDiff diff = new TraceDiff(typescript.path("name").asString());
        diff.compareScenario(diff.normalise(typescript), diff.normalise(java));
        return diff.differences;
    }

    private void compareScenario(JsonNode ts, JsonNode java) {
        JsonNode tsSteps = ts.path("steps");
        JsonNode javaSteps = java.path("steps");
        if (tsSteps.size() != javaSteps.size()) {
            add("steps", tsSteps.size() + " steps", javaSteps.size() + " steps");
            return;
        }
        for (int i = 0; i < tsSteps.size(); i++) {
            JsonNode t = tsSteps.get(i);
            JsonNode j = javaSteps.get(i);
            String prefix = "step[" + i + " " + t.path("op").asString() + "]";
            if (!t.path("op").asString().equals(j.path("op").asString())) {
                add(prefix + ".op", t.path("op").toString(), j.path("op").toString());
                continue;
            }
            compareValue(prefix + ".threw", t.path("threw"), j.path("threw"));
            compareValue(prefix + ".result", t.path("result"), j.path("result"));
            compareValue(prefix + ".opened", t.path("opened"), j.path("opened"));
            compareSequence(prefix + ".frames", t.path("frames"), j.path("frames"), "type", null);
            compareSequence(prefix + ".events", t.path("events"), j.path("events"), "name", "payload");
        }
    }

    /** Pairs the elements by their key (LCS), compares pairs, reports the unpaired ones. */
    private void compareSequence(String path, JsonNode ts, JsonNode java, String key, String valueField) {
        int n = ts.size();
        int m = java.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = keyOf(ts.get(i), key).equals(keyOf(java.get(j), key)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && keyOf(ts.get(i), key).equals(keyOf(java.get(j), key))) {
                String at = path + "[" + i + " " + keyOf(ts.get(i), key) + "]";
                if (valueField == null) {
                    compareValue(at, ts.get(i), java.get(j));
                } else {
                    compareValue(at + "." + valueField, ts.get(i).path(valueField), java.get(j).path(valueField));
                }
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(path + "[" + i + " " + keyOf(ts.get(i), key) + "]", render(ts.get(i)), ABSENT);
                i++;
            } else {
                add(path + "[java:" + j + " " + keyOf(java.get(j), key) + "]", ABSENT, render(java.get(j)));
                j++;
            }
        }
    }

    private static String keyOf(JsonNode element, String key) {
        JsonNode k = element.path(key);
        return k.isString() ? k.asString() : k.toString();
    }

    private void compareValue(String path, JsonNode ts, JsonNode java) {
        if (ts.isMissingNode() || java.isMissingNode()) {
            if (ts.isMissingNode() != java.isMissingNode()) {
                add(path, render(ts), render(java));
            }
            return;
        }
        if (ts.isObject() && java.isObject()) {
            Set<String> keys = new LinkedHashSet<>(ts.propertyNames());
            keys.addAll(java.propertyNames());
            for (String k : keys) {
                compareValue(path + "." + k, ts.path(k), java.path(k));
            }
            return;
        }
        if (ts.isArray() && java.isArray() && ts.size() == java.size()) {
            for (int i = 0; i < ts.size(); i++) {
                compareValue(path + "[" + i + "]", ts.get(i), java.get(i));
            }
            return;
        }
        if (ts.isNumber() && java.isNumber()) {
            BigDecimal a = ts.decimalValue();
            BigDecimal b = java.decimalValue();
            if (a.compareTo(b) != 0) {
                add(path, ts.toString(), java.toString());
            }
            return;
        }
        if (!ts.equals(java)) {
            add(path, render(ts), render(java));
        }
    }

    private void add(String path, String ts, String java) {
        differences.add(new Difference(scenario, path, ts, java));
    }

    private static String render(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return ABSENT;
        }
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    // ---------------------------------------------------------------- normalisation

    private JsonNode normalise(JsonNode node) {
        if (node.isString()) {
            return mapper.getNodeFactory().stringNode(normalise(node.asString()));
        }
        if (node.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            node.forEach(e -> out.add(normalise(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), normalise(e.getValue()));
            }
            return out;
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    static String normalise(String s) {
        if (s.length() > LONG_STRING) {
            return "sha256:" + sha256(s) + ":" + s.length();
        }
        var m = TS_CREATE_ID.matcher(s);
        if (m.matches()) {
            return "{responseCreateId:" + m.group(1) + "}";
        }
        m = JAVA_CREATE_ID.matcher(s);
        if (m.matches()) {
            return "{responseCreateId:" + m.group(1) + "}";
        }
        m = HISTORY_ID.matcher(s);
        if (m.matches()) {
            return "{historyId:" + m.group(1) + ":" + m.group(2) + "}";
        }
        return s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
