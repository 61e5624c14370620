package dev.realtimetck.referencetransport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.referencetransport.protocol.EventSink;
import dev.realtimetck.referencetransport.protocol.FrameSink;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How a transport on another socket library (Netty, OkHttp, ...) reuses {@link RealtimeProtocol}: it gives the
 * protocol a {@link FrameSink} that writes text frames to its socket, an {@link EventSink} that calls its listeners,
 * and feeds every inbound frame to {@link RealtimeProtocol#onTextFrame}. Here the "socket" is a list.
 */
class ThirdPartyTransportSeamTest {

    /** The fake socket: what a Netty channel's writeAndFlush(new TextWebSocketFrame(frame)) would receive. */
    private final List<String> wire = new ArrayList<>();
    /** What the third-party transport's listeners would receive, in order. */
    private final List<String> events = new ArrayList<>();
    private final List<TransportAudioEvent> audio = new ArrayList<>();

    private final EventSink sink = new EventSink() {
        @Override
        public <E> void emit(TransportEventType<E> type, E event) {
            events.add(type.name());
            if (event instanceof TransportAudioEvent a) {
                audio.add(new TransportAudioEvent(ByteBuffer.wrap(a.copyBytes()), a.responseId()));
            }
        }

        @Override
        public void emitServerEvent(RealtimeServerEvent event) {
            events.add("server:" + event.type());
        }

        @Override
        public void emitAny(Supplier<RealtimeServerEvent> rawCopy) {
            events.add("*:" + rawCopy.get().type());
        }

        @Override
        public boolean hasAnyListeners() {
            return true;
        }
    };

    private final FrameSink socket = wire::add;
    private final RealtimeProtocol protocol = new RealtimeProtocol(socket, sink, ProtocolOptions.defaults());

    @Test
    void aForeignSocketDrivesTheProtocolThroughTheTwoSinks() {
        // channelActive: fresh state, then the initial session.update is the first frame
        protocol.reset();
        protocol.setCurrentModel("gpt-realtime");
        protocol.sendInitialSessionUpdate(null, "gpt-realtime");
        assertThat(wire).hasSize(1);
        assertThat(wire.get(0)).contains("\"type\":\"session.update\"").contains("\"model\":\"gpt-realtime\"");

        // the application sends: frames reach the socket synchronously, in call order
        protocol.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.clear")));
        assertThat(wire).hasSize(2);
        assertThat(wire.get(1)).contains("\"type\":\"input_audio_buffer.clear\"");

        // channelRead0(TextWebSocketFrame): the frame's text goes to the protocol
        protocol.onTextFrame("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e1\",\"response_id\":\"r1\","
                + "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\"AQID\"}");
        assertThat(events).startsWith("*:response.output_audio.delta");
        assertThat(events).contains("audio");
        assertThat(audio).hasSize(1);
        assertThat(audio.get(0).copyBytes()).containsExactly(1, 2, 3);
        assertThat(audio.get(0).responseId()).isEqualTo("r1");

        // malformed frames are ignored (B1); a binary frame holding UTF-8 JSON is processed like text
        int before = events.size();
        protocol.onTextFrame("not json");
        protocol.onTextFrame("{\"no_type\":1}");
        assertThat(events).hasSize(before);
        protocol.onBinaryFrame(ByteBuffer.wrap(
                "{\"type\":\"rate_limits.updated\",\"event_id\":\"e2\",\"rate_limits\":[]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(events.subList(before, events.size())).contains("*:rate_limits.updated");

        // channelInactive: the transport resets the protocol so a reconnect starts fresh
        protocol.reset();
        protocol.sendInitialSessionUpdate(null, "gpt-realtime");
        assertThat(wire.get(wire.size() - 1)).contains("\"type\":\"session.update\"");
    }

    @Test
    void aSocketThatRefusesWritesSurfacesToTheCaller() {
        RealtimeProtocol closed = new RealtimeProtocol(frame -> {
            throw new IllegalStateException("channel closed");
        }, sink, ProtocolOptions.defaults());
        closed.reset();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> closed.sendEvent(RealtimeClientMessage.of("input_audio_buffer.clear")))
                .isInstanceOf(IllegalStateException.class).hasMessage("channel closed");
    }
}
