package dev.realtimetck.mockserver.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.json.JsonMapper;

/** What every session of one server shares. */
record SessionEnvironment(JsonMapper mapper, EventValidator validator, ValidationMode validation, IdGenerator ids,
                          ExecutorService pool, ScheduledExecutorService timer, int maxFrames,
                          long maxInputAudioBytes, SessionObserver observer, boolean logFrames) {
}
