package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.bridge.BridgeProcess;
import dev.realtimetck.tck.bridge.BridgedTransport;
import dev.realtimetck.tck.bridge.JavaAdapters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Proves that a rule fails over the bridge when the adapter's transport breaks it: the Java adapter wraps the
 * reference transport in one of the broken decorators ({@code --break=Name}), a rule group runs over the bridge in a
 * nested JUnit run, and exactly the rules that decorator breaks in process fail, each with its rule id first.
 */
class BrokenAdapterTest {

    /** A group run over the bridge on one adapter process per run class. */
    abstract static class OverBridge implements TransportUnderTest {
        private static final Map<String, BridgeProcess> PROCESSES = new java.util.concurrent.ConcurrentHashMap<>();

        abstract String broken();

        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
            BridgeProcess p = PROCESSES.compute(broken(), (k, old) -> old != null && old.isAlive() ? old
                    : BridgeProcess.start(JavaAdapters.command("--break=" + k), settings.signalTimeout()));
            return BridgedTransport.create(p, settings);
        }

        static void closeAll() {
            PROCESSES.values().forEach(BridgeProcess::close);
            PROCESSES.clear();
        }
    }

    /** CLIENT group over the bridge, on a transport with URL-safe, unpadded base64 audio. */
    public static class WrongBase64OverBridge extends OverBridge implements ClientEventRules {
        @Override
        String broken() {
            return "WrongBase64";
        }
    }

    /** THREAD group over the bridge, on a transport whose dispatch dies when a listener throws. */
    public static class ListenerExceptionKillsDispatchOverBridge extends OverBridge implements ThreadingRules {
        @Override
        String broken() {
            return "ListenerExceptionKillsDispatch";
        }
    }

    @Test
    void wrongBase64FailsTheAudioRulesOverTheBridge() {
        try {
            assertFailures(TckLauncherRun.run(WrongBase64OverBridge.class, Map.of()),
                    Set.of("RT-CLIENT-008", "RT-CLIENT-009", "RT-CLIENT-029"));
        } finally {
            OverBridge.closeAll();
        }
    }

    /** A TCK listener's exception crosses the bridge and stops the adapter transport's dispatch, as in process. */
    @Test
    void listenerExceptionsReachTheAdapterTransport() {
        try {
            assertFailures(TckLauncherRun.run(ListenerExceptionKillsDispatchOverBridge.class, Map.of()),
                    Set.of("RT-THREAD-001"));
        } finally {
            OverBridge.closeAll();
        }
    }

    private static void assertFailures(Map<String, TckLauncherRun.Outcome> outcomes, Set<String> targeted) {
        Set<String> failed = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        outcomes.forEach((rule, outcome) -> {
            all.append(rule).append('=').append(outcome.verdict()).append(' ');
            if (outcome.verdict() == Verdict.FAIL) {
                failed.add(rule);
                assertThat(outcome.message()).as("failure message of " + rule).startsWith("[" + rule + " ");
            }
        });
        assertThat(failed).as("rules failing over the bridge (all outcomes: " + all + ")")
                .isEqualTo(new TreeSet<>(targeted));
    }
}
