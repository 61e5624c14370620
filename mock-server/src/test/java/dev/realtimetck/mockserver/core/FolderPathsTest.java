package dev.realtimetck.mockserver.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPathsTest {

    @TempDir
    Path temp;

    @Test
    void namesInsideTheFolderResolve() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("f/sub"));
        Files.writeString(folder.resolve("a.yaml"), "x");
        Path root = temp.resolve("f");
        assertThat(FolderPaths.resolveInside(root, "sub/a.yaml")).isEqualTo(folder.resolve("a.yaml").toRealPath());
        assertThat(FolderPaths.resolveInside(root, "./sub/./a.yaml")).isEqualTo(folder.resolve("a.yaml").toRealPath());
        assertThat(FolderPaths.resolveInside(root, "missing.yaml")).isEqualTo(root.toRealPath().resolve("missing.yaml"));
    }

    @Test
    void dotDotAbsoluteAndOddNamesAreRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("f"));
        for (String name : new String[] {"../x", "sub/../../x", "..", "a\\..\\..\\x"}) {
            assertThatThrownBy(() -> FolderPaths.resolveInside(root, name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'..' is not allowed");
        }
        for (String name : new String[] {"/etc/passwd", "\\\\host\\share", "C:\\x", "~/x"}) {
            assertThatThrownBy(() -> FolderPaths.resolveInside(root, name)).as(name)
                    .hasMessageContaining("absolute path is not allowed");
        }
        assertThatThrownBy(() -> FolderPaths.resolveInside(root, " ")).hasMessageContaining("not a file name");
        assertThatThrownBy(() -> FolderPaths.resolveInside(root, "a\0b")).hasMessageContaining("not a file name");
    }

    @Test
    void symbolicLinksOutOfTheFolderAreRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("f"));
        Path outside = Files.writeString(temp.resolve("secret.txt"), "s");
        try {
            Files.createSymbolicLink(root.resolve("file-link"), outside);
            Files.createSymbolicLink(root.resolve("dir-link"), temp);
            Files.createSymbolicLink(root.resolve("dangling"), temp.resolve("nowhere"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "the file system has no symbolic links");
        }
        assertThatThrownBy(() -> FolderPaths.resolveInside(root, "file-link")).hasMessageContaining("leads out");
        assertThatThrownBy(() -> FolderPaths.resolveInside(root, "dir-link/secret.txt")).hasMessageContaining("leads out");
        assertThatThrownBy(() -> FolderPaths.resolveInside(root, "dangling")).hasMessageContaining("leads out");
        Files.createSymbolicLink(root.resolve("inner-link"), Files.writeString(root.resolve("in.txt"), "i"));
        assertThat(FolderPaths.resolveInside(root, "inner-link")).isEqualTo(root.resolve("in.txt").toRealPath());
    }
}
