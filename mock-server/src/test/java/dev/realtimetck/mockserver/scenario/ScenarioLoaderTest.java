package dev.realtimetck.mockserver.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private final ScenarioLoader loader = new ScenarioLoader(ServerEventCheck.NONE);

    @Test
    void parsesEveryStepKind() {
        Scenario s = loader.parse("""
                name: all
                strict: true
                pace: 1.5s
                audio_format: audio/pcmu
                ignore: [input_audio_buffer.append]
                steps:
                  - expect: {type: a, match: {x: 1}, pointers: {"/y": "^z"}, as: first, repeat: true}
                  - send: {type: b}
                  - wait: 250ms
                  - pace: 10
                  - close: 4000
                  - close: {code: 1011, reason: bye}
                  - drop:
                  - malformed: "nope"
                  - binary: {size: 3}
                  - stall: {}
                rules:
                  - {when: {type: c}, send: [{type: d}], times: 2}
                """, "all.yaml");
        assertThat(s.name()).isEqualTo("all");
        assertThat(s.strict()).isTrue();
        assertThat(s.pace()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.audioFormat()).isEqualTo("audio/pcmu");
        assertThat(s.steps()).extracting(st -> st.getClass().getSimpleName()).containsExactly(
                "Expect", "Send", "Wait", "Pace", "Close", "Close", "Drop", "Malformed", "Binary", "Stall");
        Step.Expect expect = (Step.Expect) s.steps().get(0);
        assertThat(expect.as()).isEqualTo("first");
        assertThat(expect.repeat()).isTrue();
        assertThat(expect.matcher().pointers()).containsKey("/y");
        assertThat(s.steps().get(2)).isEqualTo(new Step.Wait(Duration.ofMillis(250)));
        assertThat(s.steps().get(4)).isEqualTo(new Step.Close(4000, ""));
        assertThat(s.rules()).singleElement().satisfies(r -> assertThat(r.times()).isEqualTo(2));
    }

    @Test
    void jsonIsAcceptedToo() {
        Scenario s = loader.parse("{\"steps\":[{\"send\":{\"type\":\"session.created\"}}]}", "x.json");
        assertThat(s.name()).isEqualTo("x");
        assertThat(s.steps()).hasSize(1);
    }

    @Test
    void unknownStepKindIsRejectedWithItsPath() {
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {type: a}
                  - sned: {type: b}
                """, "typo.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario typo.yaml does not match scenario.schema.json:")
                .hasMessageContaining("/steps/1")
                .hasMessageContaining("sned");
    }

    @Test
    void wrongValueTypesAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - wait: soon
                """, "w.yaml")).hasMessageContaining("/steps/0/wait");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - close: {code: 99}
                """, "c.yaml")).hasMessageContaining("/steps/0/close");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {no_type: 1}
                """, "s.yaml")).hasMessageContaining("/steps/0/send");
        assertThatThrownBy(() -> loader.parse("""
                stric: true
                """, "top.yaml")).hasMessageContaining("stric");
    }

    @Test
    void rulesMayNotExpect() {
        assertThatThrownBy(() -> loader.parse("""
                rules:
                  - when: {type: a}
                    then: [{expect: {type: b}}]
                """, "r.yaml")).hasMessageContaining("/rules/0/then/0: a rule cannot contain expect steps");
    }

    @Test
    void badPlaceholdersAndRegexesAreRejectedAtLoad() {
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {type: a, id: "{{uuid}}"}
                """, "t.yaml")).hasMessage("scenario t.yaml line 2: /steps/0/send: /id: unknown placeholder function 'uuid' "
                + "in {{uuid}} (known: id, event, session_id, session, audio, wav)");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {type: a, id: "{{event nobody /item/id}}"}
                """, "t.yaml")).hasMessageContaining("refers to no earlier expect with as: nobody");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - expect: {type: a, pointers: {"/x": "("}}
                """, "p.yaml")).hasMessageContaining("/steps/0/expect/pointers/~1x: bad regular expression");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {type: a, audio: "{{audio lots}}"}
                """, "a.yaml")).hasMessageContaining("usage: {{audio MILLIS (a whole number)}}");
        assertThatThrownBy(() -> loader.parse("""
                steps:
                  - send: {type: a, audio: "{{audio 60001}}"}
                """, "a.yaml")).hasMessageContaining("at most 60000 ms per placeholder");
    }

    @Test
    void sendEventsWithoutPlaceholdersAreCheckedAgainstServerSchemas() {
        ScenarioLoader checking = new ScenarioLoader(event -> event.path("type").asString().equals("bogus")
                ? List.of("/type: unknown server event type bogus") : List.of());
        assertThatThrownBy(() -> checking.parse("""
                steps:
                  - send: [{type: session.created}, {type: bogus}]
                """, "v.yaml")).hasMessage("scenario v.yaml line 2: /steps/0/send/1/type: server event bogus does not match "
                + "the protocol schema: /type: unknown server event type bogus");
        // a templated event is rendered with sample values and checked too
        assertThatThrownBy(() -> checking.parse("""
                steps:
                  - send: {type: bogus, event_id: "{{id event}}"}
                """, "templated.yaml")).hasMessage("scenario templated.yaml line 2: /steps/0/send/type: server event "
                + "bogus (rendered with sample values) does not match the protocol schema: /type: unknown server event "
                + "type bogus");
    }

    @Test
    void defaultLoaderChecksSendEventsAgainstTheProtocolSchemas() {
        assertThatThrownBy(() -> Scenario.parse("""
                steps:
                  - send: {type: response.cancelled}
                """, "typo.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario typo.yaml line 2: /steps/0/send/type: server event response.cancelled does not "
                        + "match the protocol schema: /type: ")
                .hasMessageContaining("'response.cancelled' is not a known server event type");
        // a partial session object (no id, no object) is refused when the scenario is loaded
        assertThatThrownBy(() -> Scenario.parse("""
                steps:
                  - send: {type: session.created, session: {type: realtime}}
                """, "partial.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario partial.yaml line 2: /steps/0/send/session/id: server event session.created does not "
                        + "match the protocol schema: ");
        assertThat(Scenario.parse("""
                steps:
                  - send: {type: session.created, session: {type: realtime, object: realtime.session, id: sess_1}}
                  - send: {type: response.created, event_id: "{{id event}}", response: {id: "{{id resp}}", object: realtime.response, status: in_progress, output: []}}
                """, "ok.yaml").steps()).hasSize(2);
    }

    @Test
    void templatedEventsAreRenderedWithSampleValuesAndCheckedAtLoad() {
        // the case: status finished is not a response status, whatever the ids become
        assertThatThrownBy(() -> Scenario.parse("""
                name: bad-status
                steps:
                  - expect: {type: response.create}
                  - send:
                      - type: response.created
                        response: {id: "{{id resp r}}", object: realtime.response, status: in_progress, output: []}
                      - type: response.done
                        response:
                          id: "{{id resp r}}"
                          object: realtime.response
                          status: finished
                          output: []
                """, "bad-status.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario bad-status.yaml line 11: /steps/1/send/1/response/status: server event "
                        + "response.done (rendered with sample values) does not match the protocol schema: "
                        + "/response/status: ");
        // values taken from the client event are unknown at load time and not held against the event
        assertThat(Scenario.parse("""
                steps:
                  - expect: {type: conversation.item.create, as: q}
                  - send:
                      type: conversation.item.added
                      previous_item_id: null
                      item: {id: "{{id item}}", type: message, status: completed, role: user, content: "{{event q /item/content}}"}
                """, "echo.yaml").steps()).hasSize(2);
    }

    @Test
    void invalidYamlAndMissingFilesGiveOneReadableLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> loader.parse("steps: [", "broken.yaml"))
                .hasMessageStartingWith("scenario broken.yaml: not valid YAML/JSON:");
        assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml: cannot read");
        Path file = dir.resolve("ok.yml");
        Files.writeString(file, "steps: []\n");
        assertThat(loader.load(file).name()).isEqualTo("ok");
        assertThatThrownBy(() -> loader.fromClasspath("nope/none.yaml")).hasMessage("scenario classpath:nope/none.yaml: no such resource");
    }
}
