package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One valid and one invalid sample per client event type, with the expected location of the fault. */
class ClientEventsTest {

    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    /** type, a valid event, an invalid event, the expected pointer and param of its one violation. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("session.update",
                        "{'type':'session.update','session':{'type':'realtime','instructions':'Answer in rhymes.'}}",
                        "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'format':"
                                + "{'type':'audio/pcm','rate':16000}}}}}",
                        "/session/audio/input/format/rate", "session.audio.input.format.rate"),
                Arguments.of("input_audio_buffer.append",
                        "{'type':'input_audio_buffer.append','audio':'UklGRiQAAABXQVZF'}",
                        "{'type':'input_audio_buffer.append','audio':'not*base64'}",
                        "/audio", "audio"),
                Arguments.of("input_audio_buffer.commit",
                        "{'type':'input_audio_buffer.commit','event_id':'c-17'}",
                        "{'type':'input_audio_buffer.commit','event_id':17}",
                        "/event_id", "event_id"),
                Arguments.of("input_audio_buffer.clear",
                        "{'type':'input_audio_buffer.clear'}",
                        "{'type':'input_audio_buffer.clear','force':true}",
                        "/force", "force"),
                Arguments.of("output_audio_buffer.clear",
                        "{'type':'output_audio_buffer.clear','event_id':'stop-playback'}",
                        "{'type':'output_audio_buffer.clear','response_id':'resp_9'}",
                        "/response_id", "response_id"),
                Arguments.of("conversation.item.create",
                        "{'type':'conversation.item.create','item':{'type':'function_call_output',"
                                + "'call_id':'call_weather','output':'{\\'temp_c\\':21}'}}",
                        "{'type':'conversation.item.create','item':{'type':'message',"
                                + "'content':[{'type':'input_text','text':'hello'}]}}",
                        "/item/role", "item.role"),
                Arguments.of("conversation.item.retrieve",
                        "{'type':'conversation.item.retrieve','item_id':'item_42'}",
                        "{'type':'conversation.item.retrieve'}",
                        "/item_id", "item_id"),
                Arguments.of("conversation.item.truncate",
                        "{'type':'conversation.item.truncate','item_id':'item_7','content_index':0,'audio_end_ms':640}",
                        "{'type':'conversation.item.truncate','item_id':'item_7','content_index':0,'audio_end_ms':'640'}",
                        "/audio_end_ms", "audio_end_ms"),
                Arguments.of("conversation.item.delete",
                        "{'type':'conversation.item.delete','item_id':'item_7'}",
                        "{'type':'conversation.item.delete','item_id':null}",
                        "/item_id", "item_id"),
                Arguments.of("response.create",
                        "{'type':'response.create','response':{'output_modalities':['text'],'instructions':'Be brief.'}}",
                        "{'type':'response.create','response':{'output_modalities':['text','video']}}",
                        "/response/output_modalities/1", "response.output_modalities[1]"),
                Arguments.of("response.cancel",
                        "{'type':'response.cancel','response_id':'resp_3'}",
                        "{'type':'response.cancel','response_id':3}",
                        "/response_id", "response_id"));
    }

    @Test
    void samplesCoverEveryClientEventType() {
        assertThat(samples().map(a -> (String) a.get()[0]).collect(Collectors.toSet()))
                .isEqualTo(schemas.clientEventTypes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void validSampleHasNoViolations(String type, String valid, String invalid, String pointer, String param) {
        assertThat(schemas.validateClientEvent(Json.parse(valid))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void invalidSampleIsReportedAtTheOffendingValue(String type, String valid, String invalid, String pointer,
                                                    String param) {
        List<SchemaViolation> violations = schemas.validateClientEvent(Json.parse(invalid));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.eventType()).isEqualTo(type);
            assertThat(v.pointer()).isEqualTo(pointer);
            assertThat(v.param()).isEqualTo(param);
            assertThat(v.message()).contains("'" + param + "'");
        });
    }

    @Test
    void messagesFollowTheApiWording() {
        assertThat(schemas.validateClientEvent(Json.parse("{'type':'input_audio_buffer.clear','force':true}")))
                .singleElement().extracting(SchemaViolation::message).isEqualTo("Unknown parameter: 'force'.");
        assertThat(schemas.validateClientEvent(Json.parse("{'type':'conversation.item.retrieve'}")))
                .singleElement().extracting(SchemaViolation::message)
                .isEqualTo("Missing required parameter: 'item_id'.");
    }

    @Test
    void unknownKeysAreRejectedEverywhereButInsideTurnDetection() {
        // turn_detection stays open: transports pass unknown keys through (rule A20)
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'turn_detection':"
                        + "{'type':'server_vad','vendor_hint':'x'}}}}}"))).isEmpty();
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'vendor_hint':'x'}}}}")))
                .singleElement().satisfies(v -> assertThat(v.param()).isEqualTo("session.audio.input.vendor_hint"));
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime'},'session_id':'s1'}")))
                .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/session_id"));
    }

    @Test
    void enumsAndDiscriminatorsAreEnforced() {
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'conversation'}}")))
                .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/session/type"));
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'turn_detection':"
                        + "{'type':'semantic_vad','eagerness':'eager'}}}}}")))
                .singleElement().satisfies(v -> assertThat(v.param())
                        .isEqualTo("session.audio.input.turn_detection.eagerness"));
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime','tools':[{'type':'mcp','server_url':'https://m'}]}}")))
                .singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/session/tools/0/server_label");
                    assertThat(v.param()).isEqualTo("session.tools[0].server_label");
                });
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'conversation.item.create','item':{'type':'message','role':'user',"
                        + "'content':[{'type':'output_text','text':'hi'}]}}")))
                .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/item/content/0/type"));
    }

    @Test
    void valueMatchingNoAlternativeIsOneViolation() {
        assertThat(schemas.validateClientEvent(Json.parse(
                "{'type':'session.update','session':{'type':'realtime','max_output_tokens':'lots'}}")))
                .singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/session/max_output_tokens");
                    assertThat(v.message()).contains("session.max_output_tokens").contains(" or ");
                });
    }

    @Test
    void eventIdLongerThan512CharactersIsRejected() {
        String id = "e".repeat(513);
        assertThat(schemas.validateClientEvent(Json.parse("{'type':'input_audio_buffer.commit','event_id':'" + id + "'}")))
                .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/event_id"));
    }
}
