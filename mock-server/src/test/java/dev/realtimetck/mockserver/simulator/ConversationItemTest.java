package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.assertError;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ConversationItemTest {

    private static String userText(String id, String text, String previous) {
        return "{\"type\":\"conversation.item.create\",\"event_id\":\"ev_" + text + "\","
                + (previous == null ? "" : "\"previous_item_id\":\"" + previous + "\",")
                + "\"item\":{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + text
                + "\"}]}}";
    }

    @Test
    void createAssignsAnIdAndAnswersAddedThenDone() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText(null, "hi", null));
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("conversation.item.added", "conversation.item.done");
        JsonNode item = events.get(0).path("item");
        assertThat(item.path("id").asString()).startsWith("item_");
        assertThat(item.path("status").asString()).isEqualTo("completed");
        assertThat(item.path("content").get(0).path("text").asString()).isEqualTo("hi");
        assertThat(events.get(0).path("previous_item_id").isNull()).isTrue();
        assertThat(events.get(1).path("item")).isEqualTo(item);
    }

    @Test
    void userAudioItemWithoutTranscriptIsEchoedWithANullTranscript() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_audio\",\"audio\":\"AAAAAA==\"}]}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("conversation.item.added", "conversation.item.done");
        for (ObjectNode event : events) {
            JsonNode part = event.path("item").path("content").get(0);
            assertThat(part.has("audio")).isFalse();
            assertThat(part.has("transcript")).isTrue();
            assertThat(part.path("transcript").isNull()).isTrue();
        }
    }

    @Test
    void previousItemIdChainsAndRootInsertsFirst() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText("a", "one", null)).client(userText("b", "two", null));
        List<ObjectNode> events = h.take();
        assertThat(events.get(2).path("previous_item_id").asString()).isEqualTo("a");
        h.client(userText("c", "three", "a"));
        assertThat(h.take().get(0).path("previous_item_id").asString()).isEqualTo("a");
        h.client(userText("d", "zero", "root"));
        assertThat(h.take().get(0).path("previous_item_id").isNull()).isTrue();
        // the conversation is now d, a, c, b: a response sees b last
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        List<ObjectNode> response = h.take();
        assertThat(single(response, "conversation.item.added").path("previous_item_id").asString()).isEqualTo("b");
        assertThat(single(response, "response.output_text.done").path("text").asString()).isEqualTo("You said: two");
    }

    @Test
    void unknownPreviousItemAndDuplicateIdAreRejected() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText("a", "one", null)).take();
        h.client(userText(null, "two", "nope"));
        assertError(h.take().get(0), "item_not_found", "previous_item_id", "ev_two");
        h.client(userText("a", "three", null));
        assertError(h.take().get(0), "item_already_exists", "item.id", "ev_three");
    }

    @Test
    void assistantAudioCannotBeCreatedByTheClient() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"conversation.item.create\",\"event_id\":\"x\",\"item\":{\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_audio\",\"transcript\":\"hi\"}]}}");
        assertError(h.take().get(0), "invalid_value", "item.content", "x");
    }

    @Test
    void retrieveDeleteAndUnknownIds() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText("a", "one", null)).take();
        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"a\"}");
        JsonNode item = single(h.take(), "conversation.item.retrieved").path("item");
        assertThat(item.path("id").asString()).isEqualTo("a");
        assertThat(item.path("object").asString()).isEqualTo("realtime.item");
        h.client("{\"type\":\"conversation.item.delete\",\"item_id\":\"a\"}");
        assertThat(single(h.take(), "conversation.item.deleted").path("item_id").asString()).isEqualTo("a");
        h.client("{\"type\":\"conversation.item.delete\",\"event_id\":\"d2\",\"item_id\":\"a\"}");
        assertError(h.take().get(0), "item_not_found", "item_id", "d2");
        h.client("{\"type\":\"conversation.item.retrieve\",\"event_id\":\"r2\",\"item_id\":\"a\"}");
        assertError(h.take().get(0), "item_not_found", "item_id", "r2");
        h.client("{\"type\":\"conversation.item.truncate\",\"event_id\":\"t2\",\"item_id\":\"a\","
                + "\"content_index\":0,\"audio_end_ms\":0}");
        assertError(h.take().get(0), "item_not_found", "item_id", "t2");
    }

    @Test
    void truncateCutsAssistantAudioAndDropsTheTranscript() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText(null, "hi", null)).client("{\"type\":\"response.create\"}");
        List<ObjectNode> events = h.take();
        String itemId = single(events, "response.output_item.done").path("item").path("id").asString();
        long fullMs = ReplyVoice.durationMillis("You said: hi", SimulatorOptions.defaults().speechMillisPerCharacter());

        h.client("{\"type\":\"conversation.item.truncate\",\"event_id\":\"t1\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":" + (fullMs + 1) + "}");
        assertError(h.take().get(0), "invalid_value", "audio_end_ms", "t1");

        h.client("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"audio_end_ms\":300}");
        ObjectNode truncated = single(h.take(), "conversation.item.truncated");
        assertThat(truncated.path("item_id").asString()).isEqualTo(itemId);
        assertThat(truncated.path("content_index").asInt()).isZero();
        assertThat(truncated.path("audio_end_ms").asInt()).isEqualTo(300);

        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        JsonNode part = single(h.take(), "conversation.item.retrieved").path("item").path("content").get(0);
        assertThat(part.path("transcript").asString()).isEmpty();
        byte[] audio = java.util.Base64.getDecoder().decode(part.path("audio").asString());
        assertThat(audio.length).isEqualTo(300 * 24 * 2);
    }

    @Test
    void truncatingAUserMessageIsRejected() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(userText("a", "one", null)).take();
        h.client("{\"type\":\"conversation.item.truncate\",\"event_id\":\"t3\",\"item_id\":\"a\","
                + "\"content_index\":0,\"audio_end_ms\":0}");
        assertError(h.take().get(0), "invalid_value", "content_index", "t3");
    }
}
