package dev.realtimetck.mockserver.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scripted session: a strict sequence of {@link Step steps} plus reactive {@link Rule rules}. Immutable; one
 * scenario drives any number of sessions, each with its own {@link ScenarioBehavior}.
 *
 * @param name a short name for reports
 * @param strict whether a mismatching client event closes the session with 1008
 * @param pace the initial delay between consecutive sent events
 * @param audioFormat the output audio format used by {@code {{audio}}} until the client's {@code session.update}
 *     names one ({@code audio/pcm}, {@code audio/pcmu} or {@code audio/pcma})
 * @param ignore client event types the script neither expects nor reports
 * @param steps the sequence
 * @param rules the reactive rules
 * @param source the text the scenario was loaded from (YAML or JSON), for the admin API; may be empty
 */
public record Scenario(String name, boolean strict, Duration pace, String audioFormat, Set<String> ignore,
                       List<Step> steps, List<Rule> rules, String source) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(audioFormat, "audioFormat");
        ignore = Set.copyOf(Objects.requireNonNull(ignore, "ignore"));
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Objects.requireNonNull(source, "source");
        if (pace.isNegative()) {
            throw new IllegalArgumentException("pace: must not be negative");
        }
    }

    /** The same scenario with strict mode switched on or off. */
    public Scenario withStrict(boolean strict) {
        return new Scenario(name, strict, pace, audioFormat, ignore, steps, rules, source);
    }

    /** Loads and validates a scenario file ({@code .yaml}, {@code .yml} or {@code .json}). */
    public static Scenario load(Path file) {
        return ScenarioLoader.defaults().load(file);
    }

    /** Parses and validates scenario text (YAML or JSON; JSON is YAML). */
    public static Scenario parse(String text, String sourceName) {
        return ScenarioLoader.defaults().parse(text, sourceName);
    }

    /** Loads a scenario from the class path, e.g. {@code dev/realtimetck/mockserver/scenarios/function-call.yaml}. */
    public static Scenario fromClasspath(String resource) {
        return ScenarioLoader.defaults().fromClasspath(resource);
    }
}
