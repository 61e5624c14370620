package dev.realtimetck.mockserver.scenario;

/** Audio for templates; built on the api module's audio helpers. */
final class GeneratedAudio implements AudioSource {
    static final GeneratedAudio INSTANCE = new GeneratedAudio();

    @Override
    public String generated(String format, long millis) {
        throw new UnsupportedOperationException("audio generation is not wired yet");
    }

    @Override
    public String wav(String format, String path) {
        throw new UnsupportedOperationException("WAV loading is not wired yet");
    }
}
