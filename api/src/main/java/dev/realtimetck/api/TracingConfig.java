package dev.realtimetck.api;

import java.util.Map;

/**
 * Tracing. Renders TypeScript {@code RealtimeTracingConfig} ({@code 'auto' | null | {workflow_name, group_id,
 * metadata}}): {@link #auto()}, {@link #disabled()} (the TypeScript {@code null}) or {@link Custom}.
 */
public sealed interface TracingConfig permits TracingConfig.Auto, TracingConfig.Disabled, TracingConfig.Custom {

    /** Tracing with server defaults ({@code "auto"}). */
    static TracingConfig auto() {
        return Auto.INSTANCE;
    }

    /** Tracing off (JSON {@code null}). */
    static TracingConfig disabled() {
        return Disabled.INSTANCE;
    }

    /** {@code "auto"}. */
    enum Auto implements TracingConfig {
        /** The only value. */
        INSTANCE
    }

    /** Off. */
    enum Disabled implements TracingConfig {
        /** The only value. */
        INSTANCE
    }

    /**
     * A tracing configuration.
     *
     * @param workflowName the workflow name, or null
     * @param groupId the group id, or null
     * @param metadata metadata, or empty
     */
    record Custom(String workflowName, String groupId, Map<String, Object> metadata) implements TracingConfig {
        /** Copies. */
        public Custom {
            metadata = JsonValues.copyOf(metadata);
        }
    }
}
