package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TckTimingTest {

    @Test
    void defaultsAreFiveSecondsAndThreeHundredMillis() {
        TckTiming timing = TckTiming.from(k -> Optional.empty(), k -> null);
        assertThat(timing.signalTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timing.noSignalWindow()).isEqualTo(Duration.ofMillis(300));
        assertThat(timing.timeScale()).isEqualTo(1.0);
        assertThat(timing).isEqualTo(TckTiming.defaults());
    }

    @Test
    void parametersWinOverEnvironmentAndScaleApplies() {
        Map<String, String> params = Map.of("tck.signalTimeoutMs", "2000", "tck.timeScale", "2.5");
        Map<String, String> env = Map.of("TCK_SIGNAL_TIMEOUT_MS", "9000", "TCK_NO_SIGNAL_MS", "100");
        TckTiming timing = TckTiming.from(k -> Optional.ofNullable(params.get(k)), env::get);
        assertThat(timing.signalTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(timing.noSignalWindow()).isEqualTo(Duration.ofMillis(250));
        assertThat(timing.describe()).contains("signalTimeout=5000ms", "noSignalWindow=250ms", "timeScale=2.5");
    }

    @Test
    void environmentNamesFollowTheDocumentedPattern() {
        assertThat(TckTiming.envName("tck.signalTimeoutMs")).isEqualTo("TCK_SIGNAL_TIMEOUT_MS");
        assertThat(TckTiming.envName("tck.noSignalMs")).isEqualTo("TCK_NO_SIGNAL_MS");
        assertThat(TckTiming.envName("tck.timeScale")).isEqualTo("TCK_TIME_SCALE");
    }

    @Test
    void badValuesAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> TckTiming.from(k -> k.equals("tck.timeScale") ? Optional.of("fast") : Optional.empty(),
                k -> null)).hasMessageContaining("tck.timeScale");
        assertThatThrownBy(() -> TckTiming.from(k -> k.equals("tck.noSignalMs") ? Optional.of("1.5") : Optional.empty(),
                k -> null)).hasMessageContaining("tck.noSignalMs");
        assertThatThrownBy(() -> new TckTiming(Duration.ZERO, Duration.ofMillis(1), 1))
                .hasMessageContaining("baseSignalTimeout");
        assertThatThrownBy(() -> new TckTiming(Duration.ofMillis(1), Duration.ofMillis(1), 0.0))
                .hasMessageContaining("timeScale");
    }
}
