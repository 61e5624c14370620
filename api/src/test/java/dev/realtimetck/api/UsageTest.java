package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void copiesDetailsDeeply() {
        Map<String, Object> detail = new HashMap<>(Map.of("cached_tokens", 3));
        List<Map<String, Object>> details = new ArrayList<>(List.of(detail));
        Usage usage = new Usage(1, 10, 5, 15, details, null);

        detail.put("cached_tokens", 99);
        details.add(Map.of());

        assertThat(usage.inputTokensDetails()).containsExactly(Map.of("cached_tokens", 3));
        assertThat(usage.outputTokensDetails()).isEmpty();
        assertThatThrownBy(() -> usage.inputTokensDetails().add(Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> usage.inputTokensDetails().get(0).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(usage).isEqualTo(new Usage(1, 10, 5, 15, List.of(Map.of("cached_tokens", 3)), List.of()));
    }

    @Test
    void negativeCountsRejectedNamingTheField() {
        assertThatThrownBy(() -> new Usage(-1, 0, 0, 0, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requests");
        assertThatThrownBy(() -> new Usage(0, -1, 0, 0, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("inputTokens");
        assertThatThrownBy(() -> new Usage(0, 0, -1, 0, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("outputTokens");
        assertThatThrownBy(() -> new Usage(0, 0, 0, -1, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("totalTokens");
    }

    @Test
    void nullDetailEntryNamedWithItsIndex() {
        List<Map<String, Object>> details = new ArrayList<>();
        details.add(Map.of());
        details.add(null);

        assertThatThrownBy(() -> new Usage(1, 0, 0, 0, null, details)).isInstanceOf(NullPointerException.class)
                .hasMessage("outputTokensDetails[1]");
    }

    @Test
    void turnDoneCarriesTheResponse() {
        Usage usage = new Usage(1, 1, 2, 3, null, null);
        Map<String, Object> item = new HashMap<>(Map.of("id", "item_1"));
        List<Map<String, Object>> output = new ArrayList<>(List.of(item));
        TurnDone done = new TurnDone(new TurnDone.Response("resp_1", output, usage));

        item.put("id", "changed");
        output.clear();

        assertThat(done.response().output()).containsExactly(Map.of("id", "item_1"));
        assertThat(done.response().usage()).isEqualTo(usage);
        assertThatThrownBy(() -> done.response().output().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new TurnDone(null)).isInstanceOf(NullPointerException.class).hasMessage("response");
        assertThatThrownBy(() -> new TurnDone.Response(null, List.of(), usage))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new TurnDone.Response("r", null, usage))
                .isInstanceOf(NullPointerException.class).hasMessage("output");
        assertThatThrownBy(() -> new TurnDone.Response("r", List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("usage");
    }

    @Test
    void turnStartedCarriesTheServerEvent() {
        RealtimeServerEvent created = new RealtimeServerEvent("response.created", Map.of("response", Map.of()));

        assertThat(new TurnStarted(created).providerData()).isSameAs(created);
        assertThatThrownBy(() -> new TurnStarted(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("providerData");
    }
}
