package dev.realtimetck.mockserver.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Resolves a file name that arrives from outside (an admin request, an uploaded scenario) inside a configured
 * folder, so that it cannot leave it: absolute paths, drive letters, {@code ..} segments and symbolic links that
 * lead out of the folder are refused. Every feature that reads a file named over the network uses it.
 */
public final class FolderPaths {

    private FolderPaths() {
    }

    /**
     * The path {@code name} names inside {@code folder}.
     *
     * @param folder an existing folder
     * @param name a relative path with {@code /} (or {@code \}) separators
     * @return the path inside the folder, with symbolic links resolved when it exists
     * @throws IllegalArgumentException when {@code name} is not allowed (the message quotes it and says why) or the
     *     folder cannot be read
     */
    public static Path resolveInside(Path folder, String name) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "': not a file name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.startsWith("~")
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new IllegalArgumentException("'" + name + "': an absolute path is not allowed here; give a path "
                    + "relative to the folder");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("'" + name + "': a path with '..' is not allowed here");
            }
        }
        Path root;
        Path candidate;
        try {
            root = folder.toRealPath();
            candidate = root.resolve(name.replace('\\', '/')).normalize();
        } catch (IOException e) {
            throw new IllegalArgumentException("folder " + folder + " cannot be used: " + e.getMessage(), e);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + name + "': not a valid path");
        }
        if (!candidate.startsWith(root)) {
            throw new IllegalArgumentException("'" + name + "': leads out of the folder");
        }
        if (!Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return candidate;
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + name + "': leads out of the folder (a symbolic link to nowhere)",
                    e);
        }
        if (!real.startsWith(root)) {
            throw new IllegalArgumentException("'" + name + "': leads out of the folder (symbolic link)");
        }
        return real;
    }
}
