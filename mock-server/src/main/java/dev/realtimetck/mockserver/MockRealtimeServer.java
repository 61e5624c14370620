package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.admin.AdminHandler;
import dev.realtimetck.mockserver.admin.AdminResponse;
import dev.realtimetck.mockserver.admin.AdminRoute;
import dev.realtimetck.mockserver.admin.AdminTokenFilter;
import dev.realtimetck.mockserver.admin.VerificationRoutes;
import dev.realtimetck.mockserver.core.EventValidator;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.core.SessionHub;
import dev.realtimetck.mockserver.core.SessionRegistry;
import dev.realtimetck.mockserver.core.ValidationMode;
import dev.realtimetck.mockserver.metrics.ServerMetrics;
import dev.realtimetck.mockserver.replay.ScenarioDirectory;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioCatalog;
import dev.realtimetck.mockserver.scenario.WavFiles;
import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.simulator.RealtimeSimulator;
import dev.realtimetck.mockserver.simulator.SimulatorOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mock OpenAI Realtime server for tests, in the spirit of OkHttp's {@code MockWebServer}: start it, point the
 * transport under test at {@link #realtimeUrl()}, then inspect and drive the {@link MockSession}s.
 *
 * <pre>{@code
 * try (MockRealtimeServer server = MockRealtimeServer.builder().start()) {
 *     connect(server.realtimeUrl(), "any-key");
 *     MockSession session = server.awaitSession(Duration.ofSeconds(5));
 *     session.awaitClientEvent("session.update", Duration.ofSeconds(5));
 *     session.send("{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":0,\"item_id\":\"item_1\"}");
 * }
 * }</pre>
 *
 * <p>Each session runs its {@link SessionBehavior} on its own serial executor; a session whose behaviour throws,
 * blocks or is dropped does not affect the others.
 *
 * <p>This class is where the mock server is wired together, and the only place: the session core
 * ({@link SessionHub}) gets the schema validator and the default behaviour (the {@link RealtimeSimulator});
 * the admin API gets this server as its {@link SessionRegistry}, with the scenario and replay routes.
 */
public final class MockRealtimeServer implements SessionRegistry, AutoCloseable {

    /** The WebSocket path, as on the real API. */
    public static final String REALTIME_PATH = "/v1/realtime";
    /** The prefix of the admin HTTP API. */
    public static final String ADMIN_PATH = "/__admin";

    private static final Logger LOG = LoggerFactory.getLogger(MockRealtimeServer.class);
    private static final AtomicInteger SERVER_COUNT = new AtomicInteger();

    private final Builder config;
    private final SessionHub hub;
    private final ScenarioCatalog scenarios = new ScenarioCatalog();
    private final ServerMetrics metrics = new ServerMetrics();
    private final ScenarioDirectory directory;
    private volatile SessionBehaviorFactory defaultFactory;
    /** The default factory before the admin API installed one; null when it installed none. */
    private SessionBehaviorFactory beforeAdmin;
    private final Object lock = new Object();
    private Undertow mainServer;
    private Undertow adminServer;
    private URI realtimeUrl;
    private URI adminUrl;
    private boolean started;
    private boolean closed;

    private MockRealtimeServer(Builder config) {
        this.config = config;
        this.defaultFactory = config.behaviorFactory;
        config.scenarios.forEach((name, scenario) ->
                scenarios.put(name, scenario, ScenarioCatalog.Origin.JAVA, "builder"));
        this.directory = config.scenarioDirectory == null ? null : new ScenarioDirectory(config.scenarioDirectory,
                scenarios, config.directoryStrict, config.directoryReplaySpeed, config.directoryFreshIds);
        if (directory != null) {
            directory.load();
        }
        // pool threads start with the first session task, so a server that is never started holds none;
        // each session gets the scenario its handshake names, else the default factory
        this.hub = new SessionHub(new SessionHub.Settings(config.apiKeys, config.validator, config.validation,
                config.maxFrames, config.maxInputAudioBytes, "realtime-mock-" + SERVER_COUNT.incrementAndGet(),
                metrics, config.logFrames),
                scenarios.selecting(() -> defaultFactory, this::refreshScenarioDirectory));
        hub.addResetListener(this::undoAdminChanges);
    }

    /**
     * The server's metrics in the Prometheus text format, as {@code GET /__admin/metrics} serves them: sessions
     * open and total, frames by direction and kind, problems, and the lateness of paced audio.
     */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    /** Reloads the scenario directory's changed files, if there is one. */
    void refreshScenarioDirectory() {
        if (directory != null) {
            directory.refresh();
        }
    }

    /** Installs a default behaviour through the admin API; {@link #removeAdminBehavior()} and reset undo it. */
    void installAdminBehavior(SessionBehaviorFactory factory) {
        synchronized (lock) {
            if (beforeAdmin == null) {
                beforeAdmin = defaultFactory;
            }
            defaultFactory = Objects.requireNonNull(factory, "factory");
        }
    }

    /** Restores the default behaviour the admin API replaced; false when it replaced none. */
    boolean removeAdminBehavior() {
        synchronized (lock) {
            if (beforeAdmin == null) {
                return false;
            }
            defaultFactory = beforeAdmin;
            beforeAdmin = null;
            return true;
        }
    }

    /** At reset: the admin API's default behaviour and named scenarios go; the directory is read again. */
    private void undoAdminChanges() {
        removeAdminBehavior();
        scenarios.removeAll(ScenarioCatalog.Origin.ADMIN);
        config.scenarios.forEach((name, scenario) ->
                scenarios.put(name, scenario, ScenarioCatalog.Origin.JAVA, "builder"));
        if (directory != null) {
            try {
                directory.load();
            } catch (RuntimeException e) {
                LOG.warn("reset: the scenario directory does not load: {}", e.getMessage());
            }
        }
    }

    /**
     * The named scenarios of this server. A session picks one with the WebSocket URL's query parameter
     * {@code ?scenario=NAME} (see {@link #realtimeUrl(String)}) or the handshake header {@code X-Mock-Scenario};
     * a session that names none gets the default behaviour ({@link #behaviorFactory()}).
     */
    public ScenarioCatalog scenarios() {
        return scenarios;
    }

    /** The scenario directory ({@code --scenarios DIR}), if the server has one. */
    Optional<ScenarioDirectory> scenarioDirectory() {
        return Optional.ofNullable(directory);
    }

    /**
     * The WebSocket URL that selects the scenario called {@code scenario}, {@code ws://host:port/v1/realtime?scenario=NAME}.
     *
     * @throws IllegalStateException if the server is not started
     * @throws IllegalArgumentException if {@code scenario} is not a valid scenario name
     */
    public URI realtimeUrl(String scenario) {
        Objects.requireNonNull(scenario, "scenario");
        ScenarioCatalog.requireName(scenario);
        return URI.create(realtimeUrl() + "?" + ScenarioCatalog.QUERY_PARAMETER + "=" + scenario);
    }

    /** A builder with the defaults: 127.0.0.1, a free port, any key, strict validation. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listeners and starts accepting connections.
     *
     * @return this server
     * @throws IllegalStateException if it was started before, if the admin API would listen off loopback without
     *     an {@linkplain Builder#adminToken(String) admin token}, or the address cannot be bound (the message
     *     names host and port)
     */
    public MockRealtimeServer start() {
        // off loopback the admin API shares the main listener only behind a token
        boolean adminOnMain = (Listeners.isLoopback(config.host) || config.adminToken != null)
                && config.adminPort == 0 && !config.separateAdmin;
        if (config.adminToken == null && !adminOnMain && !Listeners.isLoopback(config.adminHost)) {
            throw new IllegalStateException("the admin API would listen on " + config.adminHost + ", which is not "
                    + "a loopback address; give it a token (adminToken, --admin-token or "
                    + AdminTokenFilter.ENVIRONMENT_VARIABLE + ")");
        }
        synchronized (lock) {
            if (started || closed) {
                throw new IllegalStateException("the server was already " + (closed ? "closed" : "started"));
            }
            started = true;
        }
        // the scenario routes (PUT/GET /scenario, PUT /replay) come with every server; the builder's routes follow
        // uploaded scenarios read {{wav}} files only below adminWavFolder (else class path resources only)
        WavFiles adminWavFiles = config.adminWavFolder == null
                ? WavFiles.classPathOnly() : WavFiles.within(config.adminWavFolder);
        List<AdminRoute> adminRoutes = new ArrayList<>(ScenarioAdminRoutes.routes(this, adminWavFiles));
        adminRoutes.addAll(VerificationRoutes.routes());
        adminRoutes.add(new AdminRoute("GET", "/metrics", r -> new AdminResponse(200, ServerMetrics.CONTENT_TYPE,
                metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        adminRoutes.addAll(config.adminRoutes);
        HttpHandler admin = new AdminHandler(this, adminRoutes);
        if (config.adminToken != null) {
            admin = new AdminTokenFilter(config.adminToken, admin);
        }
        HttpHandler notFound = Listeners.notFound(REALTIME_PATH);
        PathHandler main = Handlers.path(notFound).addExactPath(REALTIME_PATH, hub.endpoint());
        if (adminOnMain) {
            main.addPrefixPath(ADMIN_PATH, admin);
        }
        try {
            mainServer = Listeners.listen(config.host, config.port, main);
            realtimeUrl = Listeners.url("ws", config.host, mainServer, REALTIME_PATH);
            if (adminOnMain) {
                adminUrl = Listeners.url("http", config.host, mainServer, ADMIN_PATH);
            } else {
                adminServer = Listeners.listen(config.adminHost, config.adminPort,
                        Handlers.path(notFound).addPrefixPath(ADMIN_PATH, admin));
                adminUrl = Listeners.url("http", config.adminHost, adminServer, ADMIN_PATH);
            }
        } catch (RuntimeException e) {
            stopListeners();
            hub.shutdown();
            throw e;
        }
        LOG.info("Realtime mock server listening on {} (admin {})", realtimeUrl, adminUrl);
        return this;
    }

    /**
     * The WebSocket URL, {@code ws://host:port/v1/realtime}.
     *
     * @throws IllegalStateException if the server is not started
     */
    @Override
    public URI realtimeUrl() {
        requireStarted();
        return realtimeUrl;
    }

    /**
     * The admin API base URL, {@code http://host:port/__admin}.
     *
     * @throws IllegalStateException if the server is not started
     */
    public URI adminUrl() {
        requireStarted();
        return adminUrl;
    }

    private void requireStarted() {
        if (realtimeUrl == null) {
            throw new IllegalStateException("the server is not started; call start() first");
        }
    }

    /** The validation mode. */
    @Override
    public ValidationMode validationMode() {
        return config.validation;
    }

    /**
     * The factory that creates the behaviour of each new session that names no scenario (see
     * {@link #scenarios()}).
     */
    @Override
    public SessionBehaviorFactory behaviorFactory() {
        return defaultFactory;
    }

    /**
     * Replaces the default behaviour factory; sessions opened from now on use it (unless they name a scenario),
     * open sessions keep theirs.
     */
    @Override
    public void behaviorFactory(SessionBehaviorFactory factory) {
        defaultFactory = Objects.requireNonNull(factory, "factory");
    }

    /** Every session since start or the last {@link #reset()}, oldest first, open or closed. */
    @Override
    public List<MockSession> sessions() {
        return hub.sessions();
    }

    /** The session with this id, if it is known. */
    @Override
    public Optional<MockSession> session(String id) {
        return hub.session(id);
    }

    /**
     * Waits for the next session that no earlier {@code awaitSession} call returned (the first call returns the
     * first session, the second the second, ...).
     *
     * @throws AssertionError if none opens within {@code timeout}
     */
    public MockSession awaitSession(Duration timeout) {
        return hub.awaitSession(timeout);
    }

    /**
     * Waits until at least {@code count} sessions have opened since start or the last reset.
     *
     * @return all sessions, oldest first
     * @throws AssertionError if fewer open within {@code timeout}
     */
    public List<MockSession> awaitSessionCount(int count, Duration timeout) {
        return hub.awaitSessionCount(count, timeout);
    }

    /**
     * Closes every open session (close code 1001, reason {@code mock server reset}), forgets all sessions,
     * removes what the admin API installed (its default scenario or replay, its named scenarios), reads the
     * scenario directory again and runs the reset listeners. A behaviour factory set through Java stays.
     */
    @Override
    public void reset() {
        hub.reset();
    }

    /** Runs {@code listener} at every {@link #reset()} (for example to forget scenario state). */
    public void addResetListener(Runnable listener) {
        hub.addResetListener(listener);
    }

    /**
     * Closes every open session (close code 1001, reason {@code mock server shutting down}), waits briefly for
     * the close handshakes, and stops the listeners. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        hub.closeSessions();
        stopListeners();
        hub.shutdown();
    }

    private void stopListeners() {
        if (mainServer != null) {
            mainServer.stop();
        }
        if (adminServer != null) {
            adminServer.stop();
        }
    }

    /** Configures a {@link MockRealtimeServer}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String adminHost = "127.0.0.1";
        private int adminPort;
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private ValidationMode validation = ValidationMode.STRICT;
        private SessionBehaviorFactory behaviorFactory;
        private SimulatorOptions simulatorOptions = SimulatorOptions.defaults();
        private int maxFrames = 20_000;
        private long maxInputAudioBytes = 64L * 1024 * 1024;
        private final List<AdminRoute> adminRoutes = new ArrayList<>();
        private EventValidator validator;
        private boolean lenient;
        private boolean separateAdmin;
        private boolean logFrames;
        private final java.util.Map<String, Scenario> scenarios = new java.util.LinkedHashMap<>();
        private Path scenarioDirectory;
        private boolean directoryStrict;
        private double directoryReplaySpeed;
        private boolean directoryFreshIds;
        private String adminToken;
        private Path adminWavFolder;

        private Builder() {
        }

        /** The address to listen on; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; default 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Where the admin API listens when it has its own listener ({@link #adminPort(int)}); default 127.0.0.1. */
        public Builder adminHost(String adminHost) {
            this.adminHost = Objects.requireNonNull(adminHost, "adminHost");
            return this;
        }

        /**
         * The admin port. Default 0: the admin API shares the main listener when {@link #host(String)} is a
         * loopback address, otherwise it gets its own listener on a free port. A port other than 0 always gives
         * the admin API its own listener on {@link #adminHost(String)}.
         */
        public Builder adminPort(int adminPort) {
            if (adminPort < 0 || adminPort > 65535) {
                throw new IllegalArgumentException("adminPort must be 0-65535, was " + adminPort);
            }
            this.adminPort = adminPort;
            return this;
        }

        /** Accepts {@code key}; once any key is added, only added keys are accepted (default: any non-empty key). */
        public Builder apiKey(String key) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("key must not be blank");
            }
            apiKeys.add(key);
            return this;
        }

        /** Accepts these keys (see {@link #apiKey(String)}). */
        public Builder apiKeys(Collection<String> keys) {
            Objects.requireNonNull(keys, "keys").forEach(this::apiKey);
            return this;
        }

        /**
         * Accept unknown and retired fields inside client events (for example the Beta-era
         * {@code session.turn_detection}) instead of answering them with {@code unknown_parameter} as the GA API
         * does; default false. Unknown top-level fields of an event are still rejected.
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** The validation mode; default {@link ValidationMode#STRICT}. */
        public Builder validation(ValidationMode validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        /**
         * The options of the default behaviour, the {@link RealtimeSimulator}; ignored when a
         * {@link #behaviorFactory(SessionBehaviorFactory)} is set.
         */
        public Builder simulatorOptions(SimulatorOptions options) {
            this.simulatorOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Shorthand for the simulator's pacing ({@link SimulatorOptions#pacing()}); default realtime. */
        public Builder pacing(SimulatorOptions.Pacing pacing) {
            this.simulatorOptions = simulatorOptions.toBuilder().pacing(Objects.requireNonNull(pacing, "pacing"))
                    .build();
            return this;
        }

        /** The initial behaviour factory; default one {@link RealtimeSimulator} shared by all sessions. */
        public Builder behaviorFactory(SessionBehaviorFactory factory) {
            this.behaviorFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The frame log bound per session (oldest entries dropped first); default 20,000. */
        public Builder maxFrames(int maxFrames) {
            if (maxFrames <= 0) {
                throw new IllegalArgumentException("maxFrames must be positive, was " + maxFrames);
            }
            this.maxFrames = maxFrames;
            return this;
        }

        /** The input audio captured per session; default 64 MiB (over 20 minutes of 24 kHz PCM). */
        public Builder maxInputAudioBytes(long maxInputAudioBytes) {
            if (maxInputAudioBytes < 0) {
                throw new IllegalArgumentException("maxInputAudioBytes must be >= 0, was " + maxInputAudioBytes);
            }
            this.maxInputAudioBytes = maxInputAudioBytes;
            return this;
        }

        /**
         * A bearer token the admin API requires ({@code Authorization: Bearer <token>}); default none. Without
         * one the admin API only listens on a loopback address ({@link #start()} refuses anything else); with
         * one it shares the main listener even when {@link #host(String)} is not loopback.
         */
        public Builder adminToken(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("adminToken must not be blank");
            }
            this.adminToken = token;
            return this;
        }

        /**
         * The folder from which the {@code {{wav PATH}}} placeholders of scenarios uploaded through the admin API
         * ({@code PUT /__admin/scenario}) may read files: relative paths inside it only, no {@code ..}, no
         * absolute paths, no symbolic links out of it. Default none: such scenarios read class path resources
         * only.
         */
        public Builder adminWavFolder(Path folder) {
            this.adminWavFolder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Adds an admin route below {@code /__admin} next to the built-in ones. */
        public Builder adminRoute(AdminRoute route) {
            adminRoutes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Adds a named scenario; a session runs it when its URL says {@code ?scenario=NAME} (see
         * {@link MockRealtimeServer#realtimeUrl(String)}).
         *
         * @throws IllegalArgumentException if {@code name} is not 1-100 letters, digits, '.', '_' or '-'
         */
        public Builder scenario(String name, Scenario scenario) {
            Objects.requireNonNull(scenario, "scenario");
            ScenarioCatalog.requireName(name);
            scenarios.put(name, scenario);
            return this;
        }

        /**
         * Loads every scenario ({@code .yaml}, {@code .yml}, {@code .json}) and recording ({@code .jsonl}) of
         * {@code dir}, each named after its file; changed files are reloaded before the next session that names
         * one. Recordings replay without gaps ({@code replaySpeed} 0).
         */
        public Builder scenarioDirectory(Path dir) {
            return scenarioDirectory(dir, false, 0, false);
        }

        /**
         * Like {@link #scenarioDirectory(Path)}, with the options of the CLI's {@code --strict},
         * {@code --replay-speed} and {@code --fresh-ids}.
         */
        public Builder scenarioDirectory(Path dir, boolean strict, double replaySpeed, boolean freshIds) {
            if (!(replaySpeed >= 0) || Double.isInfinite(replaySpeed)) {
                throw new IllegalArgumentException("replaySpeed: must be a finite number >= 0, was " + replaySpeed);
            }
            this.scenarioDirectory = Objects.requireNonNull(dir, "dir");
            this.directoryStrict = strict;
            this.directoryReplaySpeed = replaySpeed;
            this.directoryFreshIds = freshIds;
            return this;
        }

        /**
         * Logs every frame (logger {@code dev.realtimetck.mockserver.frames}, level INFO; the CLI's
         * {@code --verbose}), abbreviated, with anything shaped like an API key or client secret redacted. Default
         * off.
         */
        public Builder logFrames(boolean logFrames) {
            this.logFrames = logFrames;
            return this;
        }

        Builder separateAdmin(boolean separateAdmin) {
            this.separateAdmin = separateAdmin;
            return this;
        }

        Builder validator(EventValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * A server with this configuration, not started.
         *
         * @throws dev.realtimetck.mockserver.scenario.ScenarioException if the scenario directory does not load
         */
        public MockRealtimeServer build() {
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.adminHost = adminHost;
            copy.adminPort = adminPort;
            copy.apiKeys.addAll(apiKeys);
            copy.validation = validation;
            copy.simulatorOptions = simulatorOptions;
            copy.behaviorFactory = behaviorFactory != null
                    ? behaviorFactory
                    : RealtimeSimulator.factory(simulatorOptions); // the default behaviour
            copy.maxFrames = maxFrames;
            copy.maxInputAudioBytes = maxInputAudioBytes;
            copy.adminRoutes.addAll(adminRoutes);
            copy.validator = validator != null ? validator : new SchemaEventValidator(ProtocolSchemas.get(), lenient);
            copy.lenient = lenient;
            copy.separateAdmin = separateAdmin;
            copy.logFrames = logFrames;
            copy.scenarios.putAll(scenarios);
            copy.scenarioDirectory = scenarioDirectory;
            copy.directoryStrict = directoryStrict;
            copy.directoryReplaySpeed = directoryReplaySpeed;
            copy.directoryFreshIds = directoryFreshIds;
            copy.adminToken = adminToken;
            copy.adminWavFolder = adminWavFolder;
            return new MockRealtimeServer(copy);
        }

        /** Builds and starts the server. */
        public MockRealtimeServer start() {
            return build().start();
        }
    }
}
