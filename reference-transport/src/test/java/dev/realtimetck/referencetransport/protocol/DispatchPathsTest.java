package dev.realtimetck.referencetransport.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.protocoldata.ProtocolData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streamed and skipped paths FrameReader takes when nobody listens to the raw event give the same transport
 * events and follow-up frames as the tree path taken when someone does.
 */
class DispatchPathsTest {

    private static final List<String> EDGE_FRAMES = List.of(
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"i\",\"response_id\":\"r\",\"delta\":\"Hi\"}",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"no ids\",\"extra\":{\"a\":[1,{\"b\":null}]}}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":7,\"response_id\":null,\"delta\":\"odd ids\"}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"i\",\"delta\":5}",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"first\",\"delta\":\"last wins\"}",
            "{\"type\":\"response.output_audio_transcript.delta\",\"item_id\":\"i\",\"response_id\":\"r\","
                    + "\"delta\":\"caf\\u00e9 \\\"q\\\"\"}",
            "{\"type\":\"response.output_audio_transcript.delta\",\"item_id\":\"i\"}",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"} trailing",
            "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"",
            "{\"type\":\"response.function_call_arguments.delta\",\"delta\":\"{\\\"a\\\"\",\"call_id\":\"c\"}",
            "{\"type\":\"response.function_call_arguments.delta\",\"delta\":\"x\"} []",
            "{\"type\":\"rate_limits.updated\",\"rate_limits\":[{\"name\":\"requests\",\"limit\":10}]}",
            "{\"type\":\"some.unknown.event\",\"big\":123456789012345678901234567890,\"f\":1.5,\"t\":true}",
            "{\"type\":\"response.created\",\"response\":{\"id\":\"r\"},\"n\":9000000000,\"b\":false,\"z\":null}",
            "{\"type\":\"conversation.item.deleted\",\"item_id\":\"x\"}",
            "{\"type\":\"conversation.item.truncated\",\"item_id\":\"x\",\"content_index\":0}",
            "{\"type\":\"error\",\"error\":{\"message\":\"m\"}}",
            "{\"event_id\":\"e\",\"type\":\"response.output_text.delta\",\"delta\":\"type not first\"}",
            "{\"type\":\"\"}",
            "[]");

    @Test
    void edgeFramesGiveTheSameEventsOnEveryPath() {
        assertSamePaths(EDGE_FRAMES);
    }

    @Test
    void officialExamplesAndCorporaGiveTheSameEventsOnEveryPath() {
        List<String> frames = new ArrayList<>();
        ProtocolData.lines(ProtocolData.SERVER_EXAMPLES).stream()
                .map(line -> Json.MAPPER.readTree(line).get("event").toString()).forEach(frames::add);
        ProtocolData.CORPORA.forEach(name -> frames.addAll(ProtocolData.lines(ProtocolData.corpus(name))));
        assertThat(frames).hasSizeGreaterThan(250);
        assertSamePaths(frames);
    }

    private static void assertSamePaths(List<String> frames) {
        ProtocolHarness tree = new ProtocolHarness();
        ProtocolHarness streamed = new ProtocolHarness();
        streamed.anyListeners = false;
        streamed.serverListeners = false;
        for (String frame : frames) {
            tree.receive(frame);
            streamed.receive(frame);
            List<ProtocolHarness.Delivered> expected = tree.events.stream()
                    .filter(d -> !d.name().equals("*") && !d.name().startsWith("server:")).toList();
            assertThat(streamed.events).as("events of %s", frame).isEqualTo(expected);
            assertThat(streamed.frames).as("follow-ups of %s", frame).isEqualTo(tree.frames);
            tree.clear();
            streamed.clear();
        }
        assertThat(streamed.anyCopiesMade).isZero();
    }

    @Test
    void treeBuiltWhileStreamingEqualsJacksonsReadTree() {
        List<String> frames = List.of(
                "{\"type\":\"t\",\"i\":-1,\"l\":9000000000,\"big\":123456789012345678901234567890,\"d\":1.25,"
                        + "\"e\":-1e300,\"s\":\"caf\\u00e9\",\"b\":true,\"f\":false,\"n\":null,\"a\":[1,\"x\",[],{},"
                        + "{\"k\":[false,null,2.5,[[]]]}],\"o\":{\"nested\":{\"deep\":[{\"z\":0}],\"dup\":1,\"dup\":2}}}",
                "{\"event_id\":\"e\",\"type\":{\"not\":\"a string\"},\"x\":[]}",
                "{}");
        for (String frame : frames) {
            Object parsed = FrameReader.read(Json.MAPPER.createParser(frame), type -> true);
            assertThat(parsed).as(frame).isEqualTo(Json.MAPPER.readTree(frame));
        }
        for (String malformed : List.of("{\"type\":\"t\",\"a\":[1,2", "{\"type\":\"t\",\"o\":{\"k\":1",
                "{\"type\":\"t\",\"o\":{\"k\":}}", "{\"type\":\"t\"} {}", "{\"type\":\"t\",\"a\":[1,]}")) {
            assertThat(FrameReader.read(Json.MAPPER.createParser(malformed), type -> true)).as(malformed).isNull();
        }
    }

    @Test
    void rawCopyMapMatchesJacksonsTreeToValue() {
        String json = "{\"type\":\"t\",\"i\":1,\"l\":9000000000,\"big\":123456789012345678901234567890,"
                + "\"d\":1.25,\"e\":1e300,\"s\":\"caf\\u00e9\",\"b\":true,\"n\":null,"
                + "\"a\":[1,\"x\",[],{},{\"k\":[false,null,2.5]}],\"o\":{\"nested\":{\"deep\":[{\"z\":0}]}}}";
        var node = Json.MAPPER.readTree(json);
        Map<?, ?> jackson = Json.MAPPER.treeToValue(node, Map.class);
        Map<String, Object> ours = Json.toMap(node);
        assertThat(ours).isEqualTo(jackson);
        assertThat(ours.get("i")).isInstanceOf(Integer.class);
        assertThat(ours.get("l")).isInstanceOf(Long.class);
        assertThat(ours.get("d")).isInstanceOf(Double.class);
        assertThat(ours.get("a")).isInstanceOf(List.class);
        assertThat(List.copyOf(ours.keySet())).isEqualTo(List.copyOf(jackson.keySet()));
    }
}
