package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.core.SessionObjects;
import tools.jackson.databind.JsonNode;

/**
 * The template context of the load-time check: fixed sample values for ids, the session and audio, so that a
 * templated event can be rendered and validated before any session exists. Client event values
 * ({@code {{event ...}}}) are not known at load time; the loader takes them out before rendering.
 */
final class SampleScope implements TemplateScope {

    private final String audioFormat;

    SampleScope(String audioFormat) {
        this.audioFormat = audioFormat;
    }

    @Override
    public String freshId(String prefix) {
        return prefix + "_sample";
    }

    @Override
    public String namedId(String prefix, String name) {
        return prefix + "_sample_" + name;
    }

    @Override
    public JsonNode event(String name) {
        throw new IllegalStateException("client event values are not known at load time");
    }

    @Override
    public String sessionId() {
        return "sess_sample";
    }

    @Override
    public JsonNode sessionObject() {
        return SessionObjects.realtime("sess_sample", SessionObjects.DEFAULT_MODEL, audioFormat, 0);
    }

    @Override
    public String audioBase64(long millis) {
        return "AAAA";
    }

    @Override
    public String wavBase64(String path) {
        return "AAAA";
    }
}
