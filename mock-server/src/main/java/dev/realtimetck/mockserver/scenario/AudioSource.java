package dev.realtimetck.mockserver.scenario;

/** Produces base64 audio for the {@code {{audio}}} and {@code {{wav}}} placeholders. */
interface AudioSource {

    /** Base64 of {@code millis} ms of a generated tone in {@code format} ({@code audio/pcm}, {@code audio/pcmu}, {@code audio/pcma}). */
    String generated(String format, long millis);

    /** Base64 of the samples of the WAV file at {@code path} (file or class path resource) converted to {@code format}. */
    String wav(String format, String path);

    static AudioSource generated() {
        return GeneratedAudio.INSTANCE;
    }

    static AudioSource generated(WavFiles files) {
        return files == WavFiles.anywhere() ? GeneratedAudio.INSTANCE : new GeneratedAudio(files);
    }
}
