package dev.realtimetck.mockserver.scenario;

import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces protocol ids in a recorded server event with fresh ones, coherently: the same recorded id always maps
 * to the same fresh id within a session. Rewritten are string values of the properties {@code id},
 * {@code event_id}, {@code item_id}, {@code response_id}, {@code previous_item_id}, {@code call_id} and
 * {@code conversation_id} that look like {@code prefix_rest}; the prefix is kept. Session ids ({@code sess_...})
 * become the live session's id.
 */
final class IdRewriter {

    private static final Set<String> ID_KEYS = Set.of("id", "event_id", "item_id", "response_id", "previous_item_id",
            "call_id", "conversation_id");
    private static final Pattern ID = Pattern.compile("([A-Za-z]+)_[A-Za-z0-9_-]+");

    private IdRewriter() {
    }

    /**
     * A rewritten copy of {@code event}.
     *
     * @param namedId (prefix, recorded id) to the fresh id for it, stable per session
     * @param sessionId the live session's id
     */
    static JsonNode rewrite(JsonNode event, BinaryOperator<String> namedId, String sessionId) {
        if (event.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : event.properties()) {
                JsonNode v = e.getValue();
                if (ID_KEYS.contains(e.getKey()) && v.isString()) {
                    out.put(e.getKey(), fresh(v.asString(), namedId, sessionId));
                } else {
                    out.set(e.getKey(), rewrite(v, namedId, sessionId));
                }
            }
            return out;
        }
        if (event.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            event.values().forEach(v -> out.add(rewrite(v, namedId, sessionId)));
            return out;
        }
        return event.deepCopy();
    }

    private static String fresh(String recorded, BinaryOperator<String> namedId, String sessionId) {
        var m = ID.matcher(recorded);
        if (!m.matches()) {
            return recorded;
        }
        String prefix = m.group(1);
        return prefix.equals("sess") ? sessionId : namedId.apply(prefix, recorded);
    }
}
