package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProtocolOptionsTest {

    @Test
    void defaults_and_copies() {
        ProtocolOptions defaults = ProtocolOptions.defaults();
        assertThat(defaults.responseCreateTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.eventIdPrefix()).isNotEmpty();
        assertThat(defaults.withResponseCreateTimeout(Duration.ofMillis(5)).responseCreateTimeout())
                .isEqualTo(Duration.ofMillis(5));
        assertThat(defaults.withNanoClock(() -> 42L).nanoClock().getAsLong()).isEqualTo(42L);
    }

    @Test
    void invalid_values_name_the_field() {
        assertThatThrownBy(() -> new ProtocolOptions(Duration.ZERO, System::nanoTime, "p"))
                .hasMessageContaining("responseCreateTimeout");
        assertThatThrownBy(() -> new ProtocolOptions(null, System::nanoTime, "p"))
                .hasMessageContaining("responseCreateTimeout");
        assertThatThrownBy(() -> new ProtocolOptions(Duration.ofSeconds(1), null, "p"))
                .hasMessageContaining("nanoClock");
        assertThatThrownBy(() -> new ProtocolOptions(Duration.ofSeconds(1), System::nanoTime, ""))
                .hasMessageContaining("eventIdPrefix");
    }

    @Test
    void protocol_arguments_are_checked_by_name() {
        ProtocolHarness h = new ProtocolHarness();
        assertThatThrownBy(() -> h.protocol.sendAudio(null, false)).hasMessageContaining("audio");
        assertThatThrownBy(() -> h.protocol.sendMessage(null, null, true)).hasMessageContaining("message");
        assertThatThrownBy(() -> h.protocol.updateSessionConfig(null)).hasMessageContaining("config");
        assertThatThrownBy(() -> h.protocol.sendInitialSessionUpdate(null, null)).hasMessageContaining("model");
        assertThat(h.frames).isEmpty();
    }
}
