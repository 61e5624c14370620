package dev.realtimetck.api;

import java.util.Map;

/**
 * A stored prompt reference. Renders TypeScript {@code RealtimeSessionConfig.prompt}
 * ({@code {promptId, version?, variables?}}).
 *
 * @param promptId the prompt id, non-empty
 * @param version the version, or null
 * @param variables template variables, or empty
 */
public record Prompt(String promptId, String version, Map<String, Object> variables) {
    /** Validates and copies. */
    public Prompt {
        Checks.requireText(promptId, "promptId");
        variables = JsonValues.copyOrEmpty(variables);
    }
}
