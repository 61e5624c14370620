package dev.realtimetck.api;

/**
 * The payload of transport events that carry no arguments in TypeScript ({@code audio_interrupted},
 * {@code audio_done}).
 */
public enum Signal {
    /** The only value. */
    INSTANCE
}
