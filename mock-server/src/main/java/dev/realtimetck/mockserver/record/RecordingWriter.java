package dev.realtimetck.mockserver.record;

import dev.realtimetck.mockserver.replay.RecordedFrame;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** Appends frames to one recording file, one line each, flushed at once (a killed proxy keeps what it saw). */
final class RecordingWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BufferedWriter out;
    private boolean closed;

    RecordingWriter(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void write(RecordedFrame frame) {
        if (closed) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(frame.toJson()));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
