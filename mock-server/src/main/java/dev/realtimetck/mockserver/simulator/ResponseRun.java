package dev.realtimetck.mockserver.simulator;

import dev.realtimetck.mockserver.core.SessionContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One response being streamed: a queue of steps, each sending one or a few server events, run one at a time
 * through {@link SessionContext#schedule} so client events (a cancel, a truncate) interleave with the stream.
 * All methods run on the session's serial executor.
 */
final class ResponseRun {

    /** What the session learns from a run. */
    interface Listener {
        /** The run sent its first audio delta. */
        void audioSent(ResponseRun run);

        /** The run sent {@code response.done}; it is no longer active. */
        void finished(ResponseRun run);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Step(Duration delay, Runnable action) {
    }

    private final SessionContext ctx;
    private final SimulatorOptions options;
    private final ResponseSpec spec;
    private final Conversation conversation;
    private final Listener listener;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final ArrayNode output = JSON.arrayNode();
    private final TokenUsage usage = new TokenUsage();
    private Future<?> pending;
    /** When the pending step is due ({@link System#nanoTime()}), for the audio lateness metric; 0 for unpaced steps. */
    private long dueNanos;
    private boolean finished;
    private boolean audioSent;
    /** Whether max_output_tokens cut the reply (the item and response then end incomplete). */
    private boolean limited;

    private ObjectNode openItem;
    private Conversation.Entry openEntry;
    private String openPreviousItemId;
    private int outputIndex = -1;
    private boolean partOpen;
    private final StringBuilder textSoFar = new StringBuilder();
    private AudioClip clip;
    private int samplesSent;

    ResponseRun(SessionContext ctx, SimulatorOptions options, ResponseSpec spec, Conversation conversation,
            Listener listener) {
        this.ctx = ctx;
        this.options = options;
        this.spec = spec;
        this.conversation = conversation;
        this.listener = listener;
    }

    String id() {
        return spec.id();
    }

    boolean inConversation() {
        return spec.inConversation();
    }

    boolean producesAudio() {
        return spec.audio() && spec.call().isEmpty();
    }

    /** Sends {@code response.created} now and schedules the rest of the stream. */
    void start() {
        usage.addInput(spec.instructions(), spec.input());
        send(event("response.created").set("response", responseJson("in_progress", JSON.nullNode(), false)));
        if (spec.call().isPresent()) {
            planFunctionCall(spec.call().get());
        } else {
            planMessage();
        }
        steps.add(new Step(Duration.ZERO, () -> finish(limited ? "incomplete" : "completed",
                limited ? "max_output_tokens" : null)));
        scheduleNext();
    }

    /**
     * Stops the stream: the open item ends {@code incomplete} and {@code response.done} reports {@code cancelled}.
     *
     * @param reason {@code client_cancelled} or {@code turn_detected}
     */
    void cancel(String reason) {
        if (finished) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        steps.clear();
        closeOpenItem("incomplete");
        finish("cancelled", reason);
    }

    /** Stops the stream silently (the session closed; nothing can be sent any more). */
    void abandon() {
        finished = true;
        steps.clear();
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void scheduleNext() {
        Step next = steps.peek();
        if (next == null || finished) {
            return;
        }
        dueNanos = next.delay().isZero() ? 0 : System.nanoTime() + next.delay().toNanos();
        pending = ctx.schedule(next.delay(), this::runStep);
    }

    private void runStep() {
        if (finished) {
            return;
        }
        Step step = steps.poll();
        if (step == null) {
            return;
        }
        if (dueNanos != 0) {
            ctx.recordAudioLateness(Duration.ofNanos(Math.max(0, System.nanoTime() - dueNanos)));
        }
        step.action().run();
        scheduleNext();
    }

    private void planMessage() {
        boolean audio = spec.audio();
        String text = fitToTokenLimit(spec.replyText(), audio);
        steps.add(new Step(Duration.ZERO, () -> {
            ObjectNode item = JSON.objectNode();
            item.put("id", ctx.ids().next("item"));
            item.put("type", "message");
            item.put("status", "in_progress");
            item.put("role", "assistant");
            item.putArray("content");
            openItem(item);
        }));
        steps.add(new Step(Duration.ZERO, () -> {
            ObjectNode part = JSON.objectNode();
            if (audio) {
                part.put("type", "audio");
                part.put("transcript", "");
            } else {
                part.put("type", "text");
                part.put("text", "");
            }
            send(contentEvent("response.content_part.added").set("part", part));
            partOpen = true;
            if (openEntry != null) {
                openEntry.item.putArray("content").addObject().put("type", audio ? "output_audio" : "output_text")
                        .put(audio ? "transcript" : "text", "");
            }
        }));
        List<String> words = words(text);
        if (audio) {
            clip = ReplyVoice.synthesize(text, spec.voice(), spec.audioFormat(),
                    options.speechMillisPerCharacter());
            int chunkSamples = (int) Math.max(1, options.audioChunk().toMillis() * clip.sampleRate() / 1000);
            int chunks = (clip.samples().length + chunkSamples - 1) / chunkSamples;
            Duration previousChunk = Duration.ZERO;
            for (int k = 0; k < chunks; k++) {
                int from = k * chunkSamples;
                int to = Math.min(clip.samples().length, from + chunkSamples);
                List<String> chunkWords = words.subList(k * words.size() / chunks, (k + 1) * words.size() / chunks);
                steps.add(new Step(pace(previousChunk), () -> sendAudioChunk(from, to, chunkWords)));
                previousChunk = Duration.ofNanos((to - from) * 1_000_000_000L / clip.sampleRate());
            }
            steps.add(new Step(pace(previousChunk), () -> {
                send(contentEvent("response.output_audio.done"));
                send(contentEvent("response.output_audio_transcript.done").put("transcript", text));
                closeOpenItem(limited ? "incomplete" : "completed");
            }));
        } else {
            for (String word : words) {
                steps.add(new Step(Duration.ZERO, () -> {
                    textSoFar.append(word);
                    send(contentEvent("response.output_text.delta").put("delta", word));
                }));
            }
            steps.add(new Step(Duration.ZERO, () -> {
                send(contentEvent("response.output_text.done").put("text", text));
                closeOpenItem(limited ? "incomplete" : "completed");
            }));
        }
    }

    /**
     * The longest prefix of {@code text} whose output tokens (text, plus audio when speaking) fit
     * {@code max_output_tokens}; sets {@link #limited} when it had to cut.
     */
    private String fitToTokenLimit(String text, boolean audio) {
        JsonNode max = spec.maxOutputTokens();
        if (!max.isIntegralNumber()) {
            return text;
        }
        int length = text.length();
        while (length > 0 && tokensFor(text.substring(0, length), audio) > max.asInt()) {
            length--;
        }
        limited = length < text.length();
        return text.substring(0, length);
    }

    private int tokensFor(String text, boolean audio) {
        int tokens = TokenUsage.textTokens(text);
        if (audio) {
            tokens += TokenUsage.audioTokens(ReplyVoice.durationMillis(text, options.speechMillisPerCharacter()));
        }
        return tokens;
    }

    private void sendAudioChunk(int from, int to, List<String> chunkWords) {
        byte[] bytes = AudioCodec.encode(Arrays.copyOfRange(clip.samples(), from, to), clip.format());
        send(contentEvent("response.output_audio.delta").put("delta", Base64.getEncoder().encodeToString(bytes)));
        samplesSent = to;
        if (openEntry != null && !openEntry.truncated) {
            openEntry.audio = new AudioClip(Arrays.copyOf(clip.samples(), samplesSent), clip.format());
        }
        if (!audioSent) {
            audioSent = true;
            listener.audioSent(this);
        }
        for (String word : chunkWords) {
            textSoFar.append(word);
            send(contentEvent("response.output_audio_transcript.delta").put("delta", word));
        }
    }

    private void planFunctionCall(FunctionCallTrigger.Call call) {
        String callId = ctx.ids().next("call");
        steps.add(new Step(Duration.ZERO, () -> {
            ObjectNode item = JSON.objectNode();
            item.put("id", ctx.ids().next("item"));
            item.put("type", "function_call");
            item.put("status", "in_progress");
            item.put("name", call.name());
            item.put("call_id", callId);
            item.put("arguments", "");
            openItem(item);
        }));
        String args = call.arguments();
        for (int from = 0; from < args.length(); from += 16) {
            String delta = args.substring(from, Math.min(args.length(), from + 16));
            steps.add(new Step(Duration.ZERO, () -> {
                textSoFar.append(delta);
                send(itemEvent("response.function_call_arguments.delta").put("call_id", callId).put("delta", delta));
            }));
        }
        steps.add(new Step(Duration.ZERO, () -> {
            send(itemEvent("response.function_call_arguments.done").put("call_id", callId).put("name", call.name())
                    .put("arguments", args));
            closeOpenItem("completed");
        }));
    }

    private void openItem(ObjectNode item) {
        outputIndex++;
        openItem = item;
        textSoFar.setLength(0);
        samplesSent = 0;
        send(event("response.output_item.added").put("response_id", spec.id()).put("output_index", outputIndex)
                .set("item", item.deepCopy()));
        if (spec.inConversation()) {
            openEntry = new Conversation.Entry(item.deepCopy(), null);
            openPreviousItemId = conversation.insert(openEntry, null);
            send(event("conversation.item.added").put("previous_item_id", openPreviousItemId)
                    .set("item", item.deepCopy()));
        }
    }

    private void closeOpenItem(String status) {
        if (openItem == null) {
            return;
        }
        ObjectNode item = openItem;
        boolean audio = spec.audio();
        String text = textSoFar.toString();
        if (item.path("type").asString().equals("function_call")) {
            item.put("arguments", text);
            usage.addOutputText(text);
        } else {
            ArrayNode content = item.putArray("content");
            if (partOpen) {
                ObjectNode part = JSON.objectNode();
                part.put("type", audio ? "audio" : "text");
                part.put(audio ? "transcript" : "text", text);
                send(contentEvent("response.content_part.done").set("part", part));
                partOpen = false;
                content.addObject().put("type", audio ? "output_audio" : "output_text")
                        .put(audio ? "transcript" : "text", text);
            }
            usage.addOutputText(text);
            if (clip != null) {
                usage.addOutputAudio(samplesSent * 1000L / clip.sampleRate());
            }
        }
        item.put("status", status);
        send(event("response.output_item.done").put("response_id", spec.id()).put("output_index", outputIndex)
                .set("item", item.deepCopy()));
        if (openEntry != null) {
            openEntry.item.removeAll();
            openEntry.item.setAll(item.deepCopy());
            if (openEntry.truncated) {
                // the client cut the audio while it streamed: the transcript is gone, as after any truncate
                for (JsonNode part : openEntry.item.path("content")) {
                    ((ObjectNode) part).put("transcript", "");
                }
            }
            send(event("conversation.item.done").put("previous_item_id", openPreviousItemId)
                    .set("item", openEntry.item.deepCopy()));
        }
        output.add(item);
        openItem = null;
        openEntry = null;
    }

    private void finish(String status, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        JsonNode details = JSON.nullNode();
        if (reason != null) {
            details = JSON.objectNode().put("type", status).put("reason", reason);
        }
        send(event("response.done").set("response", responseJson(status, details, true)));
        listener.finished(this);
    }

    private ObjectNode responseJson(String status, JsonNode statusDetails, boolean done) {
        ObjectNode r = JSON.objectNode();
        r.put("object", "realtime.response");
        r.put("id", spec.id());
        r.put("status", status);
        r.set("status_details", statusDetails);
        r.set("output", done ? output.deepCopy() : JSON.arrayNode());
        if (spec.inConversation()) {
            r.put("conversation_id", conversation.id());
        } else {
            r.putNull("conversation_id");
        }
        ArrayNode modalities = r.putArray("output_modalities");
        spec.outputModalities().forEach(modalities::add);
        r.set("max_output_tokens", spec.maxOutputTokens().deepCopy());
        ObjectNode audioOut = r.putObject("audio").putObject("output");
        audioOut.set("format", AudioFormats.toJson(spec.audioFormat()));
        audioOut.put("voice", spec.voice());
        r.set("usage", done ? usage.toJson() : JSON.nullNode());
        r.set("metadata", spec.metadata().deepCopy());
        return r;
    }

    private Duration pace(Duration audio) {
        return options.pacing() == SimulatorOptions.Pacing.REALTIME ? audio : Duration.ZERO;
    }

    private ObjectNode itemEvent(String type) {
        return event(type).put("response_id", spec.id()).put("item_id", openItem.path("id").asString())
                .put("output_index", outputIndex);
    }

    private ObjectNode contentEvent(String type) {
        return itemEvent(type).put("content_index", 0);
    }

    private static ObjectNode event(String type) {
        return JSON.objectNode().put("type", type);
    }

    private void send(ObjectNode event) {
        ctx.send(event);
    }

    /** Splits {@code text} after each run of whitespace, so the pieces concatenate back to the text. */
    static List<String> words(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("(?<=\\s)(?=\\S)"));
    }
}
