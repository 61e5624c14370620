package dev.realtimetck.tck.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.tck.TckTransportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sanity of the adversarial catalogue: every entry builds, connects to a local mock server and closes (except the
 * entries whose bug is in connect or close), cites existing MUST/SHOULD rules, and CATALOGUE.md lists exactly the
 * entries. Run with {@code -Dadversarial.writeCatalogue=true} to rewrite CATALOGUE.md from the catalogue.
 */
class AdversarialCatalogueTest {

    private static final String KEY = "sk-adversarial";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path CATALOGUE = Path.of("src/test/java/dev/realtimetck/tck/adversarial/CATALOGUE.md");
    private static final Path RULES = Path.of("../docs/transport-behaviour.md");
    /** X rules that state what a port must do instead of the quirk. */
    private static final Set<String> X_DUTIES = Set.of("X2", "X4", "X20", "X26");

    private static MockRealtimeServer server;

    @BeforeAll
    static void start() {
        server = MockRealtimeServer.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TckTransportSettings settings() {
        return new TckTransportSettings(server.realtimeUrl(), KEY, Duration.ofSeconds(2));
    }

    private static RealtimeTransportConnectOptions options() {
        return RealtimeTransportConnectOptions.builder().apiKey(KEY).url(server.realtimeUrl()).build();
    }

    @TestFactory
    Stream<DynamicTest> everyEntryConnectsAndCloses() {
        return AdversarialCatalogue.entries().stream().map(entry -> DynamicTest.dynamicTest(
                entry.id() + " " + entry.type().getSimpleName(), () -> connectAndClose(entry)));
    }

    private static void connectAndClose(AdversarialCatalogue.Entry entry) throws Exception {
        RealtimeTransportLayer transport = entry.create(settings());
        if (entry.breaksConnectOrClose()) {
            // the bug is in connect or close itself: only check that it builds, and leave it a bounded chance
            CompletableFuture<Void> attempt = CompletableFuture.runAsync(() -> {
                try {
                    transport.connect(options()).toCompletableFuture().get(3, TimeUnit.SECONDS);
                } catch (Exception expected) {
                    // connect may fail or never complete: that is the bug
                } finally {
                    transport.close();
                }
            }, runnable -> {
                Thread thread = new Thread(runnable, "adv-sanity-" + entry.id());
                thread.setDaemon(true);
                thread.start();
            });
            try {
                attempt.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException hung) {
                // a close that hangs is the bug; the daemon thread is left behind (bounded by Harness.HANG_MINUTES)
            }
            return;
        }
        try {
            transport.connect(options()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(transport.status()).isEqualTo(ConnectionStatus.CONNECTED);
        } finally {
            transport.close();
        }
        assertThat(transport.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void theSeamWithoutHooksIsTransparent() throws Exception {
        FrameSeam seam = new FrameSeam();
        RealtimeTransportLayer transport = new BuggyTransport(Harness.reference(settings(), seam), seam);
        try {
            transport.connect(options()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            MockSession session = awaitNewSession();
            assertThat(session.awaitClientEvent("session.update", WAIT).path("session").path("type").asString())
                    .isEqualTo("realtime");
            transport.sendAudio(new byte[] {1, 2, 3, (byte) 0xFF}, true);
            ObjectNode append = session.awaitClientEvent("input_audio_buffer.append", WAIT);
            assertThat(append.path("audio").asString()).isEqualTo("AQID/w==");
            session.awaitClientEvent("input_audio_buffer.commit", WAIT);
        } finally {
            transport.close();
        }
    }

    @Test
    void aFrameBugChangesWhatReachesTheServer() throws Exception {
        RealtimeTransportLayer transport = AdversarialCatalogue.create(ClientFrameBugs.UrlSafeBase64.class, settings());
        try {
            transport.connect(options()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            MockSession session = awaitNewSession();
            transport.sendAudio(new byte[] {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF}, false);
            assertThat(session.awaitClientEvent("input_audio_buffer.append", WAIT).path("audio").asString())
                    .isEqualTo("-_-_");
        } finally {
            transport.close();
        }
    }

    private static MockSession awaitNewSession() {
        List<MockSession> sessions = server.sessions();
        return sessions.get(sessions.size() - 1);
    }

    @Test
    void entriesAreDistinctAndCiteMustOrShouldRules() throws IOException {
        String rules = Files.readString(RULES, StandardCharsets.UTF_8);
        Set<Class<?>> types = new HashSet<>();
        Set<String> mistakes = new HashSet<>();
        for (AdversarialCatalogue.Entry entry : AdversarialCatalogue.entries()) {
            assertThat(types.add(entry.type())).as(entry.id() + " class").isTrue();
            assertThat(mistakes.add(entry.mistake())).as(entry.id() + " mistake").isTrue();
            assertThat(entry.rules()).as(entry.id()).isNotEmpty();
            for (String rule : entry.rules()) {
                if (rule.startsWith("X")) {
                    assertThat(X_DUTIES).as(entry.id() + " " + rule).contains(rule);
                    assertThat(rules).contains("<a id=\"" + rule.toLowerCase() + "\"></a>**" + rule);
                } else {
                    assertThat(Pattern.compile("<a id=\"" + rule.toLowerCase() + "\"></a>\\*\\*" + rule
                            + " \\((MUST|SHOULD)").matcher(rules).find()).as(entry.id() + " cites " + rule).isTrue();
                }
            }
        }
        assertThat(AdversarialCatalogue.entries()).hasSizeGreaterThanOrEqualTo(65);
    }

    @Test
    void catalogueMarkdownListsEveryEntry() throws IOException {
        String expected = CatalogueMarkdown.render(AdversarialCatalogue.entries());
        if (Boolean.getBoolean("adversarial.writeCatalogue")) {
            Files.writeString(CATALOGUE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
