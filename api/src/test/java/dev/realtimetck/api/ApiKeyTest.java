package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final String SECRET = "sk-test-secret-123";

    private static String resolved(ApiKey key) throws Exception {
        return key.resolve().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void fixedKeyResolvesAtOnceAndNeverPrintsTheKey() throws Exception {
        ApiKey key = ApiKey.of(SECRET);

        assertThat(key.resolve().toCompletableFuture()).isCompleted();
        assertThat(resolved(key)).isEqualTo(SECRET);
        assertThat(key.toString()).startsWith("ApiKey").doesNotContain(SECRET).doesNotContain("sk-");
        assertThat(key).isEqualTo(ApiKey.of(SECRET)).hasSameHashCodeAs(ApiKey.of(SECRET));
        assertThat(key).isNotEqualTo(ApiKey.of("other"));
    }

    @Test
    void fixedKeyValidation() {
        assertThatThrownBy(() -> ApiKey.of(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> ApiKey.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key");
        assertThatThrownBy(() -> ApiKey.fromSupplier(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("supplier");
    }

    @Test
    void supplierIsCalledOncePerResolve() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ApiKey key = ApiKey.fromSupplier(() -> CompletableFuture.completedFuture(SECRET + calls.incrementAndGet()));

        assertThat(calls).hasValue(0);
        assertThat(resolved(key)).isEqualTo(SECRET + 1);
        assertThat(calls).hasValue(1);
        assertThat(resolved(key)).isEqualTo(SECRET + 2);
        assertThat(calls).hasValue(2);
        assertThat(key.toString()).startsWith("ApiKey").doesNotContain(SECRET);
    }

    @Test
    void asynchronousSupplierCompletesLater() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        ApiKey key = ApiKey.fromSupplier(() -> pending);

        CompletableFuture<String> result = key.resolve().toCompletableFuture();
        assertThat(result).isNotDone();
        pending.complete(SECRET);
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(SECRET);
    }

    @Test
    void supplierFailuresFailTheStageWithoutTheKey() {
        ApiKey throwing = ApiKey.fromSupplier(() -> {
            throw new IllegalStateException("vault down");
        });
        ApiKey nullStage = ApiKey.fromSupplier(() -> null);
        ApiKey emptyKey = ApiKey.fromSupplier(() -> CompletableFuture.completedFuture(""));
        ApiKey nullKey = ApiKey.fromSupplier(() -> CompletableFuture.completedFuture(null));

        assertThatThrownBy(() -> resolved(throwing)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("vault down");
        assertThatThrownBy(() -> resolved(nullStage)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resolved(emptyKey)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("API key supplier produced an empty key");
        assertThatThrownBy(() -> resolved(nullKey)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("API key supplier produced null");
    }

    @Test
    void connectOptionsDoNotRevealTheKey() {
        RealtimeTransportConnectOptions options = RealtimeTransportConnectOptions.builder().apiKey(SECRET).build();

        assertThat(options.toString()).doesNotContain(SECRET);
    }
}
