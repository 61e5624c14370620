package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.support.MiniTransport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict vocabulary, checked on a nested run of one rule group over the minimal test transport: an
 * unsupported capability is UNSUPPORTED (and passes), a violated MUST fails, a violated SHOULD is NON_STRICT and
 * passes unless strict mode is on.
 */
class VerdictSemanticsTest {

    /** The connection and client groups over the minimal transport. */
    public static class MiniConnection implements ConnectionRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
            return new MiniTransport();
        }
    }

    /** The client-event group over the minimal transport. */
    public static class MiniClient implements ClientEventRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
            return new MiniTransport();
        }
    }

    @Test
    void unsupportedMustAndShouldVerdicts() {
        Map<String, TckLauncherRun.Outcome> conn = TckLauncherRun.run(MiniConnection.class, Map.of());
        assertThat(conn.get("RT-CONN-012").verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(conn.get("RT-CONN-001").verdict()).isEqualTo(Verdict.PASS);
        assertThat(conn.get("RT-CONN-004").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(conn.get("RT-CONN-004").message()).startsWith("[RT-CONN-004 MUST] ");
        assertThat(conn.keySet()).allMatch(id -> id.startsWith("RT-CONN-"));

        Map<String, TckLauncherRun.Outcome> client = TckLauncherRun.run(MiniClient.class, Map.of());
        assertThat(client.get("RT-CLIENT-011").verdict()).as("a violated SHOULD").isEqualTo(Verdict.NON_STRICT);
        assertThat(client.get("RT-CLIENT-011").message()).startsWith("[RT-CLIENT-011 SHOULD] ");
        Map<String, TckLauncherRun.Outcome> strict = TckLauncherRun.run(MiniClient.class, Map.of("tck.strict", "true"));
        assertThat(strict.get("RT-CLIENT-011").verdict()).as("a violated SHOULD in strict mode").isEqualTo(Verdict.FAIL);
    }
}
