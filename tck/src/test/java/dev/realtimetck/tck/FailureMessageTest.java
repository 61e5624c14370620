package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.mockserver.core.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    private static final Rule RULE = new Rule("RT-CLIENT-008", RuleLevel.MUST, "CLIENT",
            "sendAudio sends standard base64.", "A14", null);

    private static Frame client(long seq, String text) {
        return new Frame(Frame.Direction.CLIENT, seq, Duration.ofMillis(10 * seq), Frame.Kind.TEXT, text, null, null,
                null);
    }

    @Test
    void startsWithRuleThenExpectedActualThenOffendingThenLastFrames() {
        List<Frame> log = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            log.add(client(i, "{\"type\":\"e" + i + "\"}"));
        }
        Frame bad = client(7, "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AQID_w\"}");
        String message = FailureMessage.format(RULE, new TckViolation("audio AQID/w==", "audio AQID_w", List.of(bad))
                .getMessage(), List.of(bad), log);
        String[] lines = message.split("\n");
        assertThat(lines[0]).isEqualTo("[RT-CLIENT-008 MUST] sendAudio sends standard base64.");
        assertThat(lines[1]).isEqualTo("Expected: audio AQID/w==");
        assertThat(lines[2]).isEqualTo("Actual:   audio AQID_w");
        assertThat(lines[3]).isEqualTo("Offending frame(s):");
        assertThat(lines[4]).startsWith("  #7 CLIENT TEXT @70ms").contains("AQID_w");
        assertThat(lines[5]).isEqualTo("Last 12 frame(s) of the wire log (of 20):");
        assertThat(lines[6]).startsWith("  #8 CLIENT");
        assertThat(lines[17]).startsWith("  #19 CLIENT");
        assertThat(lines[18]).isEqualTo("Source: docs/transport-behaviour.md#a14 (every rule is listed in tck/SPEC.md)");
    }

    @Test
    void longPayloadsAreShortened() {
        String big = "{\"type\":\"x\",\"audio\":\"" + "A".repeat(5000) + "\"}";
        String message = FailureMessage.format(RULE, "boom", List.of(client(1, big)), List.of(client(1, big)));
        assertThat(message.lines().filter(l -> l.contains("#1 CLIENT")))
                .allSatisfy(l -> assertThat(l.length()).isLessThan(FailureMessage.MAX_PAYLOAD + 60));
    }

    @Test
    void plainAssertionMessagesGetAnExpectedLineAndAnEmptyLogIsSaid() {
        String message = FailureMessage.format(RULE, "expected 1 but was 2", List.of(), List.of());
        assertThat(message).startsWith("[RT-CLIENT-008 MUST]")
                .contains("Actual:   expected 1 but was 2")
                .contains("Wire log: no frames")
                .doesNotContain("Offending");
    }

    @Test
    void aRuleOfTheJavaRenderingNamesItsJRuleAsItsSource() {
        // the threading contract is rule J2 of docs/transport-behaviour.md since the Java rules (section J) exist
        Rule rule = new Rule("RT-THREAD-005", RuleLevel.MUST, "THREAD", "A blocked listener blocks no sender.",
                "J2", null);
        String message = FailureMessage.format(rule, "blocked", List.of(), List.of());
        assertThat(message.lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("Source: docs/transport-behaviour.md#j2 (every rule is listed in tck/SPEC.md)");
    }
}
