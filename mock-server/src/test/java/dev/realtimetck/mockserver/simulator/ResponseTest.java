package dev.realtimetck.mockserver.simulator;

import static dev.realtimetck.mockserver.simulator.SimulatorHarness.assertError;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.ofType;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.single;
import static dev.realtimetck.mockserver.simulator.SimulatorHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResponseTest {

    private static final String USER_HI = "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\","
            + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hello there\"}]}}";

    @Test
    void textResponseStreamsTheEchoInTheGaOrder() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI);
        String userItemId = h.take().get(0).path("item").path("id").asString();
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"],"
                + "\"metadata\":{\"topic\":\"t\"}}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsExactly("response.created", "response.output_item.added",
                "conversation.item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done",
                "response.content_part.done", "response.output_item.done", "conversation.item.done",
                "response.done");
        String text = ofType(events, "response.output_text.delta").stream().map(e -> e.path("delta").asString())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo("You said: hello there");
        assertThat(single(events, "response.output_text.done").path("text").asString()).isEqualTo(text);
        JsonNode created = events.get(0).get("response");
        assertThat(created.path("status").asString()).isEqualTo("in_progress");
        assertThat(created.path("object").asString()).isEqualTo("realtime.response");
        assertThat(created.path("output").isEmpty()).isTrue();
        assertThat(created.path("usage").isNull()).isTrue();
        String responseId = created.path("id").asString();
        assertThat(responseId).startsWith("resp_");
        ObjectNode added = single(events, "conversation.item.added");
        assertThat(added.path("previous_item_id").asString()).isEqualTo(userItemId);
        assertThat(added.path("item").path("status").asString()).isEqualTo("in_progress");
        String itemId = added.path("item").path("id").asString();
        for (ObjectNode e : events.subList(1, events.size() - 1)) {
            if (e.has("response_id")) {
                assertThat(e.path("response_id").asString()).isEqualTo(responseId);
            }
            assertThat(e.path("event_id").asString()).isNotEmpty();
        }
        assertThat(single(events, "response.content_part.done").path("part").toString())
                .isEqualTo("{\"type\":\"text\",\"text\":\"You said: hello there\"}");
        JsonNode doneItem = single(events, "conversation.item.done").path("item");
        assertThat(doneItem.path("id").asString()).isEqualTo(itemId);
        assertThat(doneItem.path("status").asString()).isEqualTo("completed");
        assertThat(doneItem.path("content").toString())
                .isEqualTo("[{\"type\":\"output_text\",\"text\":\"You said: hello there\"}]");
        JsonNode done = single(events, "response.done").path("response");
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("status_details").isNull()).isTrue();
        assertThat(done.path("output").get(0).path("id").asString()).isEqualTo(itemId);
        assertThat(done.path("metadata").path("topic").asString()).isEqualTo("t");
        assertThat(done.path("output_modalities").toString()).isEqualTo("[\"text\"]");
        assertThat(done.path("conversation_id").asString()).startsWith("conv_");
        JsonNode usage = done.path("usage");
        int inputText = TokenUsage.textTokens(h.update("{}").path("session").path("instructions").asString())
                + TokenUsage.textTokens("hello there");
        assertThat(usage.path("input_token_details").path("text_tokens").asInt()).isEqualTo(inputText);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(TokenUsage.textTokens("You said: hello there"));
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("input_tokens").asInt() + usage.path("output_tokens").asInt());
        assertThat(usage.path("output_token_details").path("audio_tokens").asInt()).isZero();
    }

    @Test
    void responseItemJoinsTheConversationAndCanBeRetrieved() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"]}}");
        String itemId = single(h.take(), "response.output_item.done").path("item").path("id").asString();
        h.client("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + itemId + "\"}");
        JsonNode item = single(h.take(), "conversation.item.retrieved").path("item");
        assertThat(item.path("role").asString()).isEqualTo("assistant");
        assertThat(item.path("content").get(0).path("text").asString()).isEqualTo("You said: hello there");
    }

    @Test
    void outOfBandResponseStaysOutOfTheConversation() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).take();
        h.client("{\"type\":\"response.create\",\"response\":{\"conversation\":\"none\",\"output_modalities\":"
                + "[\"text\"],\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":"
                + "\"input_text\",\"text\":\"side question\"}]}]}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).doesNotContain("conversation.item.added", "conversation.item.done");
        assertThat(single(events, "response.output_text.done").path("text").asString())
                .isEqualTo("You said: side question");
        assertThat(single(events, "response.done").path("response").path("conversation_id").isNull()).isTrue();
        String itemId = single(events, "response.output_item.done").path("item").path("id").asString();
        h.client("{\"type\":\"conversation.item.retrieve\",\"event_id\":\"r1\",\"item_id\":\"" + itemId + "\"}");
        assertError(h.take().get(0), "item_not_found", "item_id", "r1");
    }

    @Test
    void secondCreateWhileActiveIsRejectedAndTheFirstCompletes() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).takeSent();
        h.client("{\"type\":\"response.create\",\"event_id\":\"c1\"}");
        h.client("{\"type\":\"response.create\",\"event_id\":\"c2\"}");
        List<ObjectNode> events = h.take();
        assertError(single(events, "error"), "conversation_already_has_active_response", null, "c2");
        assertThat(ofType(events, "response.created")).hasSize(1);
        assertThat(single(events, "response.done").path("response").path("status").asString()).isEqualTo("completed");
        h.client("{\"type\":\"response.create\"}");
        assertThat(single(h.take(), "response.done").path("response").path("status").asString())
                .isEqualTo("completed");
    }

    @Test
    void outOfBandResponsesMayRunBesideTheDefaultOne() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).takeSent();
        h.client("{\"type\":\"response.create\"}");
        h.client("{\"type\":\"response.create\",\"response\":{\"conversation\":\"none\"}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).doesNotContain("error");
        assertThat(ofType(events, "response.done")).hasSize(2);
    }

    @Test
    void cancelMidStreamEndsTheItemIncompleteAndTheResponseCancelled() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).take();
        h.client("{\"type\":\"response.create\"}");
        h.ctx.runUntil(e -> e.path("type").asString().equals("response.output_audio.delta"));
        h.client("{\"type\":\"response.cancel\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).endsWith("response.content_part.done", "response.output_item.done",
                "conversation.item.done", "response.done");
        assertThat(ofType(events, "response.output_audio.delta")).hasSize(1);
        assertThat(types(events)).doesNotContain("response.output_audio.done");
        JsonNode done = single(events, "response.done").path("response");
        assertThat(done.path("status").asString()).isEqualTo("cancelled");
        assertThat(done.path("status_details").toString())
                .isEqualTo("{\"type\":\"cancelled\",\"reason\":\"client_cancelled\"}");
        assertThat(done.path("output").get(0).path("status").asString()).isEqualTo("incomplete");
        h.client("{\"type\":\"response.cancel\",\"event_id\":\"x9\"}");
        assertError(h.take().get(0), "response_cancel_not_active", null, "x9");
    }

    @Test
    void cancelWithoutActiveResponseIsAnError() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client("{\"type\":\"response.cancel\",\"event_id\":\"e1\"}");
        assertError(h.take().get(0), "response_cancel_not_active", null, "e1");
        h.client("{\"type\":\"response.cancel\",\"event_id\":\"e2\",\"response_id\":\"resp_nope\"}");
        assertError(h.take().get(0), "response_cancel_not_active", null, "e2");
    }

    @Test
    void functionCallRoundTrip() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"output_modalities\":[\"text\"],\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\","
                + "\"description\":\"weather\",\"parameters\":{\"type\":\"object\"}}]}");
        h.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Please call get_weather {\\\"city\\\": \\\"Paris\\\"}\"}]}}");
        h.client("{\"type\":\"response.create\"}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).containsSubsequence("response.created", "response.output_item.added",
                "conversation.item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done", "conversation.item.done",
                "response.done");
        assertThat(types(events)).doesNotContain("response.content_part.added");
        ObjectNode argsDone = single(events, "response.function_call_arguments.done");
        assertThat(argsDone.path("name").asString()).isEqualTo("get_weather");
        assertThat(argsDone.path("arguments").asString()).isEqualTo("{\"city\":\"Paris\"}");
        String deltas = ofType(events, "response.function_call_arguments.delta").stream()
                .map(e -> e.path("delta").asString()).collect(Collectors.joining());
        assertThat(deltas).isEqualTo("{\"city\":\"Paris\"}");
        String callId = argsDone.path("call_id").asString();
        assertThat(callId).startsWith("call_");
        JsonNode item = single(events, "response.output_item.done").path("item");
        assertThat(item.path("type").asString()).isEqualTo("function_call");
        assertThat(item.path("call_id").asString()).isEqualTo(callId);
        assertThat(item.path("arguments").asString()).isEqualTo("{\"city\":\"Paris\"}");

        h.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + callId + "\",\"output\":\"sunny, 21 C\"}}");
        h.client("{\"type\":\"response.create\"}");
        List<ObjectNode> second = h.take();
        assertThat(types(second)).doesNotContain("response.function_call_arguments.done");
        assertThat(single(second, "response.output_text.done").path("text").asString())
                .isEqualTo("The function get_weather returned: sunny, 21 C");
    }

    @Test
    void toolChoiceForcesAFunctionAndNoneSuppressesTheTrigger() {
        SimulatorHarness h = SimulatorHarness.open();
        h.update("{\"tools\":[{\"type\":\"function\",\"name\":\"lookup\"}],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"lookup\"}}");
        h.client(USER_HI).client("{\"type\":\"response.create\"}");
        ObjectNode done = single(h.take(), "response.function_call_arguments.done");
        assertThat(done.path("name").asString()).isEqualTo("lookup");
        assertThat(done.path("arguments").asString()).isEqualTo("{}");

        h.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"call lookup\"}]}}");
        h.client("{\"type\":\"response.create\",\"response\":{\"tool_choice\":\"none\",\"output_modalities\":[\"text\"]}}");
        List<ObjectNode> events = h.take();
        assertThat(types(events)).doesNotContain("response.function_call_arguments.done");
        assertThat(single(events, "response.output_text.done").path("text").asString()).isEqualTo("You said: call lookup");
    }

    @Test
    void maxOutputTokensCutsTheReplyAndEndsIncomplete() {
        SimulatorHarness h = SimulatorHarness.open();
        h.client(USER_HI).take();
        h.client("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"],"
                + "\"max_output_tokens\":3}}");
        List<ObjectNode> events = h.take();
        assertThat(single(events, "response.output_text.done").path("text").asString()).isEqualTo("You said: he");
        JsonNode done = single(events, "response.done").path("response");
        assertThat(done.path("status").asString()).isEqualTo("incomplete");
        assertThat(done.path("status_details").toString())
                .isEqualTo("{\"type\":\"incomplete\",\"reason\":\"max_output_tokens\"}");
        assertThat(done.path("output").get(0).path("status").asString()).isEqualTo("incomplete");
        assertThat(done.path("usage").path("output_tokens").asInt()).isLessThanOrEqualTo(3);
        assertThat(done.path("max_output_tokens").asInt()).isEqualTo(3);

        h.client("{\"type\":\"response.create\",\"response\":{\"max_output_tokens\":20}}");
        JsonNode audioDone = single(h.take(), "response.done").path("response");
        assertThat(audioDone.path("status").asString()).isEqualTo("incomplete");
        assertThat(audioDone.path("usage").path("output_tokens").asInt()).isBetween(15, 20);

        h.client("{\"type\":\"response.create\",\"response\":{\"max_output_tokens\":1000}}");
        assertThat(single(h.take(), "response.done").path("response").path("status").asString())
                .isEqualTo("completed");
    }
}
