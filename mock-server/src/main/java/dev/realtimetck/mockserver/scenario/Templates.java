package dev.realtimetck.mockserver.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenario template syntax. A placeholder is {@code {{function arg...}}} inside any JSON string of a sent
 * event; arguments are separated by spaces and may be double-quoted. A string that is exactly one placeholder is
 * replaced by the placeholder's JSON value (so a number stays a number); a placeholder inside a longer string is
 * replaced by its text. Functions:
 * <ul>
 *   <li>{@code id PREFIX}: a fresh id {@code PREFIX_...};</li>
 *   <li>{@code id PREFIX NAME}: the id named NAME, fresh the first time it is used in the session, then the
 *       same value (so several events can share one {@code item_id});</li>
 *   <li>{@code event POINTER}: the value at the JSON Pointer in the current client event (the one matched by the
 *       latest {@code expect}, or the one that fired the rule);</li>
 *   <li>{@code event NAME POINTER}: the value in the client event captured with {@code as: NAME};</li>
 *   <li>{@code session_id}: the server-assigned session id;</li>
 *   <li>{@code audio MILLIS}: base64 of MILLIS ms of generated audio (a 440 Hz tone) in the session's output
 *       format;</li>
 *   <li>{@code wav PATH}: base64 of the samples of a WAV file (file path, or class path resource), converted to the
 *       session's output format.</li>
 * </ul>
 */
final class Templates {

    /** The longest audio one {@code {{audio}}} placeholder generates. */
    static final long MAX_AUDIO_MILLIS = 60_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

    private Templates() {
    }

    /** Whether any string in {@code node} holds a placeholder. */
    static boolean hasPlaceholders(JsonNode node) {
        if (node.isString()) {
            return PLACEHOLDER.matcher(node.asString()).find();
        }
        for (JsonNode child : node.values()) {
            if (hasPlaceholders(child)) {
                return true;
            }
        }
        return false;
    }

    /** Syntax errors of every placeholder in {@code node}, each prefixed with its JSON Pointer. */
    static List<String> check(JsonNode node) {
        List<String> out = new ArrayList<>();
        check("", node, out);
        return out;
    }

    private static void check(String path, JsonNode node, List<String> out) {
        if (node.isString()) {
            Matcher m = PLACEHOLDER.matcher(node.asString());
            while (m.find()) {
                try {
                    parse(m.group(1));
                } catch (IllegalArgumentException e) {
                    out.add((path.isEmpty() ? "/" : path) + ": " + e.getMessage());
                }
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> check(path + "/" + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(path + "/" + i, node.get(i), out);
            }
        }
    }

    /** A copy of {@code template} with every placeholder rendered. */
    static JsonNode render(JsonNode template, TemplateScope scope) {
        if (template.isString()) {
            return renderString(template.asString(), scope);
        }
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : template.properties()) {
                out.set(e.getKey(), render(e.getValue(), scope));
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            template.values().forEach(v -> out.add(render(v, scope)));
            return out;
        }
        return template.deepCopy();
    }

    private static JsonNode renderString(String text, TemplateScope scope) {
        Matcher m = PLACEHOLDER.matcher(text);
        if (m.matches()) {
            return evaluate(parse(m.group(1)), scope);
        }
        StringBuilder sb = new StringBuilder();
        int last = 0;
        m.reset();
        while (m.find()) {
            sb.append(text, last, m.start());
            JsonNode value = evaluate(parse(m.group(1)), scope);
            sb.append(value.isString() ? value.asString() : value.toString());
            last = m.end();
        }
        if (last == 0) {
            return JsonNodeFactory.instance.stringNode(text);
        }
        sb.append(text.substring(last));
        return JsonNodeFactory.instance.stringNode(sb.toString());
    }

    private static JsonNode evaluate(List<String> call, TemplateScope scope) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String fn = call.get(0);
        switch (fn) {
            case "id":
                return f.stringNode(call.size() == 2 ? scope.freshId(call.get(1)) : scope.namedId(call.get(1), call.get(2)));
            case "session_id":
                return f.stringNode(scope.sessionId());
            case "audio":
                return f.stringNode(scope.audioBase64(Long.parseLong(call.get(1))));
            case "wav":
                return f.stringNode(scope.wavBase64(call.get(1)));
            case "event": {
                String name = call.size() == 3 ? call.get(1) : null;
                String pointer = call.get(call.size() - 1);
                JsonNode event = scope.event(name);
                if (event == null) {
                    throw new IllegalArgumentException(name == null
                            ? "{{event " + pointer + "}}: no client event has been matched yet"
                            : "{{event " + name + " " + pointer + "}}: no client event was captured as '" + name + "'");
                }
                JsonNode value = event.at(pointer);
                if (value.isMissingNode()) {
                    throw new IllegalArgumentException("{{event" + (name == null ? "" : " " + name) + " " + pointer
                            + "}}: the client event has no value at " + pointer + ": " + event);
                }
                return value.deepCopy();
            }
            default:
                throw new IllegalStateException("unchecked function " + fn);
        }
    }

    /** Splits and checks a placeholder body; throws IllegalArgumentException naming the problem. */
    static List<String> parse(String body) {
        List<String> parts = split(body.trim());
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty placeholder {{}}");
        }
        String fn = parts.get(0);
        int args = parts.size() - 1;
        switch (fn) {
            case "id":
                require(args == 1 || args == 2, body, "id PREFIX [NAME]");
                break;
            case "session_id":
                require(args == 0, body, "session_id");
                break;
            case "audio":
                require(args == 1 && parts.get(1).matches("\\d{1,7}"), body, "audio MILLIS (a whole number)");
                if (Long.parseLong(parts.get(1)) > MAX_AUDIO_MILLIS) {
                    throw new IllegalArgumentException("{{" + body + "}}: at most " + MAX_AUDIO_MILLIS
                            + " ms per placeholder; send longer audio as several deltas");
                }
                break;
            case "wav":
                require(args == 1, body, "wav PATH");
                break;
            case "event":
                require((args == 1 || args == 2) && parts.get(parts.size() - 1).startsWith("/"), body,
                        "event [NAME] /json/pointer");
                break;
            default:
                throw new IllegalArgumentException("unknown placeholder function '" + fn + "' in {{" + body
                        + "}} (known: id, event, session_id, audio, wav)");
        }
        return parts;
    }

    private static void require(boolean ok, String body, String usage) {
        if (!ok) {
            throw new IllegalArgumentException("malformed placeholder {{" + body + "}}, usage: {{" + usage + "}}");
        }
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote in {{" + s + "}}");
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }
}
