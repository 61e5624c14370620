package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.SessionContext;
import java.util.Objects;

/**
 * Runs {@code scenario} in every new session (each session gets its own {@link ScenarioBehavior}). Install with
 * {@code MockRealtimeServer.builder().behaviorFactory(new ScenarioBehaviorFactory(scenario))} or
 * {@code server.behaviorFactory(...)}; the admin API's {@code GET /__admin/scenario} reports the scenario of the
 * factory currently installed.
 *
 * @param scenario the scenario
 * @param wavFiles where its {@code {{wav PATH}}} placeholders may read files
 */
public record ScenarioBehaviorFactory(Scenario scenario, WavFiles wavFiles) implements SessionBehaviorFactory {

    public ScenarioBehaviorFactory {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(wavFiles, "wavFiles");
    }

    /** Runs {@code scenario}, whose {@code {{wav}}} placeholders may read any file ({@link WavFiles#anywhere()}). */
    public ScenarioBehaviorFactory(Scenario scenario) {
        this(scenario, WavFiles.anywhere());
    }

    @Override
    public SessionBehavior create(SessionContext session) {
        return new ScenarioBehavior(scenario, AudioSource.generated(wavFiles));
    }
}
