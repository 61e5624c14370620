package dev.realtimetck.mockserver.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, deterministically, whether a response calls a function instead of speaking:
 * <ul>
 *   <li>{@code tool_choice} {@code {"type":"function","name":N}}: always calls {@code N};</li>
 *   <li>{@code tool_choice} {@code "none"}, or the newest relevant input item is a function call output: never;</li>
 *   <li>otherwise, when the newest user message's text contains {@code call <name>} (case-insensitive) for a
 *       configured function tool: calls that tool; the arguments are the JSON object written right after the
 *       name ({@code call get_weather {"city":"Paris"}}), or {@code {}} when none follows;</li>
 *   <li>{@code tool_choice} {@code "required"} without such text: calls the first function tool.</li>
 * </ul>
 */
final class FunctionCallTrigger {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A function call to make. */
    record Call(String name, String arguments) {
    }

    private FunctionCallTrigger() {
    }

    static Optional<Call> decide(JsonNode tools, JsonNode toolChoice, List<ObjectNode> input) {
        List<String> functions = new ArrayList<>();
        for (JsonNode tool : tools) {
            if (tool.path("type").asString("function").equals("function") && tool.path("name").isString()) {
                functions.add(tool.get("name").asString());
            }
        }
        if (toolChoice.isObject() && toolChoice.path("type").asString("").equals("function")) {
            String name = toolChoice.path("name").asString("");
            return Optional.of(new Call(name, argumentsFor(lastUserText(input), name).orElse("{}")));
        }
        String choice = toolChoice.asString("auto");
        if (choice.equals("none") || functions.isEmpty() || lastRelevantIsFunctionOutput(input)) {
            return Optional.empty();
        }
        String text = lastUserText(input);
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : functions) {
            if (lower.contains("call " + name.toLowerCase(Locale.ROOT))) {
                return Optional.of(new Call(name, argumentsFor(text, name).orElse("{}")));
            }
        }
        if (choice.equals("required")) {
            return Optional.of(new Call(functions.get(0), "{}"));
        }
        return Optional.empty();
    }

    private static Optional<String> argumentsFor(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("call " + name.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return Optional.empty();
        }
        String rest = text.substring(at + 5 + name.length()).trim();
        int open = rest.indexOf('{');
        int close = rest.lastIndexOf('}');
        if (open != 0 || close < 0) {
            return Optional.empty();
        }
        try {
            JsonNode args = MAPPER.readTree(rest.substring(0, close + 1));
            return args.isObject() ? Optional.of(MAPPER.writeValueAsString(args)) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static boolean lastRelevantIsFunctionOutput(List<ObjectNode> input) {
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode item = input.get(i);
            String type = item.path("type").asString("");
            if (type.equals("function_call_output")) {
                return true;
            }
            if (type.equals("message") && item.path("role").asString("").equals("user")) {
                return false;
            }
        }
        return false;
    }

    private static String lastUserText(List<ObjectNode> input) {
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode item = input.get(i);
            if (item.path("type").asString("").equals("message") && item.path("role").asString("").equals("user")) {
                StringBuilder text = new StringBuilder();
                for (JsonNode part : item.path("content")) {
                    if (part.path("type").asString("").equals("input_text")) {
                        text.append(part.path("text").asString("")).append(' ');
                    }
                }
                return text.toString().trim();
            }
        }
        return "";
    }
}
