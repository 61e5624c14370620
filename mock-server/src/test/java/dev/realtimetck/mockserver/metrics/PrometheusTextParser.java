package dev.realtimetck.mockserver.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written for the tests because the Prometheus
 * Java client only writes the format. It rejects what Prometheus would reject: bad metric or label names, bad
 * escapes, unparsable values, a TYPE after the family's samples or twice, samples that do not belong to the
 * declared family (counter: {@code name}, gauge: {@code name}, histogram: {@code name_bucket} with an {@code le}
 * label, {@code name_sum}, {@code name_count}), histogram buckets without {@code le="+Inf"}.
 */
final class PrometheusTextParser {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\",?");
    private static final Set<String> SPECIAL = Set.of("+Inf", "-Inf", "NaN");

    private PrometheusTextParser() {
    }

    /** The samples: key {@code name{label="value",...}} (labels sorted, as written) to value. */
    static Map<String, Double> parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Boolean> sampled = new HashMap<>();
        Map<String, Boolean> infBucket = new HashMap<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + number + " '" + line + "': ";
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    if (types.containsKey(type.group(1)) || sampled.containsKey(type.group(1))) {
                        throw new IllegalArgumentException(where + "TYPE repeated or after samples");
                    }
                    types.put(type.group(1), type.group(2));
                } else if (!HELP.matcher(line).matches() && (line.startsWith("# HELP") || line.startsWith("# TYPE"))) {
                    throw new IllegalArgumentException(where + "bad HELP or TYPE line");
                }
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + "not a sample line");
            }
            String name = m.group(1);
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                Matcher l = LABEL.matcher(m.group(3));
                int end = 0;
                while (l.find() && l.start() == end) {
                    if (labels.put(l.group(1), l.group(2)) != null) {
                        throw new IllegalArgumentException(where + "label " + l.group(1) + " repeated");
                    }
                    end = l.end();
                }
                if (end != m.group(3).length()) {
                    throw new IllegalArgumentException(where + "bad label set");
                }
            }
            double value = value(m.group(4), where);
            String family = family(name, labels, types, where);
            sampled.put(family, true);
            if (name.endsWith("_bucket") && "+Inf".equals(labels.get("le"))) {
                infBucket.put(family, true);
            }
            StringBuilder key = new StringBuilder(name);
            if (!labels.isEmpty()) {
                key.append('{');
                labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
                key.setLength(key.length() - 1);
                key.append('}');
            }
            if (samples.put(key.toString(), value) != null) {
                throw new IllegalArgumentException(where + "sample repeated");
            }
        }
        types.forEach((family, type) -> {
            if (type.equals("histogram") && sampled.containsKey(family) && !infBucket.containsKey(family)) {
                throw new IllegalArgumentException("histogram " + family + " has no le=\"+Inf\" bucket");
            }
        });
        return samples;
    }

    private static String family(String name, Map<String, String> labels, Map<String, String> types, String where) {
        if (types.containsKey(name)) {
            if (types.get(name).equals("histogram") || types.get(name).equals("summary")) {
                throw new IllegalArgumentException(where + "a histogram has no plain sample");
            }
            return name;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(base))) {
                    if (suffix.equals("_bucket") && !labels.containsKey("le")) {
                        throw new IllegalArgumentException(where + "bucket without le");
                    }
                    return base;
                }
            }
        }
        throw new IllegalArgumentException(where + "sample of no declared family");
    }

    private static double value(String text, String where) {
        if (SPECIAL.contains(text)) {
            return text.equals("NaN") ? Double.NaN : text.startsWith("+") ? Double.POSITIVE_INFINITY
                    : Double.NEGATIVE_INFINITY;
        }
        if (!text.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException(where + "bad value " + text);
        }
        return Double.parseDouble(text);
    }
}
