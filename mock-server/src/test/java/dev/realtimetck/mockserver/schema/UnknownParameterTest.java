package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Unknown and Beta-era fields anywhere in a client event are violations with their full dotted path. */
class UnknownParameterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProtocolSchemas schemas = ProtocolSchemas.get();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"session.update","session":{"type":"realtime","turn_detection":{"type":"server_vad"}}}|session.turn_detection
            {"type":"session.update","session":{"type":"realtime","max_response_output_tokens":100}}|session.max_response_output_tokens
            {"type":"session.update","session":{"type":"realtime","modalities":["audio"]}}|session.modalities
            {"type":"session.update","session":{"type":"realtime","voice":"alloy"}}|session.voice
            {"type":"session.update","session":{"type":"realtime","input_audio_format":"pcm16"}}|session.input_audio_format
            {"type":"session.update","session":{"type":"realtime","audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"sample_rate":24000}}}}|session.audio.input.sample_rate
            {"type":"session.update","session":{"type":"realtime","audio":{"output":{"voice":"alloy","speed2":1}}}}|session.audio.output.speed2
            {"type":"session.update","session":{"type":"realtime","tools":[{"type":"function","name":"f","parameters":{},"strict":true}]}}|session.tools[0].strict
            {"type":"session.update","session":{"type":"transcription","audio":{"input":{"transcription":{"model":"whisper-1","lang":"en"}}}}}|session.audio.input.transcription.lang
            {"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"hi","extra":1}]}}|item.content[0].extra
            {"type":"conversation.item.create","item":{"type":"message","role":"user","status":"completed","content":[],"foo":1}}|item.foo
            {"type":"response.create","response":{"modalities":["text"]}}|response.modalities
            {"type":"response.create","response":{"conversation":"none","instructions":"x","audio":{"output":{"voice":"alloy","format2":1}}}}|response.audio.output.format2
            """)
    void unknownFieldIsRejectedWithItsFullPath(String event, String param) {
        List<SchemaViolation> violations = schemas.validateClientEvent(JSON.readTree(event));
        assertThat(violations).as(violations.toString()).anySatisfy(v -> {
            assertThat(v.param()).isEqualTo(param);
            assertThat(v.message()).isEqualTo("Unknown parameter: '" + param + "'.");
        });
        assertThat(schemas.validateClientEventLeniently(JSON.readTree(event)))
                .noneSatisfy(v -> assertThat(v.message()).startsWith("Unknown parameter"));
    }
}
