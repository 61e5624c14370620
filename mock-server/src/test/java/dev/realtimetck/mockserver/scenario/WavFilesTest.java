package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code {{wav PATH}}} placeholder of an uploaded scenario cannot read outside its folder. */
class WavFilesTest {

    @TempDir
    Path temp;
    private Path folder;
    private Path outside;

    @BeforeEach
    void files() throws IOException {
        folder = Files.createDirectories(temp.resolve("wavs"));
        outside = temp.resolve("secret.wav");
        byte[] samples = SyntheticAudio.tone(new AudioFormat.Pcm(24000), Duration.ofMillis(20), 300, 0.5);
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), folder.resolve("ok.wav"));
        Files.createDirectories(folder.resolve("sub"));
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), folder.resolve("sub/ok.wav"));
        WavFile.write(WavAudio.of(new AudioFormat.Pcm(24000), samples), outside);
    }

    private static String wav(WavFiles files, String path) {
        return new GeneratedAudio(files).wav("audio/pcm", path);
    }

    @Test
    void relativePathsInsideTheFolderAreRead() {
        WavFiles within = WavFiles.within(folder);
        assertThat(wav(within, "ok.wav")).isNotEmpty();
        assertThat(wav(within, "sub/ok.wav")).isNotEmpty();
        assertThat(wav(within, "./sub/ok.wav")).isNotEmpty();
    }

    @Test
    void dotDotAbsoluteAndSymlinksOutOfTheFolderAreRefused() throws IOException {
        WavFiles within = WavFiles.within(folder);
        assertThatThrownBy(() -> wav(within, "../secret.wav")).hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> wav(within, "sub/../../secret.wav")).hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> wav(within, outside.toString())).hasMessageContaining("absolute path");
        boolean linked;
        try {
            Files.createSymbolicLink(folder.resolve("link.wav"), outside);
            Files.createSymbolicLink(folder.resolve("linkdir"), temp);
            linked = true;
        } catch (UnsupportedOperationException | IOException e) {
            linked = false;
        }
        assumeTrue(linked, "the file system has no symbolic links");
        assertThatThrownBy(() -> wav(within, "link.wav")).hasMessageContaining("leads out of the wav folder");
        assertThatThrownBy(() -> wav(within, "linkdir/secret.wav")).hasMessageContaining("leads out of the wav folder");
    }

    @Test
    void classPathOnlyRefusesEveryFile() {
        WavFiles none = WavFiles.classPathOnly();
        assertThatThrownBy(() -> wav(none, outside.toString())).hasMessageContaining("class path resources only");
        assertThatThrownBy(() -> wav(none, "../x.wav")).hasMessageContaining("'..' is not allowed");
        assertThatThrownBy(() -> wav(none, "no/such/resource.wav")).hasMessageContaining("no such file");
    }

    @Test
    void operatorScenariosStillReadAnyFile() {
        assertThat(wav(WavFiles.anywhere(), outside.toString())).isNotEmpty();
    }
}
