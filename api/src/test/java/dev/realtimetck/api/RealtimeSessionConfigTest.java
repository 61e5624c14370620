package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.audio.AudioFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeSessionConfigTest {

    private static RealtimeSessionConfig full() {
        return RealtimeSessionConfig.builder()
                .instructions("be brief")
                .model("gpt-realtime")
                .toolChoice("auto")
                .tools(List.of(new RealtimeTool.FunctionTool("weather", "looks it up", Map.of("type", "object"),
                        null)))
                .parallelToolCalls(true)
                .reasoning(Map.of("effort", "low"))
                .tracing(TracingConfig.auto())
                .prompt(new Prompt("pmpt_1", "2", Map.of("name", "Ada")))
                .outputModalities(List.of("audio"))
                .audio(new AudioConfig(new AudioInputConfig(AudioFormat.PCM16_24K, NoiseReduction.of("near_field"),
                        InputTranscription.model("whisper-1"), TurnDetection.serverVad()),
                        new AudioOutputConfig(AudioFormat.PCMU, "alloy", 1.0)))
                .voice("verse")
                .providerData(Map.of("x", 1))
                .build();
    }

    @Test
    void emptyMeansEverythingUnspecified() {
        RealtimeSessionConfig empty = RealtimeSessionConfig.empty();

        assertThat(empty).isEqualTo(new RealtimeSessionConfig(null, null, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(empty.tools()).isNull();
        assertThat(empty.providerData()).isNull();
    }

    @Test
    void builderSetsEveryFieldAndToBuilderRoundTrips() {
        RealtimeSessionConfig config = full();

        assertThat(config.instructions()).isEqualTo("be brief");
        assertThat(config.model()).isEqualTo("gpt-realtime");
        assertThat(config.toolChoice()).isEqualTo("auto");
        assertThat(config.tools()).hasSize(1);
        assertThat(config.parallelToolCalls()).isTrue();
        assertThat(config.reasoning()).isEqualTo(Map.of("effort", "low"));
        assertThat(config.tracing()).isInstanceOf(TracingConfig.Auto.class).isSameAs(TracingConfig.auto());
        assertThat(config.prompt().promptId()).isEqualTo("pmpt_1");
        assertThat(config.outputModalities()).containsExactly("audio");
        assertThat(config.audio().output().voice()).isEqualTo("alloy");
        assertThat(config.voice()).isEqualTo("verse");
        assertThat(config.providerData()).isEqualTo(Map.of("x", 1));

        assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
        assertThat(config.toBuilder().instructions("other").build()).isNotEqualTo(config);
    }

    @Test
    void collectionsAreCopiedImmutably() {
        List<RealtimeTool> tools = new ArrayList<>();
        List<String> modalities = new ArrayList<>(List.of("text"));
        Map<String, Object> reasoning = new HashMap<>(Map.of("effort", "low"));
        Map<String, Object> choice = new HashMap<>(Map.of("type", "function", "name", "f"));
        RealtimeSessionConfig config = RealtimeSessionConfig.builder().tools(tools).outputModalities(modalities)
                .reasoning(reasoning).toolChoice(choice).build();

        tools.add(new RealtimeTool.FunctionTool("late", null, null, null));
        modalities.add("audio");
        reasoning.put("effort", "high");
        choice.put("name", "g");

        assertThat(config.tools()).isEmpty();
        assertThat(config.outputModalities()).containsExactly("text");
        assertThat(config.reasoning()).isEqualTo(Map.of("effort", "low"));
        assertThat(config.toolChoice()).isEqualTo(Map.of("type", "function", "name", "f"));
        assertThatThrownBy(() -> config.outputModalities().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.tools().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> RealtimeSessionConfig.builder().toolChoice(42).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("toolChoice");
        List<String> modalities = new ArrayList<>();
        modalities.add(null);
        assertThatThrownBy(() -> RealtimeSessionConfig.builder().outputModalities(modalities).build())
                .isInstanceOf(NullPointerException.class).hasMessage("outputModalities[0]");
        assertThatThrownBy(() -> RealtimeSessionConfig.builder().providerData(Map.of("k", new Object())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("providerData.k");
    }

    @Test
    void explicitlyDisabledSettingsAreValuesNotNulls() {
        AudioInputConfig input = new AudioInputConfig(null, NoiseReduction.disabled(), InputTranscription.disabled(),
                TurnDetection.disabled());

        assertThat(input.noiseReduction()).isInstanceOf(NoiseReduction.Off.class);
        assertThat(input.transcription()).isInstanceOf(InputTranscription.Off.class);
        assertThat(input.turnDetection()).isInstanceOf(TurnDetection.Off.class);
        assertThat(TracingConfig.disabled()).isInstanceOf(TracingConfig.Disabled.class);
        assertThat(new AudioInputConfig(null, null, null, null).turnDetection()).isNull();
    }

    @Test
    void turnDetectionBuilder() {
        Map<String, Object> extra = new HashMap<>(Map.of("future", true));
        TurnDetection.Config config = TurnDetection.Config.builder().type("semantic_vad").createResponse(false)
                .interruptResponse(true).prefixPaddingMs(300).silenceDurationMs(500).idleTimeoutMs(6000)
                .threshold(0.6).eagerness("low").modelVersion("v2").extra(extra).build();

        extra.put("future", false);

        assertThat(config).isEqualTo(new TurnDetection.Config("semantic_vad", false, true, 300, 500, 6000, 0.6,
                "low", "v2", Map.of("future", true)));
        assertThat(TurnDetection.serverVad().type()).isEqualTo("server_vad");
        assertThat(TurnDetection.semanticVad().type()).isEqualTo("semantic_vad");
        assertThat(TurnDetection.serverVad().extra()).isEmpty();
        assertThat(TurnDetection.Config.builder().extra(null).build().extra()).isEmpty();
    }

    @Test
    void transcriptionNoiseReductionTracingPrompt() {
        InputTranscription.Config transcription = (InputTranscription.Config) InputTranscription.model("whisper-1");
        assertThat(transcription.model()).isEqualTo("whisper-1");
        assertThat(transcription.extra()).isEmpty();
        assertThat(new InputTranscription.Config(null, "en", null, Map.of("keywords", List.of("TCK"))).extra())
                .containsEntry("keywords", List.of("TCK"));

        assertThat(NoiseReduction.of("far_field")).isEqualTo(new NoiseReduction.Config("far_field"));
        assertThatThrownBy(() -> NoiseReduction.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type");

        assertThat(new TracingConfig.Custom("wf", null, null).metadata()).isNull();
        Map<String, Object> metadata = new HashMap<>(Map.of("k", "v"));
        TracingConfig.Custom custom = new TracingConfig.Custom("wf", "g", metadata);
        metadata.put("k", "changed");
        assertThat(custom.metadata()).isEqualTo(Map.of("k", "v"));

        assertThat(new Prompt("p", null, null).variables()).isEmpty();
        assertThatThrownBy(() -> new Prompt("", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("promptId");
    }

    @Test
    void tools() {
        assertThatThrownBy(() -> new RealtimeTool.FunctionTool("", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name");
        RealtimeTool.HostedMcpTool mcp = new RealtimeTool.HostedMcpTool("docs", "https://mcp.example/sse", null,
                null, "Bearer secret-token", Map.of("Authorization", "Bearer secret-token"), List.of("search"),
                Map.of("never", Map.of("tool_names", List.of("search"))));

        assertThat(mcp.toString()).contains("serverLabel=docs", "authorization=[redacted]")
                .doesNotContain("secret-token");
        assertThat(mcp.requireApproval()).isEqualTo(Map.of("never", Map.of("tool_names", List.of("search"))));
        assertThat(new RealtimeTool.HostedMcpTool("d", null, null, null, null, null, null, null).toString())
                .contains("authorization=null");
        assertThat(mcp.allowedTools()).isEqualTo(List.of("search"));
        assertThatThrownBy(() -> ((List<?>) mcp.allowedTools()).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new RealtimeTool.HostedMcpTool("d", null, null, "conn", null, null, null, "always")
                .requireApproval()).isEqualTo("always");
        assertThatThrownBy(() -> new RealtimeTool.HostedMcpTool("d", null, null, null, null, null, 3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("allowedTools");
        assertThatThrownBy(() -> new RealtimeTool.HostedMcpTool("", null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serverLabel");
    }
}
