package dev.realtimetck.benchmarks;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionContext;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mock server's side of the loopback benchmark. On {@value #STREAM} it pushes every corpus frame as it is
 * (no parsing, no validation); on {@value #ECHO} it answers with one {@value #ECHO_REPLY} frame, for the
 * round trip. Everything else is ignored (the transport's initial {@code session.update}, for example).
 */
final class CorpusStreamingBehavior implements SessionBehavior {

    /** The client event that asks for the corpus. */
    static final String STREAM = "conversation.item.retrieve";
    /** The client event of the round trip. */
    static final String ECHO = "input_audio_buffer.clear";
    /** The server event answering {@link #ECHO}. */
    static final String ECHO_REPLY = "input_audio_buffer.cleared";

    private final List<String> frames;

    CorpusStreamingBehavior(List<String> frames) {
        this.frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }

    @Override
    public void onOpen(SessionContext session) {
    }

    @Override
    public void onClientEvent(SessionContext session, ObjectNode event) {
        String type = event.path("type").asString("");
        if (STREAM.equals(type)) {
            for (String frame : frames) {
                session.sendRawText(frame);
            }
        } else if (ECHO.equals(type)) {
            session.sendRawText("{\"type\":\"" + ECHO_REPLY + "\",\"event_id\":\"bench_echo\"}");
        }
    }
}
