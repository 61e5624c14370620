package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.broken.BrokenHistory;
import dev.realtimetck.tck.broken.BrokenInterrupts;
import dev.realtimetck.tck.broken.BrokenResilience;
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

    /** RESIL group on a transport that reports a server's clean close as an error. */
    public static class ErrorOnServerCloseRun implements ResilienceRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenResilience.ErrorOnServerClose(reference(s));
        }
    }

    /** RESIL group on a transport whose listeners get events through a bounded, dropping queue. */
    public static class DropsEventsWhenListenersLagRun implements ResilienceRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenResilience.DropsEventsWhenListenersLag(reference(s));
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

    /** CLIENT group on a transport whose interrupt cancels before any output audio. */
    public static class InterruptBeforeAudioRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.InterruptBeforeAudio(reference(s));
        }
    }

    /** CLIENT group on a transport whose interrupt does nothing after response.output_audio.done (0.17). */
    public static class NoopAfterAudioDoneRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenInterrupts(reference(s), BrokenInterrupts.Flaw.NOOP_AFTER_AUDIO_DONE);
        }
    }

    /** CLIENT group on a transport that truncates audio that has played out. */
    public static class TruncatePlayedOutRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenInterrupts(reference(s), BrokenInterrupts.Flaw.TRUNCATE_PLAYED_OUT);
        }
    }

    /** CLIENT group on a transport whose audio tracking spans parts (0.17). */
    public static class SpansPartsRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenInterrupts(reference(s), BrokenInterrupts.Flaw.SPANS_PARTS);
        }
    }

    /** CLIENT group on a transport that always uses the session's output format (0.17). */
    public static class SessionFormatOnlyRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenInterrupts(reference(s), BrokenInterrupts.Flaw.SESSION_FORMAT_ONLY);
        }
    }

    /** CLIENT group on a transport that assumes 24 kHz PCM for every output format. */
    public static class FixedPcmRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenInterrupts(reference(s), BrokenInterrupts.Flaw.FIXED_PCM);
        }
    }

    /** CLIENT group on a transport that creates added messages before changed ones (0.17). */
    public static class AdditionsFirstRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenHistory(reference(s), BrokenHistory.Flaw.ADDITIONS_FIRST);
        }
    }

    /** CLIENT group on a transport whose history creates carry no previous_item_id (0.17). */
    public static class NoAnchorsRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenHistory(reference(s), BrokenHistory.Flaw.NO_ANCHORS);
        }
    }

    /** CLIENT group on a transport whose history frames carry no event_id (0.17). */
    public static class NoHistoryEventIdsRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenHistory(reference(s), BrokenHistory.Flaw.NO_EVENT_IDS);
        }
    }

    /** CLIENT group on a transport that skips MCP history changes silently (0.17). */
    public static class McpSkippedRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenHistory(reference(s), BrokenHistory.Flaw.MCP_SKIPPED);
        }
    }

    /** CLIENT group on a transport that ignores unanswered history requests when anchoring. */
    public static class NoPendingRun implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenHistory(reference(s), BrokenHistory.Flaw.NO_PENDING);
        }
    }

    /** SERVER group on a transport that reports a retrieved message's previous_item_id. */
    public static class RetrievedKeepsPreviousItemRun implements ServerEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.RetrievedKeepsPreviousItem(reference(s));
        }
    }

    /** SERVER group on a transport that reports a null previous_item_id as absent. */
    public static class PlacementLostRun implements ServerEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings s) {
            return new BrokenTransports.PlacementLost(reference(s));
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
                Arguments.of(NoReconnectRun.class, Set.of("RT-RESIL-001", "RT-RESIL-002", "RT-RESIL-008", "RT-RESIL-009",
                        "RT-RESIL-010", "RT-RESIL-011")),
                Arguments.of(ErrorOnServerCloseRun.class, Set.of("RT-RESIL-010")),
                Arguments.of(DropsEventsWhenListenersLagRun.class, Set.of("RT-RESIL-012")),
                Arguments.of(UnsafeConcurrentSendsRun.class, Set.of("RT-THREAD-002")),
                Arguments.of(ListenerExceptionKillsDispatchRun.class, Set.of("RT-THREAD-001")),
                Arguments.of(ListenerHoldsSendLockRun.class, Set.of("RT-THREAD-005")),
                Arguments.of(PcmOnlyFormatsRun.class, Set.of("RT-CLIENT-024", "RT-CLIENT-028")),
                Arguments.of(CancelAfterDoneRun.class, Set.of("RT-CLIENT-026")),
                Arguments.of(InputTranscriptsAsOutputRun.class, Set.of("RT-SERVER-017")),
                Arguments.of(ForgetsConnectModelRun.class, Set.of("RT-CONN-014")),
                Arguments.of(ErrorOnFailedConnectRun.class, Set.of("RT-RESIL-008")),
                Arguments.of(InterruptBeforeAudioRun.class, Set.of("RT-CLIENT-015")),
                Arguments.of(NoopAfterAudioDoneRun.class, Set.of("RT-CLIENT-031")),
                Arguments.of(TruncatePlayedOutRun.class, Set.of("RT-CLIENT-032")),
                Arguments.of(SpansPartsRun.class, Set.of("RT-CLIENT-033")),
                Arguments.of(AdditionsFirstRun.class, Set.of("RT-CLIENT-020")),
                Arguments.of(NoAnchorsRun.class, Set.of("RT-CLIENT-034")),
                Arguments.of(NoHistoryEventIdsRun.class, Set.of("RT-CLIENT-035")),
                Arguments.of(McpSkippedRun.class, Set.of("RT-CLIENT-036")),
                Arguments.of(RetrievedKeepsPreviousItemRun.class, Set.of("RT-SERVER-013")));
    }

    /** Broken transports that violate SHOULD rules: run with -Dtck.strict=true, where a missed SHOULD fails. */
    static Stream<Arguments> brokenTransportsStrict() {
        return Stream.of(
                Arguments.of(RepeatedFunctionCallsRun.class, Set.of("RT-SERVER-019")),
                Arguments.of(ConnectIgnoresListenerFailureRun.class, Set.of("RT-CONN-016")),
                Arguments.of(SessionFormatOnlyRun.class, Set.of("RT-CLIENT-038")),
                Arguments.of(FixedPcmRun.class, Set.of("RT-CLIENT-025", "RT-CLIENT-038")),
                Arguments.of(NoPendingRun.class, Set.of("RT-CLIENT-037")),
                Arguments.of(PlacementLostRun.class, Set.of("RT-SERVER-022")));
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
