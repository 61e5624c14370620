package dev.realtimetck.mockserver.scenario;

import java.io.IOException;
import dev.realtimetck.mockserver.core.FolderPaths;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@code {{wav PATH}}} placeholder of a scenario may read files from. A scenario the operator names
 * (a file on the command line, a test's {@code @MockScenario}) may read any file; a scenario that arrives through
 * the admin API may only read below a configured folder, or no file at all.
 *
 * <p>Class path resources are always allowed (a name with a {@code ..} segment is refused).
 */
public final class WavFiles {

    private static final WavFiles ANYWHERE = new WavFiles(null, true);
    private static final WavFiles CLASS_PATH_ONLY = new WavFiles(null, false);

    private final Path root;
    private final boolean anywhere;

    private WavFiles(Path root, boolean anywhere) {
        this.root = root;
        this.anywhere = anywhere;
    }

    /** Any file path the process can read, or a class path resource. */
    public static WavFiles anywhere() {
        return ANYWHERE;
    }

    /** Class path resources only; every file path is refused. */
    public static WavFiles classPathOnly() {
        return CLASS_PATH_ONLY;
    }

    /**
     * Relative paths inside {@code folder} (after resolving {@code ..} and symbolic links), or class path
     * resources; absolute paths and anything that leads out of the folder are refused.
     */
    public static WavFiles within(Path folder) {
        Objects.requireNonNull(folder, "folder");
        try {
            return new WavFiles(folder.toRealPath(), false);
        } catch (IOException e) {
            throw new IllegalArgumentException("wav folder " + folder + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * The file {@code path} names, if it is an allowed regular file; empty when it is not a file (it may then
     * be a class path resource).
     *
     * @throws IllegalArgumentException when the path is not allowed (the message names it and says why)
     */
    Optional<Path> file(String path) {
        if (hasDotDotSegment(path) && !anywhere) {
            throw new IllegalArgumentException("wav " + path + ": a path with '..' is not allowed here");
        }
        if (anywhere) {
            return regularFile(path);
        }
        if (root == null) {
            if (looksLikeFile(path)) {
                throw new IllegalArgumentException("wav " + path + ": scenarios given through the admin API read "
                        + "class path resources only (no wav folder is configured)");
            }
            return Optional.empty();
        }
        Path inside;
        try {
            inside = FolderPaths.resolveInside(root, path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wav " + e.getMessage().replaceFirst("^'[^']*'",
                    java.util.regex.Matcher.quoteReplacement(path))
                    .replace("the folder", "the wav folder"), e);
        }
        return Files.isRegularFile(inside) ? Optional.of(inside) : Optional.empty();
    }

    private static Optional<Path> regularFile(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeFile(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.startsWith("~")
                || (path.length() > 1 && path.charAt(1) == ':') || regularFile(path).isPresent();
    }

    private static boolean hasDotDotSegment(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return anywhere ? "anywhere" : root == null ? "class path only" : "within " + root;
    }
}
