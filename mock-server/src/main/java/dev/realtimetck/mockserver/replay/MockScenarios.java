package dev.realtimetck.mockserver.replay;

import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.scenario.MockScenario;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns {@link MockScenario} annotations and CLI options into session behaviour factories: a {@code .jsonl} file is
 * a recording to replay, anything else a scenario (so this lives with replay, which builds on scenarios).
 */
public final class MockScenarios {

    private MockScenarios() {
    }

    /**
     * The factory for the first of {@code elements} (for example the test method, then its class) that carries
     * {@link MockScenario}; empty when none does.
     *
     * @throws ScenarioException if the named scenario or recording cannot be loaded
     */
    public static Optional<SessionBehaviorFactory> factoryFor(AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            if (element != null && element.isAnnotationPresent(MockScenario.class)) {
                return Optional.of(factoryFor(element.getAnnotation(MockScenario.class)));
            }
        }
        return Optional.empty();
    }

    /** The factory for one annotation. */
    public static SessionBehaviorFactory factoryFor(MockScenario annotation) {
        String location = annotation.value();
        if (location.endsWith(".jsonl")) {
            Recording recording = Recording.parse(read(location), location);
            return new ScenarioBehaviorFactory(Replays.toScenario(recording, baseName(location),
                    new Replays.Options(annotation.replaySpeed(), annotation.freshIds(), annotation.strict())));
        }
        Scenario scenario = Scenario.parse(read(location), location);
        return new ScenarioBehaviorFactory(annotation.strict() ? scenario.withStrict(true) : scenario);
    }

    /**
     * The scenario at {@code location} (a class path resource or a file; a {@code .jsonl} recording replays without
     * gaps), with its name: the file name without the extension, as a session selects it with {@code ?scenario=}.
     *
     * @throws ScenarioException if it cannot be found or loaded
     */
    public static java.util.Map.Entry<String, Scenario> named(String location) {
        java.util.Objects.requireNonNull(location, "location");
        Scenario scenario;
        if (location.endsWith(".jsonl")) {
            scenario = Replays.toScenario(Recording.parse(read(location), location), baseName(location),
                    new Replays.Options(0, false, false));
        } else {
            scenario = Scenario.parse(read(location), location);
        }
        return java.util.Map.entry(baseName(location), scenario);
    }

    /** A scenario file (or a {@code .jsonl} recording with the given replay options), for the CLI. */
    public static ScenarioBehaviorFactory fromFile(Path file, boolean strict, double replaySpeed, boolean freshIds) {
        if (file.toString().endsWith(".jsonl")) {
            return new ScenarioBehaviorFactory(Replays.toScenario(Recording.read(file), baseName(file.toString()),
                    new Replays.Options(replaySpeed, freshIds, strict)));
        }
        Scenario scenario = Scenario.load(file);
        return new ScenarioBehaviorFactory(strict ? scenario.withStrict(true) : scenario);
    }

    private static String read(String location) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MockScenarios.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new ScenarioException("@MockScenario(\"" + location + "\"): no such class path resource or file");
    }

    private static String baseName(String location) {
        String s = location.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
