package dev.realtimetck.mockserver.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Drives a {@link RealtimeSimulator} over a {@link FakeSessionContext}: client JSON in, server events out. */
final class SimulatorHarness {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    final RealtimeSimulator simulator;
    final FakeSessionContext ctx;
    private int taken;

    private SimulatorHarness(SimulatorOptions options, String model) {
        this.simulator = new RealtimeSimulator(options);
        this.ctx = new FakeSessionContext(model);
        simulator.onOpen(ctx);
    }

    /** An open session with default options; the opening events are already taken. */
    static SimulatorHarness open() {
        return open(SimulatorOptions.defaults());
    }

    static SimulatorHarness open(SimulatorOptions options) {
        SimulatorHarness h = new SimulatorHarness(options, null);
        h.take();
        return h;
    }

    /** An open session whose opening events are NOT taken yet. */
    static SimulatorHarness fresh(String model) {
        return new SimulatorHarness(SimulatorOptions.defaults(), model);
    }

    /** Delivers a client event given as JSON. */
    SimulatorHarness client(String json) {
        simulator.onClientEvent(ctx, (ObjectNode) MAPPER.readTree(json));
        return this;
    }

    /** Sends {@code session.update} with the given session JSON and takes its answer. */
    ObjectNode update(String sessionJson) {
        client("{\"type\":\"session.update\",\"session\":" + sessionJson + "}");
        List<ObjectNode> events = take();
        assertThat(types(events)).containsExactly("session.updated");
        return events.get(0);
    }

    /** Appends audio bytes as {@code input_audio_buffer.append}. */
    SimulatorHarness append(byte[] audio) {
        return client("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                + Base64.getEncoder().encodeToString(audio) + "\"}");
    }

    /** Runs every scheduled task, then returns the events sent since the last take. */
    List<ObjectNode> take() {
        ctx.runAll();
        return takeSent();
    }

    /** Returns the events sent since the last take without running scheduled tasks. */
    List<ObjectNode> takeSent() {
        List<ObjectNode> out = new ArrayList<>();
        List<FakeSessionContext.Sent> sent = ctx.sent();
        for (int i = taken; i < sent.size(); i++) {
            out.add(sent.get(i).event());
        }
        taken = sent.size();
        return out;
    }

    static List<String> types(List<ObjectNode> events) {
        return events.stream().map(e -> e.path("type").asString()).toList();
    }

    static List<ObjectNode> ofType(List<ObjectNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asString().equals(type)).toList();
    }

    static ObjectNode single(List<ObjectNode> events, String type) {
        List<ObjectNode> found = ofType(events, type);
        assertThat(found).as("events of type %s in %s", type, types(events)).hasSize(1);
        return found.get(0);
    }

    /** Asserts that {@code event} is an error with this code and param, naming the client event id. */
    static void assertError(ObjectNode event, String code, String param, String clientEventId) {
        assertThat(event.path("type").asString()).isEqualTo("error");
        ObjectNode error = (ObjectNode) event.get("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asString(null)).isEqualTo(code);
        assertThat(error.path("param").isNull() ? null : error.path("param").asString()).isEqualTo(param);
        assertThat(error.path("event_id").isNull() ? null : error.path("event_id").asString())
                .isEqualTo(clientEventId);
        assertThat(error.path("message").asString()).isNotBlank();
    }
}
