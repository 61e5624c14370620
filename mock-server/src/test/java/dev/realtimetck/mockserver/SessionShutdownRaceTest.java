package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.SessionContext;
import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server shutdown, drops and sends racing each other. Before sends were confined to the channel's IO thread,
 * {@code close()} on the test thread could call into Undertow's {@code WebSockets.sendClose} while the listener
 * shutdown was tearing the channel down, and throw a {@link NullPointerException} out of {@code close()}.
 */
class SessionShutdownRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Floods the connection from a pool thread until the session stops being open. */
    private static final class Flooder implements SessionBehavior {
        final CountDownLatch flooding = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public void onOpen(SessionContext session) {
            session.schedule(Duration.ZERO, () -> {
                flooding.countDown();
                int i = 0;
                while (session.isOpen() && i < 200_000) {
                    session.sendRawText("{\"type\":\"x.flood\",\"n\":" + i++ + "}");
                }
                stopped.countDown();
            });
        }

        @Override
        public void onClientEvent(SessionContext session, ObjectNode event) {
        }
    }

    @RepeatedTest(5)
    void serverCloseWhileASessionFloodsTheConnectionDoesNotThrow() throws Exception {
        Flooder flooder = new Flooder();
        MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> flooder).start();
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            assertThat(flooder.flooding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThatCode(server::close).doesNotThrowAnyException();
            assertThat(flooder.stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("sends stop once the session is no longer open").isTrue();
            assertThat(session.isOpen()).isFalse();
            assertThat(session.problems()).isEmpty();
        } finally {
            server.close();
        }
    }

    @Test
    void dropWhileFloodingEndsTheConnectionAndLaterSendsAreIgnored() throws Exception {
        Flooder flooder = new Flooder();
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> flooder).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            assertThat(flooder.flooding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            session.drop();
            session.awaitClosed(WAIT);
            assertThat(flooder.stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            long sent = session.serverFrameCount();
            assertThatCode(() -> session.sendRawText("{\"type\":\"x.late\"}")).doesNotThrowAnyException();
            assertThat(session.serverFrameCount()).as("a send after the drop is ignored").isEqualTo(sent);
            assertThat(session.frames()).anyMatch(f -> f.kind() == Frame.Kind.DROP);
        }
    }

    @RepeatedTest(3)
    void sessionsOpenAtServerCloseReportClosedAndRunTheirCloseCallback() throws Exception {
        CountDownLatch closedCallback = new CountDownLatch(1);
        SessionBehavior behavior = new SessionBehavior() {
            @Override
            public void onOpen(SessionContext session) {
            }

            @Override
            public void onClientEvent(SessionContext session, ObjectNode event) {
            }

            @Override
            public void onClose(SessionContext session) {
                closedCallback.countDown();
            }
        };
        MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> behavior).start();
        try (WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            server.close();
            assertThatCode(() -> session.awaitClosed(Duration.ofSeconds(5)))
                    .as("awaitClosed on a session the server closed, after the server stopped")
                    .doesNotThrowAnyException();
            assertThat(closedCallback.await(5, TimeUnit.SECONDS)).as("onClose ran").isTrue();
        } finally {
            server.close();
        }
    }
}
