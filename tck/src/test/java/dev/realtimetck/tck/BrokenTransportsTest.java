package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.broken.BrokenTransports;
import dev.realtimetck.tck.example.ExampleTransportTckTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that the TCK catches broken transports: each deliberately broken transport (a decorator of the reference
 * transport that violates one rule) runs through its rule group in a nested JUnit Platform run, and exactly the
 * targeted rules must fail, each with a message that starts with its rule id.
 */
class BrokenTransportsTest {

    private static RealtimeTransportLayer reference(TckTransportSettings settings) {
        return ExampleTransportTckTest.referenceTransport(settings);
    }

    /** CONN group on a transport that never delivers connection_change. */
    public static class MissingConnectionChangeRun implements ConnectionRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.MissingConnectionChange(reference(s));
        }
    }

    /** CONN group on a transport that delivers every event twice. */
    public static class DuplicateEventsRun implements ConnectionRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.DuplicateEvents(reference(s));
        }
    }

    /** CLIENT group on a transport with URL-safe, unpadded base64 audio. */
    public static class WrongBase64Run implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.WrongBase64(reference(s));
        }
    }

    /** CLIENT group on a transport that sends tracing with updateSessionConfig. */
    public static class LeakedTracingRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.LeakedTracing(reference(s));
        }
    }

    /** CLIENT group on a transport that never commits audio. */
    public static class NoCommitRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.NoCommit(reference(s));
        }
    }

    /** SERVER group on a transport that swallows server errors. */
    public static class SwallowedErrorsRun implements ServerEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.SwallowedErrors(reference(s));
        }
    }

    /** SEQ group on a transport that drops response requests made during an active response. */
    public static class LostResponseRequestsRun implements SequencingRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.LostResponseRequests(reference(s));
        }
    }

    /** RESIL group on a transport that cannot reconnect. */
    public static class NoReconnectRun implements ResilienceRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.NoReconnect(reference(s));
        }
    }

    /** THREAD group on a transport whose sends are not thread-safe. */
    public static class UnsafeConcurrentSendsRun implements ThreadingRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.UnsafeConcurrentSends(reference(s));
        }
    }

    /** THREAD group on a transport where a throwing listener kills dispatch. */
    public static class ListenerExceptionKillsDispatchRun implements ThreadingRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.ListenerExceptionKillsDispatch(reference(s));
        }
    }

    /** THREAD group on a transport that calls listeners while holding the lock its senders take. */
    public static class ListenerHoldsSendLockRun implements ThreadingRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.ListenerHoldsSendLock(reference(s));
        }
    }

    /** CLIENT group on a transport that sends every audio format as 24 kHz PCM. */
    public static class PcmOnlyFormatsRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.PcmOnlyFormats(reference(s));
        }
    }

    /** CLIENT group on a transport that cancels on interrupt even after response.done. */
    public static class CancelAfterDoneRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.CancelAfterDone(reference(s));
        }
    }

    /** SERVER group on a transport that reports partial input transcriptions as output transcript deltas. */
    public static class InputTranscriptsAsOutputRun implements ServerEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.InputTranscriptsAsOutput(reference(s));
        }
    }

    /** SERVER group on a transport that reports a completed function call once per output item event. */
    public static class RepeatedFunctionCallsRun implements ServerEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.RepeatedFunctionCalls(reference(s));
        }
    }

    /** CONN group on a transport that falls back to a fixed model instead of the last connected one. */
    public static class ForgetsConnectModelRun implements ConnectionRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.ForgetsConnectModel(reference(s), TckHarness.MODEL);
        }
    }

    /** CONN group on a transport whose connect ignores a failing connected listener. */
    public static class ConnectIgnoresListenerFailureRun implements ConnectionRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.ConnectIgnoresListenerFailure(reference(s));
        }
    }

    /** RESIL group on a transport that reports every failed connect as an error. */
    public static class ErrorOnFailedConnectRun implements ResilienceRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.ErrorOnFailedConnect(reference(s));
        }
    }

    static Stream<Arguments> brokenTransports() {
        return Stream.of(
                Arguments.of(MissingConnectionChangeRun.class,
                        Set.of("RT-CONN-002", "RT-CONN-003", "RT-CONN-007", "RT-CONN-008", "RT-CONN-013")),
                Arguments.of(DuplicateEventsRun.class, Set.of("RT-CONN-002", "RT-CONN-007", "RT-CONN-008",
                        "RT-CONN-013")),
                Arguments.of(WrongBase64Run.class, Set.of("RT-CLIENT-008", "RT-CLIENT-009", "RT-CLIENT-029")),
                Arguments.of(NoCommitRun.class, Set.of("RT-CLIENT-008")),
                Arguments.of(LeakedTracingRun.class, Set.of("RT-CLIENT-023")),
                Arguments.of(SwallowedErrorsRun.class, Set.of("RT-SERVER-004")),
                Arguments.of(LostResponseRequestsRun.class, Set.of("RT-SEQ-003", "RT-SEQ-005", "RT-SEQ-008")),
                Arguments.of(NoReconnectRun.class, Set.of("RT-RESIL-001", "RT-RESIL-002", "RT-RESIL-008", "RT-RESIL-009")),
                Arguments.of(UnsafeConcurrentSendsRun.class, Set.of("RT-THREAD-002")),
                Arguments.of(ListenerExceptionKillsDispatchRun.class, Set.of("RT-THREAD-001")),
                Arguments.of(ListenerHoldsSendLockRun.class, Set.of("RT-THREAD-005")),
                Arguments.of(PcmOnlyFormatsRun.class, Set.of("RT-CLIENT-024", "RT-CLIENT-028")),
                Arguments.of(CancelAfterDoneRun.class, Set.of("RT-CLIENT-026")),
                Arguments.of(InputTranscriptsAsOutputRun.class, Set.of("RT-SERVER-017")),
                Arguments.of(ForgetsConnectModelRun.class, Set.of("RT-CONN-014")),
                Arguments.of(ErrorOnFailedConnectRun.class, Set.of("RT-RESIL-008")));
    }

    /** Broken transports that violate SHOULD rules: run with -Dtck.strict=true, where a missed SHOULD fails. */
    static Stream<Arguments> brokenTransportsStrict() {
        return Stream.of(
                Arguments.of(RepeatedFunctionCallsRun.class, Set.of("RT-SERVER-019")),
                Arguments.of(ConnectIgnoresListenerFailureRun.class, Set.of("RT-CONN-016")));
    }

    @ParameterizedTest(name = "{0} (strict)")
    @MethodSource("brokenTransportsStrict")
    void exactlyTheTargetedShouldRulesFailInStrictMode(Class<?> run, Set<String> targeted) {
        Map<String, TckLauncherRun.Outcome> outcomes = TckLauncherRun.run(run, Map.of("tck.strict", "true"));
        assertFailures(run, outcomes, targeted);
    }

    @org.junit.jupiter.api.Test
    void aViolatedShouldIsNonStrictNotFail() {
        Map<String, TckLauncherRun.Outcome> outcomes = TckLauncherRun.run(ListenerExceptionKillsDispatchRun.class,
                Map.of());
        assertThat(outcomes.get("RT-THREAD-004").verdict()).as("RT-THREAD-004 (SHOULD) when listener exceptions "
                + "are swallowed instead of reported").isEqualTo(Verdict.NON_STRICT);
        assertThat(outcomes.get("RT-THREAD-004").message()).startsWith("[RT-THREAD-004 SHOULD] ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTransports")
    void exactlyTheTargetedRulesFail(Class<?> run, Set<String> targeted) {
        Map<String, TckLauncherRun.Outcome> outcomes = TckLauncherRun.run(run, Map.of());
        assertFailures(run, outcomes, targeted);
    }

    private static void assertFailures(Class<?> run, Map<String, TckLauncherRun.Outcome> outcomes, Set<String> targeted) {
        Set<String> failed = new TreeSet<>();
        outcomes.forEach((rule, outcome) -> {
            if (outcome.verdict() == Verdict.FAIL) {
                failed.add(rule);
                assertThat(outcome.message()).as("failure message of " + rule).startsWith("[" + rule + " ");
            }
        });
        assertThat(failed).as("rules failing for " + run.getSimpleName() + " (all outcomes: " + summary(outcomes) + ")")
                .isEqualTo(new TreeSet<>(targeted));
    }

    private static String summary(Map<String, TckLauncherRun.Outcome> outcomes) {
        return outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().verdict())
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
