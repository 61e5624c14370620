package dev.realtimetck.benchmarks;

import dev.realtimetck.protocoldata.ProtocolData;
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

    /** The bundled corpora, by file name without {@code .jsonl}. */
    static final List<String> NAMES = ProtocolData.CORPORA;

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
     * Loads a corpus from the directory the user chose ({@link CorpusLocator}), else the bundled copy.
     *
     * @param parameter the benchmark's {@code corpusDir} parameter, may be empty
     * @param name      the file name without {@code .jsonl}
     */
    static Corpus resolve(String parameter, String name) {
        return CorpusLocator.locate(parameter).map(dir -> load(dir, name)).orElseGet(() -> bundled(name));
    }

    /**
     * Loads a corpus bundled in {@code realtime-protocol-data}.
     *
     * @throws IllegalArgumentException naming the bundled corpora when {@code name} is not one of them
     */
    static Corpus bundled(String name) {
        return of(name, ProtocolData.lines(ProtocolData.corpus(name)));
    }

    private static Corpus of(String name, List<String> frames) {
        long bytes = frames.stream().mapToLong(f -> f.getBytes(StandardCharsets.UTF_8).length).sum();
        return new Corpus(name, frames, bytes);
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
            return of(name, Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + file, e);
        }
    }
}
