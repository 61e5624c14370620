package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeClientMessageTest {

    @Test
    void ofMapSplitsTypeFromTheOtherFields() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", "e1");
        event.put("type", "input_audio_buffer.clear");
        event.put("extra", null);

        RealtimeClientMessage message = RealtimeClientMessage.of(event);

        assertThat(message.type()).isEqualTo("input_audio_buffer.clear");
        assertThat(message.fields()).containsOnlyKeys("event_id", "extra");
        assertThat(message.fields().get("extra")).isNull();
    }

    @Test
    void toMapPutsTypeFirstAndRoundTrips() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("item", Map.of("type", "message"));
        fields.put("previous_item_id", null);
        RealtimeClientMessage message = new RealtimeClientMessage("conversation.item.create", fields);

        Map<String, Object> map = message.toMap();

        assertThat(map.keySet()).containsExactly("type", "item", "previous_item_id");
        assertThat(RealtimeClientMessage.of(map)).isEqualTo(message);
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesDeeplyAndRejectsMutation() {
        Map<String, Object> item = new HashMap<>(Map.of("role", "user"));
        Map<String, Object> fields = new HashMap<>(Map.of("item", item));
        RealtimeClientMessage message = new RealtimeClientMessage("conversation.item.create", fields);

        item.put("role", "assistant");
        fields.put("event_id", "later");

        assertThat(message.fields()).isEqualTo(Map.of("item", Map.of("role", "user")));
        assertThatThrownBy(() -> message.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> RealtimeClientMessage.of((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> RealtimeClientMessage.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type");
        assertThatThrownBy(() -> new RealtimeClientMessage("a", Map.of("type", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fields");
        assertThatThrownBy(() -> RealtimeClientMessage.of((Map<String, ?>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> RealtimeClientMessage.of(Map.of("type", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event");
        assertThatThrownBy(() -> RealtimeClientMessage.of(Map.of("event_id", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event");
    }

    @Test
    void nullFieldsMeanNone() {
        RealtimeClientMessage message = new RealtimeClientMessage("response.cancel", null);

        assertThat(message.fields()).isEmpty();
        assertThat(message).isEqualTo(RealtimeClientMessage.of("response.cancel"));
        assertThat(message.toMap()).isEqualTo(Map.of("type", "response.cancel"));
    }
}
