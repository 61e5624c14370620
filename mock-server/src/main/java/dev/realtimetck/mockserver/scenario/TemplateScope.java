package dev.realtimetck.mockserver.scenario;

import tools.jackson.databind.JsonNode;

/** What a template placeholder can read: ids, captured client events, the session and generated audio. */
interface TemplateScope {

    /** A fresh id with {@code prefix}. */
    String freshId(String prefix);

    /** The id named {@code name}: fresh (with {@code prefix}) the first time, the same value afterwards. */
    String namedId(String prefix, String name);

    /** The client event captured as {@code name}, or the current one when {@code name} is null; null if none. */
    JsonNode event(String name);

    /** The server-assigned session id. */
    String sessionId();

    /** Base64 of {@code millis} ms of generated audio in the session's output format. */
    String audioBase64(long millis);

    /** Base64 of the samples of a WAV file, converted to the session's output format. */
    String wavBase64(String path);
}
