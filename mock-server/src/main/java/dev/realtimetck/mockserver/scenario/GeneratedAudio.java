package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.SyntheticAudio;
import dev.realtimetck.api.audio.Transcode;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audio for the {@code {{audio}}} and {@code {{wav}}} placeholders, built on the api module's audio helpers:
 * a 440 Hz tone at a third of full scale, and WAV files (read once, then cached) converted to the session's
 * format. A WAV file must be mono at the format's sample rate (24 kHz for {@code audio/pcm}, 8 kHz for G.711);
 * the samples may be PCM16, mu-law or A-law.
 */
final class GeneratedAudio implements AudioSource {
    static final GeneratedAudio INSTANCE = new GeneratedAudio(WavFiles.anywhere());

    private static final double TONE_HZ = 440.0;
    private static final double AMPLITUDE = 0.3;

    private final Map<String, WavAudio> wavs = new ConcurrentHashMap<>();
    private final WavFiles files;

    GeneratedAudio(WavFiles files) {
        this.files = files;
    }

    @Override
    public String generated(String format, long millis) {
        AudioFormat target = AudioFormat.parse(format);
        byte[] audio = SyntheticAudio.tone(target, Duration.ofMillis(millis), TONE_HZ, AMPLITUDE);
        return Base64.getEncoder().encodeToString(audio);
    }

    @Override
    public String wav(String format, String path) {
        AudioFormat target = AudioFormat.parse(format);
        WavAudio wav = wavs.computeIfAbsent(path, this::read);
        AudioFormat source;
        try {
            source = wav.audioFormat();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("wav " + path + ": " + e.getMessage());
        }
        if (source.sampleRate() != target.sampleRate()) {
            throw new IllegalArgumentException("wav " + path + ": " + source.sampleRate() + " Hz, but the session's "
                    + "output format " + format + " needs " + target.sampleRate() + " Hz");
        }
        return Base64.getEncoder().encodeToString(Transcode.convert(wav.data(), source, target));
    }

    private WavAudio read(String path) {
        try {
            Optional<Path> file = files.file(path);
            if (file.isPresent()) {
                return WavFile.read(file.get());
            }
            String resource = path.startsWith("/") ? path.substring(1) : path;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader != null ? loader : GeneratedAudio.class.getClassLoader()).getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("wav " + path + ": no such file or class path resource");
                }
                return WavFile.read(in);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("wav " + path + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("wav ")) {
                throw e;
            }
            throw new IllegalArgumentException("wav " + path + ": not a usable WAV file: " + e.getMessage(), e);
        }
    }
}
