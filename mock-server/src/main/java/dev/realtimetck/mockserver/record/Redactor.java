package dev.realtimetck.mockserver.record;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets before anything is written: the values of properties named {@code api_key},
 * {@code client_secret} or {@code authorization} (any case), every occurrence of the connection's own API key,
 * and anything shaped like an OpenAI key ({@code sk-...}) or ephemeral key ({@code ek_...}).
 */
final class Redactor {

    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_KEYS = Set.of("api_key", "client_secret", "authorization");
    private static final Set<String> SECRET_QUERY_PARAMETERS = Set.of("api_key", "apikey", "key", "token",
            "access_token", "client_secret", "authorization");
    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{8,}|ek_[A-Za-z0-9_-]{8,})");

    private final List<String> secrets;

    /** @param secrets literal secrets of this connection (blank ones are ignored) */
    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /**
     * The values of query parameters that carry credentials ({@code api_key}, {@code key}, {@code token},
     * {@code access_token}, {@code client_secret}, {@code authorization}, any case), raw and URL-decoded, so a
     * client that puts its key in the URL has it redacted like a header.
     */
    static List<String> secretQueryValues(String query) {
        List<String> values = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (SECRET_QUERY_PARAMETERS.contains(name)) {
                String raw = pair.substring(eq + 1);
                values.add(raw);
                values.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    String text(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        return KEY_SHAPED.matcher(out).replaceAll(REDACTED);
    }

    JsonNode event(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (SECRET_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isNull()) {
                    out.put(e.getKey(), REDACTED);
                } else {
                    out.set(e.getKey(), event(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(v -> out.add(event(v)));
            return out;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(text(node.asString()));
        }
        return node.deepCopy();
    }
}
