package dev.realtimetck.referencetransport.example;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.audio.AudioChunks;
import dev.realtimetck.api.audio.AudioFormat;
import dev.realtimetck.api.audio.WavAudio;
import dev.realtimetck.api.audio.WavFile;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransportBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-turn voice conversation from a WAV file: streams the file as input audio, asks for a response, and writes
 * the model's spoken reply to another WAV file.
 *
 * <pre>
 * OPENAI_API_KEY=sk-... [REALTIME_URL=ws://127.0.0.1:8080/v1/realtime] [REALTIME_MODEL=gpt-realtime] \
 *   java -cp ... dev.realtimetck.referencetransport.example.WavConversation question.wav answer.wav
 * </pre>
 *
 * Without {@code REALTIME_URL} it connects to the OpenAI endpoint. The input may be 24 kHz PCM16 or 8 kHz G.711
 * (A-law or mu-law), mono or stereo (mixed down); the reply is written as 24 kHz PCM16 mono.
 */
public final class WavConversation {

    /** What one turn produced. */
    public record Result(String transcript, int audioBytes, Duration audioDuration) {
    }

    private WavConversation() {
    }

    /**
     * Runs the example with the arguments {@code <input.wav> <output.wav>} and the environment described above.
     *
     * @param args the input and output paths
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: WavConversation <input.wav> <output.wav>  (env: OPENAI_API_KEY, "
                    + "optional REALTIME_URL, REALTIME_MODEL)");
            System.exit(2);
        }
        String key = System.getenv("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("error: OPENAI_API_KEY is not set");
            System.exit(2);
        }
        String url = System.getenv("REALTIME_URL");
        String model = System.getenv("REALTIME_MODEL");
        try {
            Result result = run(url == null || url.isBlank() ? null : URI.create(url), model, key,
                    Path.of(args[0]), Path.of(args[1]), Duration.ofMinutes(2));
            System.out.println("reply: " + result.transcript() + " (" + result.audioDuration().toMillis()
                    + " ms of audio written to " + args[1] + ")");
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs one turn.
     *
     * @param url the WebSocket URL, or null for the OpenAI endpoint
     * @param model the model, or null for the transport's default
     * @param apiKey the API key
     * @param input the WAV file to send
     * @param output where to write the reply
     * @param timeout bound on the whole turn
     * @return the reply's transcript and audio size
     * @throws IOException when a file cannot be read or written
     * @throws TimeoutException when no reply arrives in time
     * @throws ExecutionException when connecting or the turn fails
     * @throws InterruptedException when interrupted while waiting
     */
    public static Result run(URI url, String model, String apiKey, Path input, Path output, Duration timeout)
            throws IOException, TimeoutException, ExecutionException, InterruptedException {
        WavAudio wav = WavFile.read(input).mono();
        AudioFormat inputFormat = wav.audioFormat();
        if (inputFormat instanceof AudioFormat.Pcm pcm && pcm.rate() != AudioFormat.DEFAULT_PCM_RATE) {
            throw new IllegalArgumentException("input: PCM audio must be at 24000 Hz for the Realtime API, "
                    + input + " is at " + pcm.rate() + " Hz");
        }
        byte[] audioIn = wav.data();

        RealtimeWebSocketTransportBuilder builder = RealtimeWebSocketTransport.builder().apiKey(apiKey);
        if (url != null) {
            builder.url(url);
        }
        if (model != null && !model.isBlank()) {
            builder.model(model);
        }
        try (RealtimeWebSocketTransport transport = builder.build()) {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            StringBuilder transcript = new StringBuilder();
            CompletableFuture<TurnDone> done = new CompletableFuture<>();
            transport.on(TransportEventType.AUDIO, audio -> reply.writeBytes(audio.copyBytes()));
            transport.on(TransportEventType.AUDIO_TRANSCRIPT_DELTA, delta -> transcript.append(delta.delta()));
            transport.on(TransportEventType.TURN_DONE, done::complete);
            transport.on(TransportEventType.ERROR, error -> {
                if (error instanceof TransportError.ServerError server) {
                    done.completeExceptionally(new IOException("server error: " + server.event().get("error")));
                }
            });
            transport.on(TransportEventType.CONNECTION_CHANGE, status -> {
                if (status == ConnectionStatus.DISCONNECTED) {
                    done.completeExceptionally(new IOException("connection lost before the reply was complete"));
                }
            });

            // the example decides where the turn ends itself: no server turn detection
            RealtimeSessionConfig session = RealtimeSessionConfig.builder()
                    .audio(new AudioConfig(
                            new AudioInputConfig(inputFormat, null, null, TurnDetection.disabled()), null))
                    .build();
            transport.connect(RealtimeTransportConnectOptions.builder().initialSessionConfig(session).build())
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);

            List<byte[]> chunks = AudioChunks.split(audioIn, inputFormat, Duration.ofMillis(100));
            for (int i = 0; i < chunks.size(); i++) {
                transport.sendAudio(chunks.get(i), i == chunks.size() - 1);
            }
            transport.requestResponse();
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);

            byte[] audio = reply.toByteArray();
            WavFile.write(WavAudio.of(AudioFormat.PCM16_24K, audio), output);
            return new Result(transcript.toString(), audio.length,
                    Duration.ofMillis(Math.round(AudioFormat.PCM16_24K.durationMillis(audio.length))));
        }
    }
}
