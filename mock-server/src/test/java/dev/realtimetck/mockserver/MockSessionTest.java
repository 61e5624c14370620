package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.InputAudio;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.core.SessionContext;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.scenario.WsTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.audio.AudioFormat;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MockSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static MockRealtimeServer silentServer() {
        // the pushed server events here are partial on purpose; SchemaValidationTest covers validation
        return MockRealtimeServer.builder().validation(ValidationMode.OFF)
                .behaviorFactory(SessionBehaviorFactory.silent()).start();
    }

    @Test
    void invalidJsonIsAnsweredWithErrorAndSessionStaysOpen() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send("{not json");
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asString()).isEqualTo("invalid_json");
            assertThat(error.get("message").asString()).contains("not valid JSON");

            client.send("[1,2]");
            assertThat(client.nextEvent("error").get("error").get("message").asString()).contains("JSON object");

            client.send("{\"event_id\":\"evt_1\"}");
            JsonNode missing = client.nextEvent("error").get("error");
            assertThat(missing.get("code").asString()).isEqualTo("invalid_event");
            assertThat(missing.get("message").asString()).isEqualTo("The 'type' field is missing.");
            assertThat(missing.get("param").isNull()).isTrue();
            assertThat(missing.get("event_id").asString()).isEqualTo("evt_1");

            client.send("{\"type\":\"response.create\"}");
            assertThat(session.awaitClientEvent("response.create", WAIT).get("type").asString())
                    .isEqualTo("response.create");
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    void binaryFrameIsAnsweredWithError() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("code").asString()).isEqualTo("invalid_event");
            assertThat(error.get("message").asString()).contains("Binary");
            assertThat(session.frames()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(Frame.Kind.BINARY);
                assertThat(f.direction()).isEqualTo(Frame.Direction.CLIENT);
                assertThat(f.binary()).containsExactly(1, 2, 3);
            });
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    void unknownTypeIsRejectedInTheRealApiStyleAndNotPassedOn() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> behavior).start();
             WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            client.send("{\"type\":\"session.frobnicate\",\"event_id\":\"e9\"}");
            JsonNode error = client.nextEvent("error").get("error");
            assertThat(error.get("code").asString()).isEqualTo("invalid_value");
            assertThat(error.get("param").asString()).isEqualTo("type");
            assertThat(error.get("event_id").asString()).isEqualTo("e9");
            assertThat(error.get("message").asString())
                    .startsWith("Invalid value: 'session.frobnicate'. Supported values are: 'session.update'");
            client.send("{\"type\":\"input_audio_buffer.clear\"}");
            server.awaitSession(WAIT).awaitClientEvent("input_audio_buffer.clear", WAIT);
            assertThat(behavior.events.poll(10, TimeUnit.SECONDS).get("type").asString())
                    .isEqualTo("input_audio_buffer.clear");
        }
    }

    @Test
    void awaitConsumesInOrderAndFailureListsWhatArrived() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send("{\"type\":\"response.create\",\"event_id\":\"a\"}");
            client.send("{\"type\":\"input_audio_buffer.commit\"}");
            client.send("{\"type\":\"response.create\",\"event_id\":\"b\"}");
            assertThat(session.awaitClientEvent("response.create", WAIT).get("event_id").asString()).isEqualTo("a");
            assertThat(session.awaitClientEvent("response.create", WAIT).get("event_id").asString()).isEqualTo("b");
            assertThat(session.awaitClientEvent(e -> e.has("type") && !e.has("event_id"), WAIT).get("type")
                    .asString()).isEqualTo("input_audio_buffer.commit");
            assertThatThrownBy(() -> session.awaitClientEvent("response.cancel", Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("response.cancel")
                    .hasMessageContaining("{response.create=2, input_audio_buffer.commit=1}")
                    .hasMessageContaining("CLIENT TEXT");
            assertThat(session.clientEvents()).hasSize(3);
        }
    }

    @Test
    void assertNoClientEventPassesOnSilenceAndFailsOnMatch() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.assertNoClientEvent(e -> true, Duration.ofMillis(100));
            client.send("{\"type\":\"response.cancel\"}");
            assertThatThrownBy(() -> session.assertNoClientEvent(
                    e -> "response.cancel".equals(e.path("type").asString()), WAIT))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("Unexpected client event");
        }
    }

    @Test
    void pushedEventsArriveInOrderWithEventIdsAndAreLogged() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            for (int i = 0; i < 50; i++) {
                session.send("{\"type\":\"response.output_text.delta\",\"delta\":\"" + i + "\"}");
            }
            session.sendRawText("not json at all");
            session.sendBinary(new byte[] {9});
            for (int i = 0; i < 50; i++) {
                JsonNode event = client.nextEvent();
                assertThat(event.get("delta").asString()).isEqualTo(String.valueOf(i));
                assertThat(event.get("event_id").asString()).startsWith("event_");
            }
            assertThat(client.next()).isEqualTo("not json at all");
            assertThat(client.next()).isEqualTo("BINARY:" + Base64.getEncoder().encodeToString(new byte[] {9}));
            List<Frame> frames = session.frames();
            assertThat(frames).hasSize(52);
            assertThat(frames).extracting(Frame::seq).isSorted();
            assertThat(frames).allSatisfy(f -> assertThat(f.direction()).isEqualTo(Frame.Direction.SERVER));
            assertThat(frames).extracting(Frame::offset).isSorted();
            assertThat(session.serverFrameCount()).isEqualTo(52);
            assertThatThrownBy(() -> session.send("[1]")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("json:");
        }
    }

    @Test
    void serverCloseReachesClientAndIsLogged() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.send("{\"type\":\"response.output_text.delta\",\"delta\":\"last\"}");
            session.close(4000, "scripted close");
            assertThat(client.nextEvent().get("delta").asString()).isEqualTo("last");
            assertThat(client.awaitClose()).isEqualTo("4000 scripted close");
            session.awaitClosed(WAIT);
            assertThat(session.state()).isEqualTo(MockSession.State.CLOSED);
            assertThat(session.frames()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(Frame.Kind.CLOSE);
                assertThat(f.direction()).isEqualTo(Frame.Direction.SERVER);
                assertThat(f.closeCode()).isEqualTo(4000);
                assertThat(f.closeReason()).isEqualTo("scripted close");
            });
            session.sendRawText("ignored after close");
            assertThat(session.frames()).noneMatch(f -> "ignored after close".equals(f.text()));
        }
    }

    @Test
    void clientCloseIsEchoedAndLogged() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.socket().sendClose(1000, "done").get(10, TimeUnit.SECONDS);
            assertThat(client.awaitClose()).startsWith("1000");
            session.awaitClosed(WAIT);
            assertThat(session.frames()).extracting(Frame::direction, Frame::kind, Frame::closeCode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Frame.Direction.CLIENT, Frame.Kind.CLOSE, 1000),
                            org.assertj.core.groups.Tuple.tuple(Frame.Direction.SERVER, Frame.Kind.CLOSE, 1000));
        }
    }

    @Test
    void dropEndsTheConnectionWithoutCloseFrame() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            session.drop();
            String outcome = client.awaitClose();
            assertThat(outcome).satisfiesAnyOf(o -> assertThat(o).startsWith("ERROR"),
                    o -> assertThat(o).startsWith("1006"));
            session.awaitClosed(WAIT);
            assertThat(session.frames()).last().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Frame.Kind.DROP);
                assertThat(f.direction()).isEqualTo(Frame.Direction.SERVER);
            });
        }
    }

    @Test
    void clientAbortIsLoggedAsClientDropAndBehaviourSeesClose() throws Exception {
        RecordingBehavior behavior = new RecordingBehavior();
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(s -> behavior).start()) {
            WsTestClient client = WsTestClient.connect(server.realtimeUrl());
            MockSession session = server.awaitSession(WAIT);
            client.close();
            session.awaitClosed(WAIT);
            assertThat(behavior.closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(session.frames()).last().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Frame.Kind.DROP);
                assertThat(f.direction()).isEqualTo(Frame.Direction.CLIENT);
            });
        }
    }

    @Test
    void frameLogIsBoundedAndDropsOldestFirst() throws Exception {
        try (MockRealtimeServer server = MockRealtimeServer.builder().behaviorFactory(SessionBehaviorFactory.silent())
                .maxFrames(5).start(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            for (int i = 0; i < 8; i++) {
                client.send("{\"type\":\"input_audio_buffer.clear\",\"event_id\":\"c" + i + "\"}");
            }
            session.awaitClientEvent(e -> "c7".equals(e.path("event_id").asString()), WAIT);
            assertThat(session.frames()).hasSize(5).extracting(Frame::seq).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(session.framesDropped()).isEqualTo(3);
            assertThat(session.clientFrameCount()).isEqualTo(8);
            assertThat(session.clientEvents()).hasSize(8);
        }
    }

    @Test
    void inputAudioIsCapturedInTheLastSessionUpdateFormat() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            client.send(append(new byte[] {1, 2, 3, 4}));
            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                    + "{\"format\":{\"type\":\"audio/pcmu\"}}}}}");
            client.send(append(new byte[] {5, 6}));
            client.send("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"done\"}");
            session.awaitClientEvent("input_audio_buffer.commit", WAIT);
            InputAudio audio = session.inputAudio();
            assertThat(audio.bytes()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(audio.format()).isEqualTo(AudioFormat.PCMU);
            byte[] wav = audio.toWav();
            assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            ByteBuffer header = ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertThat(header.getShort(20)).isEqualTo((short) 7);
            assertThat(header.getInt(24)).isEqualTo(8000);
            dev.realtimetck.api.audio.WavAudio parsed = dev.realtimetck.api.audio.WavFile.read(wav);
            assertThat(parsed.data()).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void largeAppendFramesAreAccepted() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            byte[] audio = new byte[3 * 1024 * 1024];
            audio[audio.length - 1] = 7;
            client.send(append(audio));
            session.awaitClientEvent("input_audio_buffer.append", WAIT);
            assertThat(session.inputAudio().bytes()).hasSize(audio.length).endsWith((byte) 7);
            assertThat(session.inputAudio().durationMillis()).isEqualTo(audio.length / 48.0);
        }
    }

    @Test
    void pcmWavHeaderDescribes16BitAudioAtTheSessionRate() {
        byte[] wav = new InputAudio(new byte[480], new AudioFormat.Pcm(16000)).toWav();
        ByteBuffer header = ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(header.getShort(20)).isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(16000);
        assertThat(header.getInt(28)).isEqualTo(32000);
        assertThat(header.getShort(34)).isEqualTo((short) 16);
        assertThat(header.getInt(40)).isEqualTo(480);
        assertThat(wav).hasSize(44 + 480);
    }

    @Test
    void aThrowingOrDroppedSessionDoesNotDisturbAnother() throws Exception {
        SessionBehaviorFactory factory = s -> new SessionBehavior() {
            @Override
            public void onOpen(SessionContext session) {
            }

            @Override
            public void onClientEvent(SessionContext session, ObjectNode event) {
                if (session.model().orElse("").equals("bad")) {
                    throw new IllegalStateException("boom");
                }
                ObjectNode reply = event.objectNode();
                reply.put("type", "response.output_text.delta");
                reply.put("delta", event.path("event_id").asString());
                session.send(reply);
            }
        };
        try (MockRealtimeServer server = MockRealtimeServer.builder().validation(ValidationMode.OFF)
                .behaviorFactory(factory).start();
             WsTestClient bad = WsTestClient.connect(java.net.URI.create(server.realtimeUrl() + "?model=bad"));
             WsTestClient good = WsTestClient.connect(java.net.URI.create(server.realtimeUrl() + "?model=good"))) {
            List<MockSession> sessions = server.awaitSessionCount(2, WAIT);
            MockSession badSession = sessions.stream().filter(s -> s.model().orElse("").equals("bad")).findFirst()
                    .orElseThrow();
            bad.send("{\"type\":\"response.create\",\"event_id\":\"x\"}");
            good.send("{\"type\":\"response.create\",\"event_id\":\"g1\"}");
            assertThat(good.nextEvent().get("delta").asString()).isEqualTo("g1");
            badSession.awaitClientEvent("response.create", WAIT);
            assertThat(badSession.awaitProblem("boom", WAIT)).contains("onClientEvent(response.create)");
            assertThat(badSession.isOpen()).isTrue();
            badSession.drop();
            badSession.awaitClosed(WAIT);
            good.send("{\"type\":\"response.create\",\"event_id\":\"g2\"}");
            assertThat(good.nextEvent().get("delta").asString()).isEqualTo("g2");
        }
    }

    @Test
    void aBlockedBehaviourDoesNotStallOtherSessions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SessionBehaviorFactory factory = s -> new SessionBehavior() {
            @Override
            public void onOpen(SessionContext session) {
            }

            @Override
            public void onClientEvent(SessionContext session, ObjectNode event) {
                if (session.model().orElse("").equals("stuck")) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                session.sendRawText(event.path("event_id").asString());
            }
        };
        try (MockRealtimeServer server = MockRealtimeServer.builder().validation(ValidationMode.OFF)
                .behaviorFactory(factory).start();
             WsTestClient stuck = WsTestClient.connect(java.net.URI.create(server.realtimeUrl() + "?model=stuck"));
             WsTestClient fine = WsTestClient.connect(java.net.URI.create(server.realtimeUrl() + "?model=fine"))) {
            stuck.send("{\"type\":\"response.create\",\"event_id\":\"s1\"}");
            for (int i = 0; i < 5; i++) {
                fine.send("{\"type\":\"response.create\",\"event_id\":\"f" + i + "\"}");
                assertThat(fine.next()).isEqualTo("f" + i);
            }
            assertThat(stuck.poll(Duration.ZERO)).isNull();
            release.countDown();
            assertThat(stuck.next()).isEqualTo("s1");
        }
    }

    @Test
    void manyConcurrentSessionsStayIndependentAndOrdered() throws Exception {
        SessionBehaviorFactory echo = s -> new SessionBehavior() {
            @Override
            public void onOpen(SessionContext session) {
            }

            @Override
            public void onClientEvent(SessionContext session, ObjectNode event) {
                session.sendRawText(session.model().orElse("?") + ":" + event.path("event_id").asString());
            }
        };
        int count = 12;
        try (MockRealtimeServer server = MockRealtimeServer.builder().validation(ValidationMode.OFF)
                .behaviorFactory(echo).start()) {
            List<WsTestClient> clients = new java.util.ArrayList<>();
            try {
                for (int c = 0; c < count; c++) {
                    clients.add(WsTestClient.connect(java.net.URI.create(server.realtimeUrl() + "?model=m" + c)));
                }
                for (int i = 0; i < 20; i++) {
                    for (int c = 0; c < count; c++) {
                        clients.get(c).socket().sendText("{\"type\":\"response.create\",\"event_id\":\"" + i
                                + "\"}", true).get(10, TimeUnit.SECONDS);
                    }
                }
                for (int c = 0; c < count; c++) {
                    for (int i = 0; i < 20; i++) {
                        assertThat(clients.get(c).next()).isEqualTo("m" + c + ":" + i);
                    }
                }
                assertThat(server.awaitSessionCount(count, WAIT)).hasSize(count)
                        .allSatisfy(s -> assertThat(s.clientEvents()).hasSize(20));
            } finally {
                clients.forEach(WsTestClient::close);
            }
        }
    }

    @Test
    void scheduledTasksRunOnTheSessionAndCanBeCancelled() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            MockSession session = server.awaitSession(WAIT);
            java.util.concurrent.Future<?> cancelled = session.schedule(Duration.ofSeconds(30), ran::countDown);
            assertThat(cancelled.cancel(false)).isTrue();
            session.schedule(Duration.ofMillis(10), () -> session.sendRawText("{\"type\":\"tick\"}"));
            session.schedule(Duration.ZERO, ran::countDown);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.next()).isEqualTo("{\"type\":\"tick\"}");
        }
    }

    @Test
    void resetClosesAndForgetsSessions() throws Exception {
        try (MockRealtimeServer server = silentServer(); WsTestClient client = WsTestClient.connect(server.realtimeUrl())) {
            server.awaitSession(WAIT);
            CountDownLatch listener = new CountDownLatch(1);
            server.addResetListener(listener::countDown);
            server.reset();
            assertThat(client.awaitClose()).isEqualTo("1001 mock server reset");
            assertThat(server.sessions()).isEmpty();
            assertThat(listener.getCount()).isZero();
            assertThatThrownBy(() -> server.awaitSession(Duration.ofMillis(100))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No new session");
        }
    }

    static String append(byte[] audio) {
        return "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + Base64.getEncoder().encodeToString(audio)
                + "\"}";
    }
}
