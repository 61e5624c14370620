package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.SessionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The named scenarios of one server, so that each session (each test) chooses its own: the WebSocket URL's query
 * parameter {@code ?scenario=NAME} or the handshake header {@code X-Mock-Scenario: NAME} picks one; a session
 * that names none gets the server's default behaviour. A name that is not in the catalog falls back to the
 * scenarios bundled in the jar ({@link #BUNDLED}); an unknown name is a session problem and the session is
 * closed with 1008. Thread-safe.
 */
public final class ScenarioCatalog {

    /** The query parameter that names a session's scenario. */
    public static final String QUERY_PARAMETER = "scenario";
    /** The handshake header that names a session's scenario (when the URL does not). */
    public static final String HEADER = "X-Mock-Scenario";
    /** The names of the example scenarios bundled in the jar, addressable without loading them. */
    public static final List<String> BUNDLED = List.of("audio-reply", "dropped-mid-response", "function-call-turn");
    /** The class path folder of the bundled scenarios. */
    public static final String BUNDLED_FOLDER = "dev/realtimetck/mockserver/scenarios/";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Where a catalog entry came from. */
    public enum Origin {
        /** Added through the Java API or the builder. */
        JAVA,
        /** Loaded from a scenario directory ({@code --scenarios DIR}). */
        DIRECTORY,
        /** Added through the admin API; {@code POST /__admin/reset} removes it. */
        ADMIN
    }

    /**
     * One named scenario.
     *
     * @param name the name sessions ask for
     * @param scenario the scenario
     * @param origin where it came from
     * @param source the file it was loaded from, or a description
     * @param wavFiles where its {@code {{wav PATH}}} placeholders may read files
     */
    public record Entry(String name, Scenario scenario, Origin origin, String source, WavFiles wavFiles) {
        /** Checks the fields. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(wavFiles, "wavFiles");
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Scenario> bundled = new LinkedHashMap<>();

    /**
     * Adds or replaces the scenario called {@code name}. Its {@code {{wav PATH}}} placeholders may read any file
     * when the operator gave it ({@link Origin#JAVA}, {@link Origin#DIRECTORY}); one that came through the admin
     * API reads class path resources only (use the five-argument form to give it a folder).
     *
     * @throws IllegalArgumentException if {@code name} is not 1-100 letters, digits, '.', '_' or '-'
     */
    public void put(String name, Scenario scenario, Origin origin, String source) {
        put(name, scenario, origin, source, origin == Origin.ADMIN ? WavFiles.classPathOnly() : WavFiles.anywhere());
    }

    /**
     * Adds or replaces the scenario called {@code name}, whose {@code {{wav PATH}}} placeholders read files
     * through {@code wavFiles}.
     *
     * @throws IllegalArgumentException if {@code name} is not 1-100 letters, digits, '.', '_' or '-'
     */
    public void put(String name, Scenario scenario, Origin origin, String source, WavFiles wavFiles) {
        requireName(name);
        Entry entry = new Entry(name, scenario, origin, source, wavFiles);
        synchronized (entries) {
            entries.put(name, entry);
        }
    }

    /** Removes the scenario called {@code name}; false when there was none. */
    public boolean remove(String name) {
        synchronized (entries) {
            return entries.remove(name) != null;
        }
    }

    /** Removes every entry of {@code origin}. */
    public void removeAll(Origin origin) {
        synchronized (entries) {
            entries.values().removeIf(e -> e.origin() == origin);
        }
    }

    /** The entries, in the order they were first added. */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries.values());
        }
    }

    /** The scenario called {@code name}: an entry, else a bundled example; empty when neither exists. */
    public Optional<Scenario> find(String name) {
        return factory(name).map(ScenarioBehaviorFactory::scenario);
    }

    /**
     * The factory of the scenario called {@code name}, with the {@link WavFiles} it was added with (a bundled
     * example reads class path resources only); empty when there is no such scenario.
     */
    public Optional<ScenarioBehaviorFactory> factory(String name) {
        synchronized (entries) {
            Entry entry = entries.get(name);
            if (entry != null) {
                return Optional.of(new ScenarioBehaviorFactory(entry.scenario(), entry.wavFiles()));
            }
        }
        return bundled(name).map(s -> new ScenarioBehaviorFactory(s, WavFiles.classPathOnly()));
    }

    /** The bundled example called {@code name} (see {@link #BUNDLED}), loaded from the jar. */
    public Optional<Scenario> bundled(String name) {
        if (!BUNDLED.contains(name)) {
            return Optional.empty();
        }
        synchronized (bundled) {
            return Optional.of(bundled.computeIfAbsent(name,
                    n -> Scenario.fromClasspath(BUNDLED_FOLDER + n + ".yaml")));
        }
    }

    /**
     * The factory that gives each session the scenario it names, or else {@code fallback}'s behaviour.
     *
     * @param fallback the current default behaviour factory (read once per session)
     * @param beforeLookup run before a named lookup (for example to reload a scenario directory)
     */
    public SessionBehaviorFactory selecting(Supplier<SessionBehaviorFactory> fallback, Runnable beforeLookup) {
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(beforeLookup, "beforeLookup");
        return session -> {
            Optional<String> name = requested(session);
            if (name.isEmpty()) {
                return fallback.get().create(session);
            }
            beforeLookup.run();
            Optional<ScenarioBehaviorFactory> scenario = factory(name.get());
            if (scenario.isPresent()) {
                return scenario.get().create(session);
            }
            return new UnknownScenario(name.get(), known());
        };
    }

    /** The scenario name the session's handshake asks for, if any. */
    public static Optional<String> requested(SessionContext session) {
        Optional<String> name = session.queryParameter(QUERY_PARAMETER);
        if (name.isEmpty()) {
            name = session.header(HEADER);
        }
        return name.filter(n -> !n.isBlank());
    }

    private List<String> known() {
        List<String> names = new ArrayList<>(entries().stream().map(Entry::name).toList());
        BUNDLED.stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /**
     * Checks a scenario name: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must be 1-100 letters, digits, '.', '_' or '-' starting with a "
                    + "letter or digit, was '" + name + "'");
        }
    }

    /** A session that asked for a scenario nobody knows: a problem, and a 1008 close naming it. */
    private static final class UnknownScenario implements SessionBehavior {
        private final String name;
        private final List<String> known;

        UnknownScenario(String name, List<String> known) {
            this.name = name;
            this.known = known;
        }

        @Override
        public String description() {
            return "unknown scenario '" + name + "'";
        }

        @Override
        public void onOpen(SessionContext session) {
            session.reportProblem("unknown scenario '" + name + "' asked for by the handshake; known: " + known);
            session.close(ScenarioBehavior.POLICY_VIOLATION, ScenarioBehavior.truncate("unknown scenario '" + name + "'"));
        }

        @Override
        public void onClientEvent(SessionContext session, ObjectNode event) {
        }
    }
}
