package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScenarioBehaviorTest {

    private static FakeSession run(String yaml) {
        Scenario scenario = new ScenarioLoader(ServerEventCheck.NONE).parse(yaml, "test.yaml");
        return new FakeSession(new ScenarioBehavior(scenario)).open();
    }

    @Test
    void sendsOpeningEventsThenWaitsForExpectedType() {
        FakeSession s = run("""
                steps:
                  - send: {type: session.created, session: {id: "{{session_id}}"}}
                  - expect: {type: session.update}
                  - send: {type: session.updated}
                """);
        assertThat(s.types()).containsExactly("session.created");
        assertThat(s.events().get(0).at("/session/id").asString()).isEqualTo("sess_test");
        s.client("{\"type\":\"session.update\",\"session\":{}}");
        assertThat(s.types()).containsExactly("session.created", "session.updated");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void matchesByJsonSubset() {
        FakeSession s = run("""
                steps:
                  - expect: {type: conversation.item.create, match: {item: {type: message, role: user}}}
                  - send: {type: response.created}
                """);
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"assistant\"}}");
        assertThat(s.types()).isEmpty();
        assertThat(s.problems()).hasSize(1);
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\",\"id\":\"x\"}}");
        assertThat(s.types()).containsExactly("response.created");
    }

    @Test
    void subsetComparesNumbersByValueAndArraysByElement() {
        FakeSession s = run("""
                steps:
                  - expect: {match: {type: a, n: 1.0, list: [{k: 1}, {}]}}
                  - send: {type: ok}
                """);
        s.client("{\"type\":\"a\",\"n\":1,\"list\":[{\"k\":1,\"z\":2},{\"q\":3},{\"extra\":1}]}");
        assertThat(s.types()).isEmpty();
        s.client("{\"type\":\"a\",\"n\":1,\"list\":[{\"k\":1,\"z\":2},{\"q\":3}]}");
        assertThat(s.types()).containsExactly("ok");
    }

    @Test
    void matchesByJsonPointerRegex() {
        FakeSession s = run("""
                steps:
                  - expect:
                      type: conversation.item.create
                      pointers: {"/item/content/0/text": "(?i)weather in \\\\w+"}
                  - send: {type: matched}
                """);
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"content\":[{\"text\":\"hello\"}]}}");
        assertThat(s.types()).isEmpty();
        assertThat(s.problems().get(0)).contains("/item/content/0/text: expected a value matching /(?i)weather in \\w+/, actual \"hello\"");
        s.client("{\"type\":\"conversation.item.create\",\"item\":{\"content\":[{\"text\":\"What's the Weather in Paris?\"}]}}");
        assertThat(s.types()).containsExactly("matched");
    }

    @Test
    void mismatchReportShowsDifferencesAndBothEventsSideBySide() {
        FakeSession s = run("""
                name: turn
                steps:
                  - expect: {type: conversation.item.create, match: {item: {role: user}}}
                  - expect: {type: response.create}
                """);
        s.client("{\"type\":\"response.create\",\"event_id\":\"evt_1\"}");
        assertThat(s.problems()).hasSize(1);
        String report = s.problems().get(0);
        assertThat(report).startsWith("scenario 'turn' step 0 (expect): unexpected client event response.create "
                + "(out of order: it matches step 1, which comes later)");
        assertThat(report).contains("differences:\n  /type: expected \"conversation.item.create\", actual \"response.create\"\n"
                + "  /item: expected {\"role\":\"user\"}, actual (absent)");
        assertThat(report).containsPattern("expected\\s+\\| actual");
        assertThat(report).containsPattern("\"type\" : \"conversation.item.create\",\\s+\\|   \"type\" : \"response.create\",");
        assertThat(s.closeCode()).isNull();
    }

    @Test
    void strictModeClosesWith1008OnMismatch() {
        FakeSession s = run("""
                strict: true
                steps:
                  - expect: {type: session.update}
                  - send: {type: never}
                """);
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.closeCode()).isEqualTo(1008);
        assertThat(s.closeReason()).contains("response.create");
        assertThat(s.problems()).hasSize(1);
        assertThat(s.types()).isEmpty();
    }

    @Test
    void eventAfterScriptEndIsReportedUnlessIgnored() {
        FakeSession s = run("""
                ignore: [input_audio_buffer.append]
                steps:
                  - send: {type: session.created}
                """);
        s.client("{\"type\":\"input_audio_buffer.append\",\"audio\":\"\"}");
        assertThat(s.problems()).isEmpty();
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.problems()).singleElement().asString().contains("after the script ended");
    }

    @Test
    void unconsumedExpectationIsReportedWhenSessionEnds() {
        FakeSession s = run("""
                steps:
                  - expect: {type: response.create}
                """);
        s.clientClose();
        assertThat(s.problems()).singleElement().asString()
                .contains("step 0 (expect): the session ended while this step still expected")
                .contains("response.create");
    }

    @Test
    void templatesCopyValuesFromMatchedAndCapturedEvents() {
        FakeSession s = run("""
                steps:
                  - expect: {type: conversation.item.create, as: user}
                  - expect: {type: response.create}
                  - send:
                      type: conversation.item.created
                      previous_item_id: null
                      item: {id: "{{event user /item/id}}", type: message}
                      note: "answering {{event /event_id}} for item {{event user /item/id}}"
                      copied: "{{event user /item/content}}"
                """);
        s.client("{\"type\":\"conversation.item.create\",\"event_id\":\"evt_a\",\"item\":{\"id\":\"item_9\",\"content\":[{\"n\":1}]}}");
        s.client("{\"type\":\"response.create\",\"event_id\":\"evt_b\"}");
        JsonNode sent = s.events().get(0);
        assertThat(sent.at("/item/id").asString()).isEqualTo("item_9");
        assertThat(sent.at("/note").asString()).isEqualTo("answering evt_b for item item_9");
        assertThat(sent.at("/copied").toString()).isEqualTo("[{\"n\":1}]");
        assertThat(sent.get("previous_item_id").isNull()).isTrue();
    }

    @Test
    void generatedIdsAreFreshOrSharedByName() {
        FakeSession s = run("""
                steps:
                  - send:
                      - {type: a, response: {id: "{{id resp r}}"}, item_id: "{{id item answer}}"}
                      - {type: b, response_id: "{{id resp r}}", item_id: "{{id item answer}}", event_id: "{{id event}}"}
                      - {type: c, event_id: "{{id event}}"}
                """);
        var e = s.events();
        assertThat(e.get(0).at("/response/id").asString()).startsWith("resp_").isEqualTo(e.get(1).get("response_id").asString());
        assertThat(e.get(0).get("item_id").asString()).startsWith("item_").isEqualTo(e.get(1).get("item_id").asString());
        assertThat(e.get(1).get("event_id").asString()).startsWith("event_").isNotEqualTo(e.get(2).get("event_id").asString());
    }

    @Test
    void templateErrorAtRuntimeIsReportedAndEventSkipped() {
        FakeSession s = run("""
                steps:
                  - expect: {type: x}
                  - send: {type: a, v: "{{event /missing}}"}
                  - send: {type: b}
                """);
        s.client("{\"type\":\"x\"}");
        assertThat(s.types()).containsExactly("b");
        assertThat(s.problems()).singleElement().asString().contains("no value at /missing");
    }

    @Test
    void waitAndPaceUseTheSessionScheduler() {
        FakeSession s = run("""
                pace: 20ms
                steps:
                  - send: [{type: a}, {type: b}]
                  - wait: 1s
                  - pace: 0
                  - send: [{type: c}, {type: d}]
                  - pace: 5ms
                  - send: [{type: e}, {type: f}]
                """);
        assertThat(s.types()).containsExactly("a");
        s.advance(Duration.ofMillis(19));
        assertThat(s.types()).containsExactly("a");
        s.advance(Duration.ofMillis(1));
        assertThat(s.types()).containsExactly("a", "b");
        s.advance(Duration.ofMillis(999));
        assertThat(s.types()).hasSize(2);
        s.advance(Duration.ofMillis(1));
        assertThat(s.types()).containsExactly("a", "b", "c", "d");
        s.runAll();
        assertThat(s.frames()).extracting(FakeSession.Frame::atMillis).containsExactly(0L, 20L, 1020L, 1020L, 1025L, 1030L);
    }

    @Test
    void clientEventsDuringAWaitAreQueuedForTheNextExpect() {
        FakeSession s = run("""
                steps:
                  - wait: 100ms
                  - expect: {type: response.create}
                  - send: {type: response.created}
                """);
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.types()).isEmpty();
        s.advance(Duration.ofMillis(100));
        assertThat(s.types()).containsExactly("response.created");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void repeatAbsorbsFurtherMatchingEvents() {
        FakeSession s = run("""
                steps:
                  - expect: {type: input_audio_buffer.append, repeat: true}
                  - expect: {type: input_audio_buffer.commit}
                  - send: {type: input_audio_buffer.committed}
                """);
        s.client("{\"type\":\"input_audio_buffer.append\"}").client("{\"type\":\"input_audio_buffer.append\"}")
                .client("{\"type\":\"input_audio_buffer.commit\"}");
        assertThat(s.types()).containsExactly("input_audio_buffer.committed");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void reactiveRulesAnswerUpToTheirCount() {
        FakeSession s = run("""
                steps:
                  - send: {type: session.created}
                rules:
                  - when: {type: response.create}
                    send: [{type: response.created, echo: "{{event /event_id}}"}, {type: response.done}]
                    times: 2
                  - when: {type: response.create}
                    then:
                      - send: {type: error, error: {type: invalid_request_error, message: too many}}
                """);
        s.client("{\"type\":\"response.create\",\"event_id\":\"e1\"}");
        s.client("{\"type\":\"response.create\",\"event_id\":\"e2\"}");
        s.client("{\"type\":\"response.create\",\"event_id\":\"e3\"}");
        assertThat(s.types()).containsExactly("session.created", "response.created", "response.done",
                "response.created", "response.done", "error");
        assertThat(s.events().get(3).get("echo").asString()).isEqualTo("e2");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void rulesAndStrictSequenceWorkTogether() {
        FakeSession s = run("""
                strict: true
                steps:
                  - expect: {type: session.update}
                  - send: {type: session.updated}
                  - expect: {type: response.create}
                  - send: {type: response.done}
                rules:
                  - when: {type: input_audio_buffer.append}
                    send: {type: input_audio_buffer.speech_started}
                    times: 1
                """);
        s.client("{\"type\":\"input_audio_buffer.append\"}");
        s.client("{\"type\":\"session.update\"}");
        s.client("{\"type\":\"response.create\"}");
        assertThat(s.types()).containsExactly("input_audio_buffer.speech_started", "session.updated", "response.done");
        s.client("{\"type\":\"input_audio_buffer.append\"}");
        assertThat(s.closeCode()).isEqualTo(1008);
    }

    @Test
    void ruleFiresWhileMainScriptIsWaiting() {
        FakeSession s = run("""
                steps:
                  - wait: 10s
                  - expect: {type: response.create}
                rules:
                  - when: {type: session.update}
                    then:
                      - wait: 50ms
                      - send: {type: session.updated}
                """);
        s.client("{\"type\":\"session.update\"}");
        s.advance(Duration.ofMillis(50));
        assertThat(s.types()).containsExactly("session.updated");
    }

    @Test
    void closeFaultSendsCodeAndReason() {
        FakeSession s = run("""
                steps:
                  - send: {type: session.created}
                  - close: {code: 1011, reason: upstream failed}
                  - send: {type: never}
                """);
        assertThat(s.closeCode()).isEqualTo(1011);
        assertThat(s.closeReason()).isEqualTo("upstream failed");
        assertThat(s.types()).containsExactly("session.created");
    }

    @Test
    void dropFaultEndsWithoutCloseFrame() {
        FakeSession s = run("""
                steps:
                  - drop: {}
                """);
        assertThat(s.dropped()).isTrue();
        assertThat(s.closeCode()).isNull();
    }

    @Test
    void malformedAndBinaryFaultsSendRawFrames() {
        FakeSession s = run("""
                steps:
                  - malformed: "{\\"type\\": \\"response.done\\""
                  - malformed: true
                  - binary: {base64: AAEC}
                  - binary: {size: 4}
                """);
        assertThat(s.frames()).extracting(FakeSession.Frame::kind).containsExactly("text", "text", "binary", "binary");
        assertThat(s.frames().get(0).text()).isEqualTo("{\"type\": \"response.done\"");
        assertThat(s.frames().get(1).text()).isNotBlank();
        assertThat(s.frames().get(2).data()).containsExactly(0, 1, 2);
        assertThat(s.frames().get(3).data()).hasSize(4);
    }

    @Test
    void stallStopsAllResponses() {
        FakeSession s = run("""
                steps:
                  - send: {type: session.created}
                  - stall: true
                  - send: {type: never}
                rules:
                  - when: {type: response.create}
                    send: {type: response.created}
                """);
        s.client("{\"type\":\"response.create\"}").client("{\"type\":\"bogus\"}");
        s.runAll();
        assertThat(s.types()).containsExactly("session.created");
        assertThat(s.problems()).isEmpty();
        assertThat(s.isOpen()).isTrue();
    }

    @Test
    void expectWithinReportsAMissingEventAndStrictCloses() {
        FakeSession lenient = run("""
                steps:
                  - expect: {type: session.update, within: 2s}
                  - send: {type: session.updated}
                """);
        lenient.advance(Duration.ofMillis(1999));
        assertThat(lenient.problems()).isEmpty();
        lenient.advance(Duration.ofMillis(1));
        assertThat(lenient.problems()).singleElement().asString()
                .contains("step 0 (expect): no matching client event within 2000 ms").contains("session.update");
        lenient.client("{\"type\":\"session.update\"}");
        assertThat(lenient.types()).containsExactly("session.updated");

        FakeSession strict = run("""
                strict: true
                steps:
                  - expect: {type: session.update, within: 100ms}
                """);
        strict.advance(Duration.ofMillis(100));
        assertThat(strict.closeCode()).isEqualTo(1008);
    }

    @Test
    void expectWithinIsSatisfiedByATimelyEvent() {
        FakeSession s = run("""
                steps:
                  - expect: {type: session.update, within: 100ms}
                  - expect: {type: response.create}
                """);
        s.client("{\"type\":\"session.update\"}");
        s.runAll();
        assertThat(s.problems()).isEmpty();
    }
}
