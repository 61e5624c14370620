package dev.realtimetck.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One benchmark corpus: the server events of one turn, one JSON object a line, as text frames.
 *
 * @param name   the file name without {@code .jsonl}
 * @param frames the non-blank lines, in order
 * @param bytes  the UTF-8 size of all frames together (what "MB of JSON" counts)
 */
record Corpus(String name, List<String> frames, long bytes) {

    /** The corpora of the shared corpus directory, by file name without {@code .jsonl}. */
    static final List<String> NAMES = List.of("response-audio", "response-text", "function-call");

    Corpus {
        Objects.requireNonNull(name, "name");
        frames = List.copyOf(Objects.requireNonNull(frames, "frames"));
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames: corpus " + name + " has no events");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes: must be positive, was " + bytes);
        }
    }

    /** The number of events (frames). */
    int events() {
        return frames.size();
    }

    /**
     * Loads {@code <dir>/<name>.jsonl}.
     *
     * @throws IllegalStateException with the absolute path and how to point elsewhere when the file is missing
     */
    static Corpus load(Path dir, String name) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
        Path file = dir.resolve(name + ".jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("corpus file " + file.toAbsolutePath().normalize()
                    + " not found; point -Dcorpus.dir=<dir> (or -p corpusDir=<dir>) at the directory holding "
                    + String.join(", ", NAMES) + " .jsonl files");
        }
        try {
            List<String> frames = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .collect(Collectors.toList());
            long bytes = frames.stream().mapToLong(f -> f.getBytes(StandardCharsets.UTF_8).length).sum();
            return new Corpus(name, frames, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file, e);
        }
    }
}
