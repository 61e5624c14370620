package dev.realtimetck.mockserver.junit;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.replay.MockScenarios;
import dev.realtimetck.mockserver.scenario.ScenarioBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that starts a {@link MockRealtimeServer} before the tests, injects it as a parameter and
 * closes it afterwards. Use it through {@link MockServerTest}, or register a configured instance:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MockRealtimeServerExtension mock = MockRealtimeServerExtension.perClass(
 *         MockRealtimeServer.builder().apiKey("sk-test"));
 * // mock.server() inside tests
 * }</pre>
 *
 * <p>A static field gives one server per class ({@link #perClass}); an instance field, or {@link #perTest}, one
 * server per test method.
 *
 * <p>After each test, the extension fails it when a session the test opened recorded problems (unexpected or
 * out-of-order client events, schema violations, scenario mismatches, behaviour failures), with every report in
 * the failure message; {@link MockServerTest#failOnProblems()} or {@link #failOnProblems(boolean)} opts out. An
 * {@code expect} still waiting when the session ended ({@code ScenarioBehavior.UNFINISHED}) does not count: whether
 * the server sees the client's close before the test ends is a race.
 */
public final class MockRealtimeServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockRealtimeServerExtension.class);
    private static final String KEY = "server";
    private static final String PREVIOUS_FACTORY = "previous-behavior-factory";
    private static final String SESSIONS_BEFORE = "sessions-before";
    private static final Duration IDLE_WAIT = Duration.ofSeconds(2);

    private final MockRealtimeServer.Builder builder;
    private final Boolean perTest;
    private final boolean failOnProblems;
    private volatile MockRealtimeServer current;

    /** Used by {@link MockServerTest}: reads its configuration from the annotation. */
    public MockRealtimeServerExtension() {
        this.builder = null;
        this.perTest = null;
        this.failOnProblems = true;
    }

    private MockRealtimeServerExtension(MockRealtimeServer.Builder builder, boolean perTest, boolean failOnProblems) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.perTest = perTest;
        this.failOnProblems = failOnProblems;
    }

    /**
     * This extension, failing (the default) or not failing tests whose sessions recorded problems; see
     * {@link MockServerTest#failOnProblems()}.
     */
    public MockRealtimeServerExtension failOnProblems(boolean fail) {
        return builder == null ? this : new MockRealtimeServerExtension(builder, perTest, fail);
    }

    /** One server per test class, built from {@code builder}. */
    public static MockRealtimeServerExtension perClass(MockRealtimeServer.Builder builder) {
        return new MockRealtimeServerExtension(builder, false, true);
    }

    /** One server per test method, each built from {@code builder}. */
    public static MockRealtimeServerExtension perTest(MockRealtimeServer.Builder builder) {
        return new MockRealtimeServerExtension(builder, true, true);
    }

    /**
     * The server of the running test.
     *
     * @throws IllegalStateException outside a test
     */
    public MockRealtimeServer server() {
        MockRealtimeServer server = current;
        if (server == null) {
            throw new IllegalStateException("no mock server is running; server() works inside tests only");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isPerTest(context)) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (isPerTest(context) || find(context).isEmpty()) {
            start(context);
        } else {
            applyMethodScenario(context);
        }
        find(context).ifPresent(server -> context.getStore(NAMESPACE).put(SESSIONS_BEFORE,
                server.sessions().stream().map(MockSession::id).collect(Collectors.toSet())));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            verifyNoProblems(context);
        } finally {
            restoreAndStop(context);
        }
    }

    /** Fails the test when a session it opened recorded problems (unless opted out). */
    private void verifyNoProblems(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NAMESPACE).remove(SESSIONS_BEFORE, Set.class);
        Optional<MockRealtimeServer> server = find(context);
        if (!shouldFailOnProblems(context) || server.isEmpty()) {
            return;
        }
        List<String> reports = new ArrayList<>();
        for (MockSession session : server.get().sessions()) {
            if (before != null && before.contains(session.id())) {
                continue;
            }
            session.awaitIdle(IDLE_WAIT);
            List<String> problems = session.problems().stream()
                    .filter(p -> !p.contains(ScenarioBehavior.UNFINISHED)).toList();
            if (!problems.isEmpty()) {
                reports.add("Session " + session.id() + " recorded " + problems.size() + " problem(s):\n"
                        + String.join("\n", problems.stream().map(p -> "- " + p.replace("\n", "\n  ")).toList()));
            }
        }
        if (!reports.isEmpty()) {
            throw new AssertionError("The mock Realtime server recorded problems during "
                    + context.getDisplayName() + " (opt out with @MockServerTest(failOnProblems = false)):\n"
                    + String.join("\n", reports));
        }
    }

    private boolean shouldFailOnProblems(ExtensionContext context) {
        if (builder != null) {
            return failOnProblems;
        }
        return annotation(context).map(MockServerTest::failOnProblems).orElse(true);
    }

    private void restoreAndStop(ExtensionContext context) {
        SessionBehaviorFactory previous = context.getStore(NAMESPACE).remove(PREVIOUS_FACTORY, SessionBehaviorFactory.class);
        if (previous != null) {
            find(context).ifPresent(server -> server.behaviorFactory(previous));
        }
        stop(context);
    }

    /** A method's {@code @MockScenario} on a shared (per-class) server: installed for this test, restored after. */
    private void applyMethodScenario(ExtensionContext context) {
        context.getTestMethod().flatMap(MockScenarios::factoryFor).ifPresent(factory -> find(context).ifPresent(server -> {
            context.getStore(NAMESPACE).put(PREVIOUS_FACTORY, server.behaviorFactory());
            server.behaviorFactory(factory);
        }));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockRealtimeServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return find(context).orElseThrow(() -> new ParameterResolutionException(
                "No mock server is running for " + context.getDisplayName() + "; with perTest the server exists "
                        + "only for test and @BeforeEach/@AfterEach methods, not constructors or @BeforeAll."));
    }

    private void start(ExtensionContext context) {
        MockRealtimeServer server = newBuilder(context).start();
        // @MockScenario on the test method, else on the test class, drives the sessions of this server
        MockScenarios.factoryFor(context.getTestMethod().orElse(null), context.getTestClass().orElse(null))
                .ifPresent(server::behaviorFactory);
        context.getStore(NAMESPACE).put(KEY, server);
        current = server;
    }

    private void stop(ExtensionContext context) {
        MockRealtimeServer server = context.getStore(NAMESPACE).remove(KEY, MockRealtimeServer.class);
        if (server != null) {
            server.close();
            current = context.getParent().flatMap(MockRealtimeServerExtension::find).orElse(null);
        }
    }

    /**
     * The server this extension runs for {@code context} (the test's own, else its class's), for other
     * extensions that configure it, for example to install a scenario before each test.
     */
    public static Optional<MockRealtimeServer> serverFor(ExtensionContext context) {
        return find(Objects.requireNonNull(context, "context"));
    }

    private static Optional<MockRealtimeServer> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(KEY, MockRealtimeServer.class));
    }

    private boolean isPerTest(ExtensionContext context) {
        if (perTest != null) {
            return perTest;
        }
        return annotation(context).map(MockServerTest::perTest).orElse(false);
    }

    private MockRealtimeServer.Builder newBuilder(ExtensionContext context) {
        if (builder != null) {
            return builder;
        }
        MockRealtimeServer.Builder fresh = MockRealtimeServer.builder();
        annotation(context).ifPresent(a -> {
            fresh.validation(a.validation()).apiKeys(List.of(a.apiKeys()));
            for (String location : a.scenarios()) {
                var named = MockScenarios.named(location);
                fresh.scenario(named.getKey(), named.getValue());
            }
        });
        return fresh;
    }

    private static Optional<MockServerTest> annotation(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, MockServerTest.class));
    }
}
