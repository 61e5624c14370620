package dev.realtimetck.api;

/**
 * A listener registration; {@link #remove()} unregisters it. Renders the TypeScript {@code off(...)} counterpart of
 * {@code on(...)}.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Removes the listener. Idempotent; a listener removed during dispatch is not called for later events. */
    void remove();

    /** Same as {@link #remove()}. */
    @Override
    default void close() {
        remove();
    }
}
