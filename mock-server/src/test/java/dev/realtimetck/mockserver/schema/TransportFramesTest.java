package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client frames of the shapes the reference transport writes (transport rules, section A), with our own
 * values, all validate: nulls that switch features off, telephony formats, turn-detection keys the
 * transport passes through, event_id on response.create, previous_item_id, truncation and MCP approvals.
 */
class TransportFramesTest {

    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    static Stream<String> frames() {
        return Stream.of(
                // A1: first session.update with defaults
                "{'type':'session.update','session':{'type':'realtime','model':'gpt-realtime','output_modalities':['audio'],"
                        + "'audio':{'input':{'format':{'type':'audio/pcm','rate':24000},'noise_reduction':null,"
                        + "'transcription':{'model':'gpt-4o-mini-transcribe'},'turn_detection':{'type':'semantic_vad'}},"
                        + "'output':{'format':{'type':'audio/pcm','rate':24000},'speed':1}}}}",
                // A3: tracing follow-ups
                "{'type':'session.update','session':{'type':'realtime','tracing':'auto'}}",
                "{'type':'session.update','session':{'type':'realtime','tracing':null}}",
                "{'type':'session.update','session':{'type':'realtime','tracing':{'workflow_name':'support-bot','group_id':'g-7'}}}",
                // A5, A8: response.create with event_id, with and without overrides
                "{'type':'response.create','event_id':'my-own-id','response':{'instructions':'Summarize.'}}",
                "{'type':'response.create','response':{},'event_id':'rc_1'}",
                "{'type':'response.create','event_id':'rc_2'}",
                // A6, A29: cancel with and without response_id, then truncate
                "{'type':'response.cancel','response_id':'resp_77'}",
                "{'type':'response.cancel'}",
                "{'type':'conversation.item.truncate','item_id':'item_audio_1','content_index':0,'audio_end_ms':35}",
                // A9, A10, A13: user messages, image parts, merged top-level keys
                "{'type':'conversation.item.create','item':{'type':'message','role':'user','content':[{'type':'input_text','text':'Good morning'}]}}",
                "{'type':'conversation.item.create','item':{'type':'message','role':'user','content':["
                        + "{'type':'input_text','text':'What is this?'},"
                        + "{'type':'input_image','image_url':'data:image/jpeg;base64,/9j/4AAQ','detail':'low'}]},"
                        + "'event_id':'ev-img-1','previous_item_id':'item_prev'}",
                "{'type':'conversation.item.create','item':{'type':'message','role':'user','content':[{'type':'input_image','image_url':'https://example.com/cat.png'}]}}",
                // A14: audio append (empty and non-empty) and commit
                "{'type':'input_audio_buffer.append','audio':'3q2+7w=='}",
                "{'type':'input_audio_buffer.append','audio':''}",
                "{'type':'input_audio_buffer.commit'}",
                // A17: full GA payload, telephony input format, voice, reasoning, prompt, provider keys
                "{'type':'session.update','session':{'type':'realtime','instructions':'Be kind.','model':'gpt-realtime',"
                        + "'output_modalities':['text'],'audio':{'input':{'format':{'type':'audio/pcmu'},'noise_reduction':null,"
                        + "'transcription':{'model':'whisper-1','language':'fr'},'turn_detection':{'type':'server_vad',"
                        + "'create_response':true,'interrupt_response':false,'prefix_padding_ms':200,'silence_duration_ms':650,"
                        + "'threshold':0.6,'vendor_extra':2}},'output':{'format':{'type':'audio/pcm','rate':24000},"
                        + "'voice':'marin','speed':1.1}},'tool_choice':'required','parallel_tool_calls':false,"
                        + "'reasoning':{'effort':'medium'},'max_output_tokens':256,"
                        + "'prompt':{'id':'pmpt_abc','version':'3','variables':{'city':'Lyon'}}}}",
                // A17: transcription explicitly null, turn detection null
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'format':{'type':'audio/pcma'},"
                        + "'noise_reduction':{'type':'far_field'},'transcription':null,'turn_detection':null}}}}",
                // A18: legacy mapping output
                "{'type':'session.update','session':{'type':'realtime','model':'gpt-realtime','output_modalities':['text','audio'],"
                        + "'audio':{'input':{'format':{'type':'audio/pcm','rate':24000},'noise_reduction':{'type':'near_field'},"
                        + "'transcription':{'model':'gpt-4o-transcribe'},'turn_detection':{'type':'semantic_vad','eagerness':'low'}},"
                        + "'output':{'format':{'type':'audio/pcma'},'voice':'verse','speed':0.8}}}}",
                // A20: falsy turn-detection values and pass-through keys
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'turn_detection':{'type':'semantic_vad',"
                        + "'create_response':false,'interrupt_response':false,'prefix_padding_ms':0,'silence_duration_ms':0,"
                        + "'idle_timeout_ms':0,'threshold':0,'model_version':'default'}}}}}",
                "{'type':'session.update','session':{'type':'realtime','audio':{'input':{'turn_detection':{'type':'server_vad',"
                        + "'idle_timeout_ms':6000,'model_version':'v2'}}}}}",
                // A22: function and MCP tools
                "{'type':'session.update','session':{'type':'realtime','tools':["
                        + "{'type':'function','name':'lookup_order','description':'Find an order','parameters':{'type':'object','properties':{}}},"
                        + "{'type':'mcp','server_label':'docs','server_url':'https://mcp.example.com','require_approval':{'never':{'tool_names':['search']}}},"
                        + "{'type':'mcp','server_label':'wiki','require_approval':'always','allowed_tools':['read']}]}}",
                // A26: function call output
                "{'type':'conversation.item.create','item':{'type':'function_call_output','output':'42','call_id':'call_abc'}}",
                // A34: resetHistory deletes and creates with ids and status
                "{'type':'conversation.item.delete','item_id':'item_old'}",
                "{'type':'conversation.item.create','item':{'type':'message','role':'system','content':[{'type':'input_text','text':'Rules'}],'id':'sys_1'}}",
                "{'type':'conversation.item.create','item':{'type':'message','role':'user','content':[{'type':'input_text','text':'edited'}],'id':'item_u2','status':'completed'}}",
                "{'type':'conversation.item.create','item':{'type':'message','role':'assistant','content':[{'type':'output_text','text':'Sure.'}],'id':'item_a3','status':'completed'}}",
                // A35: MCP approval response, with and without a reason
                "{'type':'conversation.item.create','previous_item_id':'mcpr_9','item':{'type':'mcp_approval_response',"
                        + "'approval_request_id':'mcpr_9','approve':false,'reason':'not allowed'}}",
                "{'type':'conversation.item.create','previous_item_id':'mcpr_10','item':{'type':'mcp_approval_response',"
                        + "'approval_request_id':'mcpr_10','approve':true}}",
                // interrupting playback
                "{'type':'output_audio_buffer.clear'}",
                "{'type':'conversation.item.retrieve','item_id':'item_t1'}");
    }

    @ParameterizedTest
    @MethodSource("frames")
    void referenceTransportFrameValidates(String frame) {
        assertThat(schemas.validateClientEvent(Json.parse(frame))).isEmpty();
    }
}
