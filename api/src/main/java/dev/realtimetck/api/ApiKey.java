package dev.realtimetck.api;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An API key, given as a value or as an asynchronous supplier. Renders TypeScript {@code ApiKey}
 * ({@code string | (() => string | Promise<string>)}). {@code toString()} never reveals the key.
 */
public sealed interface ApiKey permits ApiKey.Value, ApiKey.Deferred {

    /**
     * A fixed key.
     *
     * @throws IllegalArgumentException if {@code key} is empty
     */
    static ApiKey of(String key) {
        return new Value(key);
    }

    /** A key obtained by calling {@code supplier} once per {@code connect}. */
    static ApiKey fromSupplier(Supplier<? extends CompletionStage<String>> supplier) {
        return new Deferred(supplier);
    }

    /** Resolves the key: completes at once for a value; calls the supplier once for a deferred key. */
    CompletionStage<String> resolve();

    /** A fixed key. */
    final class Value implements ApiKey {
        private final String key;

        Value(String key) {
            this.key = Checks.requireText(key, "key");
        }

        @Override
        public CompletionStage<String> resolve() {
            return CompletableFuture.completedFuture(key);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value v && v.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }

        @Override
        public String toString() {
            return "ApiKey[redacted]";
        }
    }

    /** A key supplied asynchronously, once per connect. */
    final class Deferred implements ApiKey {
        private final Supplier<? extends CompletionStage<String>> supplier;

        Deferred(Supplier<? extends CompletionStage<String>> supplier) {
            this.supplier = Objects.requireNonNull(supplier, "supplier");
        }

        @Override
        public CompletionStage<String> resolve() {
            CompletionStage<String> stage = supplier.get();
            if (stage == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("API key supplier returned null"));
            }
            return stage;
        }

        @Override
        public String toString() {
            return "ApiKey[supplier]";
        }
    }
}
