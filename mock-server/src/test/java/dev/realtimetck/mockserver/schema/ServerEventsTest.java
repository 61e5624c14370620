package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A valid event of each of the 46 server event types, plus the documented nullable fields and faults. */
class ServerEventsTest {

    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    private static final String SESSION = "{'type':'realtime','object':'realtime.session','id':'sess_t1',"
            + "'model':'gpt-realtime','output_modalities':['audio'],'instructions':'Help the caller.',"
            + "'tools':[],'tool_choice':'auto','max_output_tokens':'inf','tracing':null,'prompt':null,"
            + "'expires_at':1900000000,'audio':{'input':{'format':{'type':'audio/pcm','rate':24000},"
            + "'transcription':null,'noise_reduction':null,'turn_detection':{'type':'server_vad','threshold':0.5,"
            + "'prefix_padding_ms':300,'silence_duration_ms':500,'idle_timeout_ms':null,'create_response':true,"
            + "'interrupt_response':true}},'output':{'format':{'type':'audio/pcm','rate':24000},'voice':'cedar',"
            + "'speed':1}},'include':null}";
    private static final String ITEM = "{'id':'item_u1','object':'realtime.item','type':'message',"
            + "'status':'completed','role':'user','content':[{'type':'input_audio','transcript':'hi there'}]}";
    private static final String RESPONSE = "{'object':'realtime.response','id':'resp_t1','status':'in_progress',"
            + "'status_details':null,'output':[],'conversation_id':'conv_t1','output_modalities':['audio'],"
            + "'max_output_tokens':'inf','audio':{'output':{'format':{'type':'audio/pcm','rate':24000},"
            + "'voice':'cedar'}},'usage':null,'metadata':null}";
    private static final String DONE_RESPONSE = "{'object':'realtime.response','id':'resp_t1','status':'completed',"
            + "'status_details':null,'output':[{'id':'item_a1','type':'message','status':'completed','role':'assistant',"
            + "'content':[{'type':'output_audio','transcript':'Hello!'}]}],'conversation_id':'conv_t1',"
            + "'output_modalities':['audio'],'usage':{'total_tokens':30,'input_tokens':20,'output_tokens':10,"
            + "'input_token_details':{'text_tokens':15,'audio_tokens':5,'image_tokens':0,'cached_tokens':0,"
            + "'cached_tokens_details':{'text_tokens':0,'audio_tokens':0,'image_tokens':0}},"
            + "'output_token_details':{'text_tokens':4,'audio_tokens':6}},'metadata':{'topic':'greeting'}}";
    private static final String LOC = "'response_id':'resp_t1','item_id':'item_a1','output_index':0,'content_index':0";

