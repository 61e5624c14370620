package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void invalidValuesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> SimulatorOptions.builder().audioChunk(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("audioChunk");
        assertThatThrownBy(() -> SimulatorOptions.builder().vadFrame(Duration.ZERO).build())
                .hasMessageStartingWith("vadFrame");
        assertThatThrownBy(() -> SimulatorOptions.builder().speechMillisPerCharacter(0).build())
                .hasMessageStartingWith("speechMillisPerCharacter");
        assertThatThrownBy(() -> SimulatorOptions.builder().vadRmsRange(0.5, 0.1).build())
                .hasMessageStartingWith("vadRmsAtThresholdZero");
        assertThatThrownBy(() -> SimulatorOptions.builder().replyStrategy(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("replyStrategy");
        assertThatThrownBy(() -> SimulatorOptions.builder().defaultModel(" ").build())
                .hasMessageStartingWith("defaultModel");
    }

    @Test
    void thresholdMapsLogarithmicallyBetweenTheEnds() {
        SimulatorOptions o = SimulatorOptions.builder().vadRmsRange(0.001, 0.1).build();
        assertThat(o.vadRmsThreshold(0)).isCloseTo(0.001, within(1e-12));
        assertThat(o.vadRmsThreshold(1)).isCloseTo(0.1, within(1e-12));
        assertThat(o.vadRmsThreshold(0.5)).isCloseTo(0.01, within(1e-12));
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }

    @Test
    void fixedReplyStrategyAndConversationCreatedSwitch() {
        SimulatorOptions options = SimulatorOptions.builder().replyStrategy(ReplyStrategy.fixed("Fixed."))
                .sendConversationCreated(false).defaultModel("m1").build();
        SimulatorHarness h = SimulatorHarness.open(options);
        assertThat(SimulatorHarness.types(h.ctx.sent().stream().map(FakeSessionContext.Sent::event).toList()))
                .containsExactly("session.created");
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        assertThat(single(h.take(), "response.output_text.done").path("text").asString()).isEqualTo("Fixed.");
    }
}
