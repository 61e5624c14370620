package dev.realtimetck.mockserver.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded session: its frames in the order they crossed the proxy. Stored as JSON Lines, one
 * {@link RecordedFrame} per line; blank lines are skipped.
 */
public record Recording(List<RecordedFrame> frames) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Recording {
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
    }

    /** Reads a {@code .jsonl} recording; a bad line fails with its file and line number. */
    public static Recording read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScenarioException("recording " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses recording text; {@code sourceName} appears in error messages. */
    public static Recording parse(String text, String sourceName) {
        List<RecordedFrame> frames = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    frames.add(RecordedFrame.fromJson(JSON.readTree(line)));
                } catch (JacksonException e) {
                    throw new ScenarioException("recording " + sourceName + " line " + number + ": not JSON: "
                            + e.getOriginalMessage());
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException("recording " + sourceName + " line " + number + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Recording(frames);
    }

    /** Writes every frame as one line. */
    public void write(Writer out) throws IOException {
        for (RecordedFrame frame : frames) {
            out.write(JSON.writeValueAsString(frame.toJson()));
            out.write('\n');
        }
    }
}