    static Map<String, String> validEvents() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("error", "{'type':'error','event_id':'ev1','error':{'type':'invalid_request_error',"
                + "'code':'unknown_parameter','message':'Unknown parameter: session.colour.','param':'session.colour',"
                + "'event_id':'client_ev_5'}}");
        e.put("session.created", "{'type':'session.created','event_id':'ev2','session':" + SESSION + "}");
        e.put("session.updated", "{'type':'session.updated','event_id':'ev3','session':" + SESSION + "}");
        e.put("conversation.created", "{'type':'conversation.created','event_id':'ev4',"
                + "'conversation':{'id':'conv_t1','object':'realtime.conversation'}}");
        e.put("conversation.item.created", "{'type':'conversation.item.created','event_id':'ev5',"
                + "'previous_item_id':null,'item':" + ITEM + "}");
        e.put("conversation.item.added", "{'type':'conversation.item.added','event_id':'ev6',"
                + "'previous_item_id':'item_u0','item':" + ITEM + "}");
        e.put("conversation.item.done", "{'type':'conversation.item.done','event_id':'ev7','item':" + ITEM + "}");
        e.put("conversation.item.retrieved", "{'type':'conversation.item.retrieved','event_id':'ev8','item':"
                + "{'id':'fc_1','object':'realtime.item','type':'function_call','status':'completed',"
                + "'call_id':'call_1','name':'get_time','arguments':'{}'}}");
        e.put("conversation.item.truncated", "{'type':'conversation.item.truncated','event_id':'ev9',"
                + "'item_id':'item_a1','content_index':0,'audio_end_ms':480}");
        e.put("conversation.item.deleted", "{'type':'conversation.item.deleted','event_id':'ev10','item_id':'item_u1'}");
        e.put("conversation.item.input_audio_transcription.delta", "{'type':"
                + "'conversation.item.input_audio_transcription.delta','event_id':'ev11','item_id':'item_u1',"
                + "'content_index':0,'delta':'hi','logprobs':null}");
        e.put("conversation.item.input_audio_transcription.completed", "{'type':"
                + "'conversation.item.input_audio_transcription.completed','event_id':'ev12','item_id':'item_u1',"
                + "'content_index':0,'transcript':'hi there','logprobs':[{'token':'hi','logprob':-0.1,'bytes':[104,105]}],"
                + "'usage':{'type':'duration','seconds':1.5}}");
        e.put("conversation.item.input_audio_transcription.segment", "{'type':"
                + "'conversation.item.input_audio_transcription.segment','event_id':'ev13','item_id':'item_u1',"
                + "'content_index':0,'text':'hi','id':'seg_1','speaker':'A','start':0.25,'end':0.75}");
        e.put("conversation.item.input_audio_transcription.failed", "{'type':"
                + "'conversation.item.input_audio_transcription.failed','event_id':'ev14','item_id':'item_u1',"
                + "'content_index':0,'error':{'type':'transcription_error','code':'too_quiet',"
                + "'message':'Nothing to transcribe.','param':null}}");
        e.put("input_audio_buffer.committed", "{'type':'input_audio_buffer.committed','event_id':'ev15',"
                + "'previous_item_id':null,'item_id':'item_u1'}");
        e.put("input_audio_buffer.cleared", "{'type':'input_audio_buffer.cleared','event_id':'ev16'}");
        e.put("input_audio_buffer.speech_started", "{'type':'input_audio_buffer.speech_started','event_id':'ev17',"
                + "'audio_start_ms':120,'item_id':'item_u1'}");
        e.put("input_audio_buffer.speech_stopped", "{'type':'input_audio_buffer.speech_stopped','event_id':'ev18',"
                + "'audio_end_ms':1320,'item_id':'item_u1'}");
        e.put("input_audio_buffer.timeout_triggered", "{'type':'input_audio_buffer.timeout_triggered',"
                + "'event_id':'ev19','audio_start_ms':1320,'audio_end_ms':7320,'item_id':'item_u2'}");
        e.put("input_audio_buffer.dtmf_event_received", "{'type':'input_audio_buffer.dtmf_event_received',"
                + "'event':'5','received_at':1900000001}");
        e.put("output_audio_buffer.started", "{'type':'output_audio_buffer.started','event_id':'ev20','response_id':'resp_t1'}");
        e.put("output_audio_buffer.stopped", "{'type':'output_audio_buffer.stopped','event_id':'ev21','response_id':'resp_t1'}");
        e.put("output_audio_buffer.cleared", "{'type':'output_audio_buffer.cleared','event_id':'ev22','response_id':'resp_t1'}");
        e.put("response.created", "{'type':'response.created','event_id':'ev23','response':" + RESPONSE + "}");
        e.put("response.done", "{'type':'response.done','event_id':'ev24','response':" + DONE_RESPONSE + "}");
        e.put("response.output_item.added", "{'type':'response.output_item.added','event_id':'ev25',"
                + "'response_id':'resp_t1','output_index':0,'item':{'id':'item_a1','object':'realtime.item',"
                + "'type':'message','status':'in_progress','role':'assistant','content':[]}}");
        e.put("response.output_item.done", "{'type':'response.output_item.done','event_id':'ev26',"
                + "'response_id':'resp_t1','output_index':0,'item':{'id':'item_a1','object':'realtime.item',"
                + "'type':'message','status':'completed','role':'assistant',"
                + "'content':[{'type':'output_text','text':'Hello!'}]}}");
        e.put("response.content_part.added", "{'type':'response.content_part.added','event_id':'ev27'," + LOC
                + ",'part':{'type':'audio','transcript':''}}");
        e.put("response.content_part.done", "{'type':'response.content_part.done','event_id':'ev28'," + LOC
                + ",'part':{'type':'audio','transcript':'Hello!'}}");
        e.put("response.output_text.delta", "{'type':'response.output_text.delta','event_id':'ev29'," + LOC
                + ",'delta':'Hel'}");
        e.put("response.output_text.done", "{'type':'response.output_text.done','event_id':'ev30'," + LOC
                + ",'text':'Hello!'}");
        e.put("response.output_audio_transcript.delta", "{'type':'response.output_audio_transcript.delta',"
                + "'event_id':'ev31'," + LOC + ",'delta':'Hel'}");
        e.put("response.output_audio_transcript.done", "{'type':'response.output_audio_transcript.done',"
                + "'event_id':'ev32'," + LOC + ",'transcript':'Hello!'}");
        e.put("response.output_audio.delta", "{'type':'response.output_audio.delta','event_id':'ev33'," + LOC
                + ",'delta':'AAAAAA=='}");
        e.put("response.output_audio.done", "{'type':'response.output_audio.done','event_id':'ev34'," + LOC + "}");
        e.put("response.function_call_arguments.delta", "{'type':'response.function_call_arguments.delta',"
                + "'event_id':'ev35','response_id':'resp_t2','item_id':'fc_1','output_index':0,'call_id':'call_1',"
                + "'delta':'{'}");
        e.put("response.function_call_arguments.done", "{'type':'response.function_call_arguments.done',"
                + "'event_id':'ev36','response_id':'resp_t2','item_id':'fc_1','output_index':0,'call_id':'call_1',"
                + "'name':'get_time','arguments':'{}'}");
        e.put("response.mcp_call_arguments.delta", "{'type':'response.mcp_call_arguments.delta','event_id':'ev37',"
                + "'response_id':'resp_t3','item_id':'mcp_1','output_index':0,'delta':'{','obfuscation':null}");
        e.put("response.mcp_call_arguments.done", "{'type':'response.mcp_call_arguments.done','event_id':'ev38',"
                + "'response_id':'resp_t3','item_id':'mcp_1','output_index':0,'arguments':'{}'}");
        e.put("response.mcp_call.in_progress", "{'type':'response.mcp_call.in_progress','event_id':'ev39',"
                + "'output_index':0,'item_id':'mcp_1'}");
        e.put("response.mcp_call.completed", "{'type':'response.mcp_call.completed','event_id':'ev40',"
                + "'output_index':0,'item_id':'mcp_1'}");
        e.put("response.mcp_call.failed", "{'type':'response.mcp_call.failed','event_id':'ev41',"
                + "'output_index':0,'item_id':'mcp_1'}");
        e.put("mcp_list_tools.in_progress", "{'type':'mcp_list_tools.in_progress','event_id':'ev42','item_id':'mcpl_1'}");
        e.put("mcp_list_tools.completed", "{'type':'mcp_list_tools.completed','event_id':'ev43','item_id':'mcpl_1'}");
        e.put("mcp_list_tools.failed", "{'type':'mcp_list_tools.failed','event_id':'ev44','item_id':'mcpl_1'}");
        e.put("rate_limits.updated", "{'type':'rate_limits.updated','event_id':'ev45','rate_limits':["
                + "{'name':'requests','limit':100,'remaining':99,'reset_seconds':1.5},"
                + "{'name':'tokens','limit':9000,'remaining':8800,'reset_seconds':30}]}");
        return e;
    }

    static Stream<Arguments> validEventArguments() {
        return validEvents().entrySet().stream().map(x -> Arguments.of(x.getKey(), x.getValue()));
    }

    @Test
    void everyServerEventTypeHasAValidSample() {
        assertThat(validEvents().keySet()).isEqualTo(schemas.serverEventTypes()).hasSize(46);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEventArguments")
    void validSampleHasNoViolations(String type, String event) {
        JsonNode node = Json.parse(event);
        assertThat(node.get("type").asString()).isEqualTo(type);
        assertThat(schemas.validateServerEvent(node)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEventArguments")
    void unknownTopLevelKeysAreAcceptedForForwardCompatibility(String type, String event) {
        ObjectNode node = (ObjectNode) Json.parse(event);
        node.put("added_in_a_later_release", "x");
        assertThat(schemas.validateServerEvent(node)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEventArguments")
    void missingEventIdIsReported(String type, String event) {
        ObjectNode node = (ObjectNode) Json.parse(event);
        node.remove("event_id");
        if (type.equals("input_audio_buffer.dtmf_event_received")) {
            assertThat(schemas.validateServerEvent(node)).isEmpty();
        } else {
            assertThat(schemas.validateServerEvent(node)).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/event_id");
                assertThat(v.message()).isEqualTo("Missing required parameter: 'event_id'.");
            });
        }
    }

    /** The fields the official document declares non-nullable but the real API sends as null. */
    static Stream<Arguments> nullOnTheWire() {
        String transcriptionSession = "{'type':'transcription','object':'realtime.transcription_session',"
                + "'id':'sess_tr1','expires_at':1900000000,'include':null,'audio':{'input':{'format':"
                + "{'type':'audio/pcmu'},'transcription':null,'noise_reduction':null,'turn_detection':null}}}";
        return Stream.of(
                Arguments.of("conversation.item.input_audio_transcription.failed", "/error/param"),
                Arguments.of("response.created", "/response/status_details"),
                Arguments.of("response.created", "/response/usage"),
                Arguments.of("session.created", "/session/audio/input/transcription"),
                Arguments.of("session.created", "/session/audio/input/noise_reduction"),
                Arguments.of("session.created", "/session/include"),
                Arguments.of("session.updated:" + transcriptionSession, "/session/audio/input/transcription"),
                Arguments.of("session.updated:" + transcriptionSession, "/session/audio/input/noise_reduction"),
                Arguments.of("session.updated:" + transcriptionSession, "/session/include"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("nullOnTheWire")
    void documentedNullableFieldAcceptsNull(String typeAndSession, String pointer) {
        String[] parts = typeAndSession.split(":", 2);
        ObjectNode node = (ObjectNode) Json.parse(validEvents().get(parts[0]));
        if (parts.length == 2) {
            node.set("session", Json.parse(parts[1]));
        }
        assertThat(node.at(pointer).isNull()).as("sample holds null at %s", pointer).isTrue();
        assertThat(schemas.validateServerEvent(node)).isEmpty();
    }

    @Test
    void nullableFieldsStillCheckTheirNonNullShape() {
        ObjectNode done = (ObjectNode) Json.parse(validEvents().get("response.done"));
        ((ObjectNode) done.get("response")).set("status_details", Json.parse("{'type':'cancelled','reason':'bored'}"));
        assertThat(schemas.validateServerEvent(done)).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/response/status_details/reason"));
    }

    @Test
    void serverSideFaultsAreLocated() {
        assertThat(schemas.validateServerEvent(Json.parse(
                "{'type':'response.content_part.added','event_id':'e'," + LOC + ",'part':{'type':'video'}}")))
                .singleElement().satisfies(v -> assertThat(v.param()).isEqualTo("part.type"));
        assertThat(schemas.validateServerEvent(Json.parse(
                "{'type':'session.created','event_id':'e','session':{'type':'realtime','id':'s',"
                        + "'object':'realtime.session','audio':{'output':{'format':{'type':'audio/opus'}}}}}")))
                .singleElement().satisfies(v -> assertThat(v.pointer()).isEqualTo("/session/audio/output/format/type"));
        assertThat(schemas.validateServerEvent(Json.parse(
                "{'type':'conversation.item.input_audio_transcription.completed','event_id':'e','item_id':'i',"
                        + "'content_index':0,'transcript':'t','usage':{'type':'tokens','input_tokens':1}}")))
                .extracting(SchemaViolation::pointer)
                .containsExactlyInAnyOrder("/usage/output_tokens", "/usage/total_tokens");
        assertThat(schemas.validateServerEvent(Json.parse(
                "{'type':'error','event_id':'e','error':{'type':'server_error'}}")))
                .singleElement().satisfies(v -> assertThat(v.param()).isEqualTo("error.message"));
    }

    @Test
    void assistantContentAcceptsBothPartSpellings() {
        for (String partType : new String[] {"output_text", "output_audio", "text", "audio"}) {
            JsonNode event = Json.parse("{'type':'conversation.item.retrieved','event_id':'e','item':{'id':'a',"
                    + "'type':'message','role':'assistant','content':[{'type':'" + partType + "'}]}}");
            assertThat(schemas.validateServerEvent(event)).as(partType).isEmpty();
        }
    }
}
