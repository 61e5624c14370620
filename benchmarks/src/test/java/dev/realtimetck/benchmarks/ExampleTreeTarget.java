package dev.realtimetck.benchmarks;

import dev.realtimetck.api.audio.Pcm16;
import java.nio.ByteBuffer;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deliberately plain third-party {@link BenchmarkTarget} (the worked example of the module README): frames are
 * built and read as Jackson trees. Tests run the benchmarks with {@code factory} set to this class to show the
 * SPI works without the reference transport.
 */
public final class ExampleTreeTarget implements BenchmarkTarget {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String encodeAppend(ByteBuffer pcm16) {
        ByteBuffer audio = pcm16.duplicate();
        byte[] bytes = new byte[audio.remaining()];
        audio.get(bytes);
        ObjectNode frame = mapper.createObjectNode()
                .put("type", "input_audio_buffer.append")
                .put("audio", Base64.getEncoder().encodeToString(bytes));
        return mapper.writeValueAsString(frame);
    }

    @Override
    public InboundPipeline newInboundPipeline(BenchmarkListeners listeners) {
        return frame -> {
            JsonNode event = mapper.readTree(frame);
            switch (event.path("type").asString("")) {
                case "response.output_audio.delta" -> listeners.sink().accept(
                        Pcm16.sampleCount(Base64.getDecoder().decode(event.path("delta").asString("")).length));
                case "response.output_audio_transcript.delta", "response.output_text.delta",
                        "response.function_call_arguments.delta" -> listeners.sink().accept(event.path("delta"));
                case "conversation.item.added", "conversation.item.done", "response.output_item.done",
                        "response.done" -> listeners.sink().accept(event);
                default -> {
                }
            }
            if (listeners.anyListener()) {
                listeners.sink().accept(event.deepCopy());
            }
        };
    }
}
