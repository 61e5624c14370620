package dev.realtimetck.api;

import java.util.List;
import java.util.Map;

/**
 * Token usage. Renders the TypeScript {@code Usage} class of {@code @openai/agents-core} as emitted by
 * {@code usage_update} and carried by {@code turn_done}. Token details are lists of JSON objects, one per request
 * (the TypeScript class's shape).
 *
 * @param requests the number of requests, at least 0
 * @param inputTokens input tokens, at least 0
 * @param outputTokens output tokens, at least 0
 * @param totalTokens total tokens, at least 0
 * @param inputTokensDetails input token details, one object per request
 * @param outputTokensDetails output token details, one object per request
 */
public record Usage(int requests, long inputTokens, long outputTokens, long totalTokens,
        List<Map<String, Object>> inputTokensDetails, List<Map<String, Object>> outputTokensDetails) {

    /** Validates and copies. */
    public Usage {
        requireNonNegative(requests, "requests");
        requireNonNegative(inputTokens, "inputTokens");
        requireNonNegative(outputTokens, "outputTokens");
        requireNonNegative(totalTokens, "totalTokens");
        inputTokensDetails = details(inputTokensDetails, "inputTokensDetails");
        outputTokensDetails = details(outputTokensDetails, "outputTokensDetails");
    }

    private static void requireNonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }

    private static List<Map<String, Object>> details(List<Map<String, Object>> list, String field) {
        if (list == null) {
            return List.of();
        }
        java.util.ArrayList<Map<String, Object>> copy = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(JsonValues.requiredCopy(list.get(i), field + "[" + i + "]"));
        }
        return java.util.Collections.unmodifiableList(copy);
    }
}
