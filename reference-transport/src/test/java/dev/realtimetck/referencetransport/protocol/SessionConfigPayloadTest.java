package dev.realtimetck.referencetransport.protocol;

import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertFrames;
import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.assertJson;
import static dev.realtimetck.referencetransport.protocol.ProtocolHarness.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.InputTranscription;
import dev.realtimetck.api.NoiseReduction;
import dev.realtimetck.api.Prompt;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTool;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.audio.AudioFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SessionConfigPayloadTest {

    private final ProtocolHarness h = new ProtocolHarness();

    private JsonNode session(RealtimeSessionConfig config) {
        h.protocol.setCurrentModel("m");
        h.protocol.updateSessionConfig(config);
        List<String> frames = h.takeFrames();
        assertThat(frames).hasSize(1);
        JsonNode frame = tree(frames.get(0));
        assertThat(frame.path("type").asString()).isEqualTo("session.update");
        assertThat(frame.has("event_id")).as("A16: no event_id").isFalse();
        return frame.get("session");
    }

    @Test
    void a1_initial_session_update_with_defaults() {
        h.protocol.sendInitialSessionUpdate(null, "m");
        assertFrames(h.takeFrames(), """
                {"type":"session.update","session":{"type":"realtime","model":"m","output_modalities":["audio"],
                 "audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"noise_reduction":null,
                   "transcription":{"model":"gpt-4o-mini-transcribe"},"turn_detection":{"type":"semantic_vad"}},
                  "output":{"format":{"type":"audio/pcm","rate":24000},"speed":1}}}}""");
    }

    @Test
    void a1_c7_initial_config_model_is_replaced_by_the_connection_model() {
        h.protocol.sendInitialSessionUpdate(RealtimeSessionConfig.builder().model("init-model").build(), "ctor");
        assertThat(tree(h.takeFrames().get(0)).path("session").path("model").asString()).isEqualTo("ctor");
    }

    @Test
    void a17_full_ga_example() {
        Map<String, Object> providerData = new LinkedHashMap<>();
        providerData.put("max_output_tokens", 100);
        providerData.put("type", "realtime");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("prefix_padding_ms", 300);
        extra.put("extra_key", 1);
        RealtimeSessionConfig config = RealtimeSessionConfig.builder()
                .instructions("be nice").voice("alloy").outputModalities(List.of("text")).toolChoice("auto")
                .parallelToolCalls(false).reasoning(Map.of("effort", "low"))
                .prompt(new Prompt("pmpt_1", "2", Map.of("a", "b")))
                .audio(new AudioConfig(
                        new AudioInputConfig(AudioFormat.parse("g711_ulaw"), null,
                                new InputTranscription.Config("whisper-1", "en", null, Map.of()),
                                TurnDetection.Config.builder().type("server_vad").createResponse(true)
                                        .interruptResponse(false).silenceDurationMs(500).threshold(0.5)
                                        .extra(extra).build()),
                        new AudioOutputConfig(AudioFormat.PCM16_24K, null, 1.2)))
                .providerData(providerData).build();
        assertJson(h.protocol == null ? "" : frameOf(config), """
                {"type":"session.update","session":{"type":"realtime","instructions":"be nice","model":"m",
                 "output_modalities":["text"],
                 "audio":{"input":{"format":{"type":"audio/pcmu"},"noise_reduction":null,
                   "transcription":{"model":"whisper-1","language":"en"},
                   "turn_detection":{"type":"server_vad","create_response":true,"interrupt_response":false,
                     "prefix_padding_ms":300,"silence_duration_ms":500,"threshold":0.5,"extra_key":1}},
                  "output":{"format":{"type":"audio/pcm","rate":24000},"voice":"alloy","speed":1.2}},
                 "tool_choice":"auto","parallel_tool_calls":false,"reasoning":{"effort":"low"},
                 "max_output_tokens":100,"prompt":{"id":"pmpt_1","version":"2","variables":{"a":"b"}}}}""");
    }

    private String frameOf(RealtimeSessionConfig config) {
        h.protocol.setCurrentModel("m");
        h.protocol.updateSessionConfig(config);
        return h.takeFrames().get(0);
    }

    @Test
    void a17_unspecified_fields_return_to_defaults_on_every_call() {
        JsonNode first = session(RealtimeSessionConfig.builder().instructions("x").voice("ash").build());
        assertThat(first.path("instructions").asString()).isEqualTo("x");
        JsonNode second = session(RealtimeSessionConfig.builder().build());
        assertThat(second.has("instructions")).isFalse();
        assertThat(second.path("audio").path("output").has("voice")).isFalse();
        assertThat(second.path("output_modalities").toString()).isEqualTo("[\"audio\"]");
    }

    @Test
    void a17_explicit_nulls_and_disabled_values_are_sent_as_null() {
        JsonNode s = session(RealtimeSessionConfig.builder().audio(new AudioConfig(
                new AudioInputConfig(null, NoiseReduction.of("near_field"), InputTranscription.disabled(),
                        TurnDetection.disabled()), null)).build());
        JsonNode input = s.path("audio").path("input");
        assertThat(input.get("noise_reduction").toString()).isEqualTo("{\"type\":\"near_field\"}");
        assertThat(input.get("transcription").isNull()).isTrue();
        assertThat(input.get("turn_detection").isNull()).isTrue();
        assertThat(input.get("format").toString()).isEqualTo("{\"type\":\"audio/pcm\",\"rate\":24000}");
    }

    @Test
    void a17_provider_data_overrides_but_prompt_and_tools_are_set_after_it() {
        JsonNode s = session(RealtimeSessionConfig.builder()
                .providerData(Map.of("model", "other", "prompt", "lost", "tools", "lost"))
                .prompt(new Prompt("p", null, null))
                .tools(List.of(new RealtimeTool.FunctionTool("f", null, null, null))).build());
        assertThat(s.path("model").asString()).isEqualTo("other");
        assertJson(s.get("prompt").toString(), "{\"id\":\"p\"}");
        assertJson(s.get("tools").toString(), "[{\"type\":\"function\",\"name\":\"f\"}]");
    }

    @Test
    void x14_provider_data_tools_and_prompt_reach_the_wire_when_the_typed_ones_are_absent_or_empty() {
        JsonNode s = session(RealtimeSessionConfig.builder()
                .providerData(Map.of("tools", List.of(), "prompt", Map.of("id", "x"))).tools(List.of()).build());
        assertJson(s.get("tools").toString(), "[]");
        assertJson(s.get("prompt").toString(), "{\"id\":\"x\"}");
    }

    @Test
    void a19_formats_including_legacy_names() {
        assertJson(AudioFormats.toWire(AudioFormat.parse("pcm16")).toString(), "{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertJson(AudioFormats.toWire(AudioFormat.parse("g711_ulaw")).toString(), "{\"type\":\"audio/pcmu\"}");
        assertJson(AudioFormats.toWire(AudioFormat.parse("g711_alaw")).toString(), "{\"type\":\"audio/pcma\"}");
        assertJson(AudioFormats.fromName("something-else").toString(), "{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertJson(AudioFormats.toWire(new AudioFormat.Pcm(16000)).toString(), "{\"type\":\"audio/pcm\",\"rate\":16000}");
        JsonNode s = session(RealtimeSessionConfig.builder().audio(new AudioConfig(
                new AudioInputConfig(AudioFormat.PCMA, null, null, null),
                new AudioOutputConfig(AudioFormat.PCMU, null, null))).build());
        assertJson(s.path("audio").path("input").get("format").toString(), "{\"type\":\"audio/pcma\"}");
        assertJson(s.path("audio").path("output").get("format").toString(), "{\"type\":\"audio/pcmu\"}");
    }

    @Test
    void a20_turn_detection_keeps_falsy_values() {
        JsonNode s = session(RealtimeSessionConfig.builder().audio(new AudioConfig(new AudioInputConfig(null, null,
                null, TurnDetection.Config.builder().type("semantic_vad").createResponse(false)
                        .interruptResponse(false).prefixPaddingMs(0).silenceDurationMs(0).idleTimeoutMs(0)
                        .threshold(0.0).modelVersion("default").build()), null)).build());
        assertJson(s.path("audio").path("input").get("turn_detection").toString(), """
                {"type":"semantic_vad","create_response":false,"interrupt_response":false,
                 "prefix_padding_ms":0,"silence_duration_ms":0,"idle_timeout_ms":0,"threshold":0,
                 "model_version":"default"}""");
    }

    @Test
    void a20_turn_detection_snake_case_pass_through_and_camel_case_wins() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("create_response", true);
        extra.put("silenceDurationMs", 700);
        extra.put("future_key", "x");
        assertJson(TurnDetectionMapping.toWire(TurnDetection.Config.builder().type("server_vad").createResponse(false)
                        .extra(extra).build()).toString(),
                "{\"type\":\"server_vad\",\"create_response\":false,\"silence_duration_ms\":700,\"future_key\":\"x\"}");
        assertJson(TurnDetectionMapping.toWire(TurnDetection.Config.builder().build()).toString(),
                "{\"type\":\"semantic_vad\"}");
        assertThat(TurnDetectionMapping.toWire(TurnDetection.disabled()).isNull()).isTrue();
        assertJson(TurnDetectionMapping.toWire(null).toString(), "{\"type\":\"semantic_vad\"}");
    }

    @Test
    void a21_output_voice_wins_over_top_level_voice() {
        assertThat(session(RealtimeSessionConfig.builder().voice("echo").build())
                .path("audio").path("output").path("voice").asString()).isEqualTo("echo");
        assertThat(session(RealtimeSessionConfig.builder().voice("echo").audio(new AudioConfig(null,
                new AudioOutputConfig(null, "ash", null))).build())
                .path("audio").path("output").path("voice").asString()).isEqualTo("ash");
    }

    @Test
    void a22_tools_are_whitelisted_and_mcp_approval_normalised() {
        JsonNode s = session(RealtimeSessionConfig.builder().tools(List.of(
                new RealtimeTool.FunctionTool("f", "d", Map.of("type", "object", "properties", Map.of()), true),
                new RealtimeTool.HostedMcpTool("x", "https://m", null, null, null, null, null,
                        Map.of("never", Map.of("toolNames", List.of("a")))),
                new RealtimeTool.HostedMcpTool("y", null, null, "conn", null, null, null,
                        Map.of("always", Map.of("read_only", true))),
                new RealtimeTool.HostedMcpTool("z", null, null, null, null, null, null, "always"),
                new RealtimeTool.HostedMcpTool("u", null, null, null, null, null, null, null))).build());
        assertJson(s.get("tools").toString(), """
                [{"type":"function","name":"f","description":"d","parameters":{"type":"object","properties":{}}},
                 {"type":"mcp","server_label":"x","server_url":"https://m","require_approval":{"never":{"tool_names":["a"]}}},
                 {"type":"mcp","server_label":"y","connector_id":"conn","require_approval":{"always":{"read_only":true}}},
                 {"type":"mcp","server_label":"z","require_approval":"always"},
                 {"type":"mcp","server_label":"u"}]""");
    }

    @Test
    void a22_invalid_require_approval_throws_before_anything_is_sent() {
        for (Object invalid : List.of("sometimes", Map.of("maybe", Map.of()), Map.of("never", "all"),
                Map.of("never", Map.of("toolNames", "a")), Map.of("never", Map.of("readOnly", "yes")), List.of("a"))) {
            RealtimeSessionConfig config = RealtimeSessionConfig.builder().tools(List.of(
                    new RealtimeTool.HostedMcpTool("x", null, null, null, null, null, null, invalid))).build();
            assertThatThrownBy(() -> h.protocol.updateSessionConfig(config))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requireApproval");
        }
        assertThat(h.frames).isEmpty();
    }

    @Test
    void a22_empty_tools_omit_the_key() {
        assertThat(session(RealtimeSessionConfig.builder().tools(List.of()).build()).has("tools")).isFalse();
    }

    @Test
    void a23_tracing_is_never_in_update_session_config() {
        JsonNode s = session(RealtimeSessionConfig.builder().tracing(TracingConfig.auto()).build());
        assertThat(s.has("tracing")).isFalse();
        s = session(RealtimeSessionConfig.builder().tracing(new TracingConfig.Custom("wf", "g", null)).build());
        assertThat(s.has("tracing")).isFalse();
    }

    private List<String> tracingAfter(TracingConfig initial, String serverTracing) {
        ProtocolHarness p = new ProtocolHarness();
        p.protocol.sendInitialSessionUpdate(RealtimeSessionConfig.builder().tracing(initial).build(), "m");
        p.frames.clear();
        p.receive("{\"type\":\"session.created\",\"event_id\":\"e1\",\"session\":{\"type\":\"realtime\""
                + (serverTracing == null ? "" : ",\"tracing\":" + serverTracing) + "}}");
        p.receive("{\"type\":\"session.created\",\"event_id\":\"e2\",\"session\":{\"type\":\"realtime\"}}");
        return p.takeFrames();
    }

    @Test
    void a3_tracing_follow_up_table() {
        String auto = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":\"auto\"}}";
        String off = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":null}}";
        String custom = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"tracing\":{\"workflow_name\":\"wf\",\"group_id\":\"g\"}}}";
        String serverObject = "{\"workflow_name\":\"server\"}";
        assertFrames(tracingAfter(null, null), auto);
        assertFrames(tracingAfter(null, serverObject), auto);
        assertFrames(tracingAfter(TracingConfig.auto(), serverObject), auto);
        assertFrames(tracingAfter(TracingConfig.disabled(), null), off);
        assertFrames(tracingAfter(TracingConfig.disabled(), "null"), off);
        assertFrames(tracingAfter(TracingConfig.disabled(), "\"auto\""), off);
        assertFrames(tracingAfter(new TracingConfig.Custom("wf", "g", null), "\"auto\""), custom);
        assertFrames(tracingAfter(new TracingConfig.Custom("wf", "g", null), serverObject));
        assertFrames(tracingAfter(TracingConfig.disabled(), serverObject));
    }
}
