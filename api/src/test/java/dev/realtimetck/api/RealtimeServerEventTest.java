package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeServerEventTest {

    @Test
    void keepsEveryFieldUnknownOnesAndNullsIncluded() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", "response.output_audio.delta");
        raw.put("event_id", "ev_1");
        raw.put("delta", "AAAA");
        raw.put("x_future_field", List.of(1, 2));
        raw.put("nullable", null);

        RealtimeServerEvent event = RealtimeServerEvent.of(raw);

        assertThat(event.type()).isEqualTo("response.output_audio.delta");
        assertThat(event.get("delta")).isEqualTo("AAAA");
        assertThat(event.get("x_future_field")).isEqualTo(List.of(1, 2));
        assertThat(event.fields()).containsKey("nullable");
        assertThat(event.get("absent")).isNull();
        assertThat(event.toMap()).isEqualTo(raw);
        assertThat(event.toMap().keySet()).first().isEqualTo("type");
    }

    @Test
    void immutableDeepCopy() {
        List<Object> output = new ArrayList<>(List.of("a"));
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("type", "response.done", "output", output));
        RealtimeServerEvent event = RealtimeServerEvent.of(raw);

        output.add("b");
        raw.put("more", 1);

        assertThat(event.get("output")).isEqualTo(List.of("a"));
        assertThat(event.fields()).doesNotContainKey("more");
        assertThatThrownBy(() -> event.fields().put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.toMap().put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equality() {
        RealtimeServerEvent a = new RealtimeServerEvent("session.created", Map.of("session", Map.of("id", "s")));
        RealtimeServerEvent b = RealtimeServerEvent.of(Map.of("type", "session.created", "session", Map.of("id", "s")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new RealtimeServerEvent("session.updated", a.fields()));
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> new RealtimeServerEvent(null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> new RealtimeServerEvent("", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type");
        assertThatThrownBy(() -> new RealtimeServerEvent("a", Map.of("type", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fields");
        assertThatThrownBy(() -> RealtimeServerEvent.of(Map.of("no_type", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event");
        assertThatThrownBy(() -> RealtimeServerEvent.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("event");
    }
}
