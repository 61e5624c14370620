package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTool;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TracingConfig;
import dev.realtimetck.api.TurnDetection;
import dev.realtimetck.api.UserContent;
import dev.realtimetck.api.audio.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Rules of the client events each interface method puts on the wire (group CLIENT). */
@Tag("client")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ClientEventRules extends TransportUnderTest {

    private static boolean isType(ObjectNode e, String type) {
        return type.equals(e.path("type").asString(null));
    }

    /** Pushes response.created and response.done, so that a sequencing transport is idle again. */
    private static void finishResponse(Wire wire, String responseId) {
        wire.push(ServerEvents.responseCreated(responseId));
        wire.push(ServerEvents.responseDone(responseId));
    }

    @TckRule("RT-CLIENT-001")
    default void sendEventWritesTheEventVerbatim(TckHarness tck) {
        Wire wire = tck.connect();
        String json = "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_tck_1\","
                + "\"tck_extra\":{\"nested\":[1,2.5,\"three\",null,true]}}";
        tck.transport().sendEvent(RealtimeClientMessage.of(TckJson.map(json)));
        wire.assertJson(wire.await("conversation.item.retrieve"), json, "the event exactly as given");
    }

    @TckRule("RT-CLIENT-002")
    default void responseCancelIsWrittenImmediately(TckHarness tck) {
        Wire wire = tck.connect();
        String json = "{\"type\":\"response.cancel\",\"response_id\":\"resp_not_active\"}";
        tck.transport().sendEvent(RealtimeClientMessage.of(TckJson.map(json)));
        wire.assertJson(wire.await("response.cancel"), json, "the response.cancel exactly as given");
    }

    @TckRule("RT-CLIENT-003")
    default void requestResponseWithAndWithoutBody(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().requestResponse();
        ObjectNode auto = wire.await("response.create");
        if (auto.has("response")) {
            throw wire.violation("requestResponse() to send a response.create without a response body",
                    "it has response " + auto.get("response"), auto);
        }
        finishResponse(wire, "resp_tck_1");
        Map<String, Object> body = TckJson.map("{\"instructions\":\"Answer in French.\",\"metadata\":{\"k\":\"v\"}}");
        tck.transport().requestResponse(body);
        ObjectNode manual = wire.await("response.create");
        if (!TckJson.tree(body).equals(manual.get("response"))) {
            throw wire.violation("response " + TckJson.tree(body), "response " + manual.get("response"), manual);
        }
    }

    @TckRule("RT-CLIENT-004")
    default void sendMessageTextThenResponse(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().sendMessage("hello there");
        ObjectNode item = wire.await("conversation.item.create");
        wire.assertJson(item, "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"hello there\"}]}}", "a user text message item");
        wire.await("response.create");
        List<String> types = wire.types();
        if (types.indexOf("response.create") < types.indexOf("conversation.item.create")) {
            throw new TckViolation("conversation.item.create before response.create", "wire order " + types,
                    wire.lastClientFrames(3));
        }
    }

    @TckRule("RT-CLIENT-005")
    default void structuredMessageMapsPartsAndMergesExtraData(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeUserInput message = RealtimeUserInput.message(List.of(new UserContent.InputText("look at this"),
                new UserContent.InputImage("data:image/png;base64,AAAA", Map.of("detail", "high"))));
        tck.transport().sendMessage(message, Map.of("previous_item_id", "item_prev", "event_id", "evt_tck_msg"),
                SendMessageOptions.NO_RESPONSE);
        wire.assertJson(wire.await("conversation.item.create"), "{\"type\":\"conversation.item.create\","
                + "\"event_id\":\"evt_tck_msg\",\"previous_item_id\":\"item_prev\",\"item\":{\"type\":\"message\","
                + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"look at this\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,AAAA\",\"detail\":\"high\"}]}}",
                "the mapped message with the extra data at the top level");
    }

    @TckRule("RT-CLIENT-006")
    default void sendMessageWithoutTriggerSendsNoResponseCreate(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().sendMessage(RealtimeUserInput.text("no answer please"), Map.of(), SendMessageOptions.NO_RESPONSE);
        wire.await("conversation.item.create");
        wire.assertNone("response.create", "when triggerResponse is false");
    }

    @TckRule("RT-CLIENT-007")
    default void addImageSendsAnImageItem(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().addImage("https://images.example/cat.png");
        wire.assertJson(wire.await("conversation.item.create"), "{\"type\":\"conversation.item.create\",\"item\":"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_image\","
                + "\"image_url\":\"https://images.example/cat.png\"}]}}", "a user message with one input_image");
        wire.await("response.create");
        finishResponse(wire, "resp_tck_img");
        tck.transport().addImage("https://images.example/dog.png", false);
        wire.await("conversation.item.create");
        wire.assertNone("response.create", "for addImage(image, false)");
    }

    @TckRule("RT-CLIENT-008")
    default void sendAudioUsesStandardBase64(TckHarness tck) {
        Wire wire = tck.connect();
        // bytes whose base64 needs '+', '/' and padding
        byte[] first = {(byte) 0xFB, (byte) 0xEF, (byte) 0xBE, (byte) 0xFF, (byte) 0xFF, 0x01, 0x02};
        tck.transport().sendAudio(first, false);
        ObjectNode append = wire.await("input_audio_buffer.append");
        String expected = Base64.getEncoder().encodeToString(first);
        if (!expected.equals(append.path("audio").asString(null)) || append.has("event_id")) {
            throw wire.violation("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + expected + "\"}",
                    append.toString(), append);
        }
        wire.assertNone("input_audio_buffer.commit", "when sendAudio is called without commit");
        byte[] second = {0x10, 0x20, 0x30};
        tck.transport().sendAudio(second, true);
        ObjectNode append2 = wire.await("input_audio_buffer.append");
        if (!Base64.getEncoder().encodeToString(second).equals(append2.path("audio").asString(null))) {
            throw wire.violation("audio " + Base64.getEncoder().encodeToString(second), append2.toString(), append2);
        }
        wire.assertJson(wire.await("input_audio_buffer.commit"), "{\"type\":\"input_audio_buffer.commit\"}",
                "a commit after the append when commit is true");
    }

    @TckRule("RT-CLIENT-009")
    default void sendAudioAcceptsAMegabyte(TckHarness tck) throws Exception {
        Wire wire = tck.connect();
        byte[] audio = new byte[1 << 20];
        new Random(20261123).nextBytes(audio);
        tck.transport().sendAudio(audio, false);
        tck.awaitCondition(() -> decodedAppends(wire).length >= audio.length,
                "all " + audio.length + " bytes in input_audio_buffer.append events",
                () -> decodedAppends(wire).length + " bytes arrived");
        assertThat(decodedAppends(wire)).as("the audio the server received").isEqualTo(audio);
    }

    private static byte[] decodedAppends(Wire wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ObjectNode e : wire.clientEvents("input_audio_buffer.append")) {
            out.writeBytes(Base64.getDecoder().decode(e.path("audio").asString("")));
        }
        return out.toByteArray();
    }

    @TckRule("RT-CLIENT-010")
    default void updateSessionConfigSendsOneSessionUpdate(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().instructions("Be brief.").voice("marin")
                .build());
        ObjectNode update = wire.await("session.update");
        JsonNode session = update.path("session");
        if (!"realtime".equals(session.path("type").asString(null))
                || !"Be brief.".equals(session.path("instructions").asString(null))
                || !"marin".equals(session.at("/audio/output/voice").asString(null)) || update.has("event_id")) {
            throw wire.violation("a session.update with session.type realtime, instructions \"Be brief.\" and "
                    + "audio.output.voice \"marin\" (and no event_id)", update.toString(), update);
        }
        wire.assertNone("session.update", "besides the one update");
    }

    @TckRule("RT-CLIENT-011")
    default void sessionUpdateFillsInDefaults(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().instructions("defaults").build());
        ObjectNode update = wire.await("session.update");
        JsonNode s = update.path("session");
        String pcm = "{\"type\":\"audio/pcm\",\"rate\":24000}";
        boolean ok = TckJson.tree(List.of("audio")).equals(s.path("output_modalities"))
                && Wire.sameJson(Wire.json(pcm), s.at("/audio/input/format"))
                && Wire.sameJson(Wire.json(pcm), s.at("/audio/output/format"))
                && "semantic_vad".equals(s.at("/audio/input/turn_detection/type").asString(null))
                && s.at("/audio/input/transcription/model").isString()
                && s.at("/audio/input/noise_reduction").isNull()
                && Wire.sameJson(Wire.json("{\"v\":1}").get("v"), s.at("/audio/output/speed"));
        if (!ok) {
            throw wire.violation("output_modalities [\"audio\"], audio.input.format and audio.output.format " + pcm
                    + ", audio.input.turn_detection.type semantic_vad, an input transcription model, noise_reduction "
                    + "null and speed 1", s.toString(), update);
        }
    }

    @TckRule("RT-CLIENT-012")
    default void turnDetectionUsesSnakeCaseAndKeepsFalsyValues(TckHarness tck) {
        Wire wire = tck.connect();
        TurnDetection.Config td = TurnDetection.Config.builder().type("server_vad").createResponse(false)
                .interruptResponse(false).prefixPaddingMs(0).silenceDurationMs(0).idleTimeoutMs(0).threshold(0.0)
                .build();
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .audio(new AudioConfig(new AudioInputConfig(null, null, null, td), null)).build());
        ObjectNode update = wire.await("session.update");
        JsonNode t = update.at("/session/audio/input/turn_detection");
        boolean ok = "server_vad".equals(t.path("type").asString(null))
                && t.path("create_response").isBoolean() && !t.path("create_response").asBoolean()
                && t.path("interrupt_response").isBoolean() && !t.path("interrupt_response").asBoolean()
                && isZero(t.path("prefix_padding_ms")) && isZero(t.path("silence_duration_ms"))
                && isZero(t.path("idle_timeout_ms")) && isZero(t.path("threshold"))
                && !t.has("createResponse") && !t.has("prefixPaddingMs");
        if (!ok) {
            throw wire.violation("turn_detection {type:server_vad, create_response:false, interrupt_response:false, "
                    + "prefix_padding_ms:0, silence_duration_ms:0, idle_timeout_ms:0, threshold:0}", t.toString(), update);
        }
        TurnDetection.Config semantic = TurnDetection.Config.builder().type("semantic_vad").eagerness("high")
                .modelVersion("default").extra(Map.of("tck_unknown", 1, "silence_duration_ms", 400,
                        "prefixPaddingMs", 250)).build();
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .audio(new AudioConfig(new AudioInputConfig(null, null, null, semantic), null)).build());
        ObjectNode second = wire.await("session.update");
        JsonNode t2 = second.at("/session/audio/input/turn_detection");
        ObjectNode expected = Wire.json("{\"type\":\"semantic_vad\",\"eagerness\":\"high\",\"model_version\":"
                + "\"default\",\"tck_unknown\":1,\"silence_duration_ms\":400,\"prefix_padding_ms\":250}");
        if (!Wire.sameJson(expected, t2)) {
            throw wire.violation("turn_detection " + expected + " (model_version renamed, unknown and snake_case keys "
                    + "kept, camelCase keys renamed)", t2.toString(), second);
        }
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .audio(new AudioConfig(new AudioInputConfig(null, null, null, TurnDetection.disabled()), null)).build());
        ObjectNode third = wire.await("session.update");
        if (!third.at("/session/audio/input/turn_detection").isNull()) {
            throw wire.violation("turn_detection null when turn detection is disabled",
                    third.at("/session/audio/input/turn_detection").toString(), third);
        }
    }

    private static boolean isZero(JsonNode n) {
        return n.isNumber() && n.asDouble() == 0.0;
    }

    @TckRule("RT-CLIENT-023")
    default void updateSessionConfigLeavesTracingOut(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().instructions("traced")
                .tracing(new TracingConfig.Custom("tck-workflow", "tck-group", Map.of("k", "v"))).build());
        ObjectNode update = wire.await("session.update");
        if (update.path("session").has("tracing")) {
            throw wire.violation("a session.update without session.tracing", update.toString(), update);
        }
    }

    @TckRule("RT-CLIENT-013")
    default void functionToolIsReducedToItsWireFields(TckHarness tck) {
        Wire wire = tck.connect();
        Map<String, Object> params = TckJson.map("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .tools(List.of(new RealtimeTool.FunctionTool("weather", "Looks up the weather", params, true))).build());
        ObjectNode update = wire.await("session.update");
        JsonNode tools = update.at("/session/tools");
        ObjectNode expected = Wire.json("{\"type\":\"function\",\"name\":\"weather\",\"description\":\"Looks up the "
                + "weather\",\"parameters\":" + TckJson.tree(params) + "}");
        if (!tools.isArray() || tools.size() != 1 || !Wire.sameJson(expected, tools.get(0))) {
            throw wire.violation("session.tools [" + expected + "]", String.valueOf(tools), update);
        }
    }

    @TckRule("RT-CLIENT-014")
    default void functionCallOutputItemUpdateAndResponse(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        TransportToolCallEvent call = new TransportToolCallEvent("item_fc_1", "call_tck_1", "weather",
                "{\"city\":\"Paris\"}", "resp_fc", null);
        t.sendFunctionCallOutput(call, "{\"temp\":21}", true);
        wire.assertJson(wire.await("conversation.item.create"), "{\"type\":\"conversation.item.create\",\"item\":"
                + "{\"type\":\"function_call_output\",\"output\":\"{\\\"temp\\\":21}\",\"call_id\":\"call_tck_1\"}}",
                "a function_call_output item for the call");
        wire.await("response.create");
        RealtimeItem update = tck.events().await(TransportEventType.ITEM_UPDATE,
                i -> i instanceof RealtimeItem.FunctionCall fc && fc.itemId().equals("item_fc_1"),
                "an item_update for the function call item_fc_1");
        RealtimeItem.FunctionCall fc = (RealtimeItem.FunctionCall) update;
        assertThat(fc.status()).as("status of the item_update").isEqualTo(ItemStatus.COMPLETED);
        assertThat(fc.output()).as("output of the item_update").isEqualTo("{\"temp\":21}");
        finishResponse(wire, "resp_tck_fc");
        t.sendFunctionCallOutput(call, "again", false);
        wire.await("conversation.item.create");
        wire.assertNone("response.create", "for sendFunctionCallOutput(..., false)");
    }

    @TckRule("RT-CLIENT-015")
    default void interruptWithoutAudioDoesNothing(TckHarness tck) {
        Wire wire = tck.connect();
        tck.transport().interrupt();
        wire.assertNone(e -> isType(e, "conversation.item.truncate") || isType(e, "response.cancel"),
                "no truncate or cancel before the connection's first output audio delta");
        tck.events().assertNone(TransportEventType.AUDIO_INTERRUPTED, "before any output audio of the connection");
        // once a part was interrupted, a second interrupt with no audio delta since does nothing
        wire.push(ServerEvents.responseCreated("resp_once"));
        wire.push(ServerEvents.audioDelta("resp_once", "item_once", ServerEvents.pcmMillis(2000)));
        tck.events().await(TransportEventType.AUDIO);
        tck.transport().interrupt();
        wire.await("conversation.item.truncate");
        wire.await("response.cancel");
        tck.events().await(TransportEventType.AUDIO_INTERRUPTED);
        tck.transport().interrupt();
        wire.assertNone(e -> isType(e, "conversation.item.truncate") || isType(e, "response.cancel"),
                "no truncate or cancel from an interrupt with no audio delta since the last interrupt");
        tck.events().assertNone(TransportEventType.AUDIO_INTERRUPTED, "from an interrupt with no audio delta since the "
                + "last interrupt");
    }

    @TckRule("RT-CLIENT-016")
    default void interruptCancelsSignalsAndTruncates(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_int"));
        wire.push(ServerEvents.audioDelta("resp_int", "item_int", ServerEvents.pcmMillis(100)));
        tck.events().await(TransportEventType.AUDIO);
        tck.transport().interrupt();
        ObjectNode truncate = wire.await("conversation.item.truncate");
        ObjectNode cancel = wire.await("response.cancel");
        tck.events().await(TransportEventType.AUDIO_INTERRUPTED);
        if (!"item_int".equals(truncate.path("item_id").asString(null)) || truncate.path("content_index").asInt(-1) != 0) {
            throw wire.violation("a truncate of item_int, content_index 0", truncate.toString(), truncate);
        }
        List<ObjectNode> events = wire.clientEvents();
        if (events.indexOf(cancel) > events.indexOf(truncate)) {
            throw wire.violation("response.cancel before conversation.item.truncate", "the truncate came first",
                    truncate, cancel);
        }
        tck.transport().interrupt();
        wire.assertNone(e -> isType(e, "conversation.item.truncate") || isType(e, "response.cancel"),
                "nothing from a second interrupt()");
        tck.events().assertNone(TransportEventType.AUDIO_INTERRUPTED, "from a second interrupt()");
    }

    @TckRule("RT-CLIENT-017")
    default void truncateAudioEndIsAWholeNumberWithinTheAudio(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_end"));
        wire.push(ServerEvents.audioDelta("resp_end", "item_end", ServerEvents.pcmMillis(60)));
        wire.push(ServerEvents.audioDelta("resp_end", "item_end", ServerEvents.pcmMillis(40)));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().await(TransportEventType.AUDIO);
        tck.transport().interrupt();
        ObjectNode truncate = wire.await("conversation.item.truncate");
        JsonNode end = truncate.path("audio_end_ms");
        if (!end.isIntegralNumber() || end.asLong() < 0 || end.asLong() > 100) {
            throw wire.violation("audio_end_ms a whole number in [0, 100] (100 ms of audio was received)",
                    "audio_end_ms " + end, truncate);
        }
    }

    @TckRule("RT-CLIENT-018")
    default void wallClockTruncationFollowsElapsedTime(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_wall"));
        long pushed = System.nanoTime();
        wire.push(ServerEvents.audioDelta("resp_wall", "item_wall", ServerEvents.pcmMillis(5000)));
        tck.events().await(TransportEventType.AUDIO);
        long received = System.nanoTime();
        tck.events().assertNone(TransportEventType.AUDIO_DONE, "(waiting so that playback time passes)");
        long before = System.nanoTime();
        tck.transport().interrupt();
        long after = System.nanoTime();
        ObjectNode truncate = wire.await("conversation.item.truncate");
        long end = truncate.path("audio_end_ms").asLong(-1);
        if (!tck.capabilities().wallClockTruncation()) {
            if (end < 0 || end > 5000) {
                throw wire.violation("audio_end_ms within [0, 5000]", "audio_end_ms " + end, truncate);
            }
            tck.unsupported(Capability.WALL_CLOCK_TRUNCATION, "a playback-based audio_end_ms was only checked to lie within the "
                    + "audio received");
            return;
        }
        long min = (before - received) / 1_000_000 - 50;
        long max = (after - pushed) / 1_000_000 + 50;
        if (end < min || end > max) {
            throw wire.violation("audio_end_ms about the time since the first delta arrived, in [" + min + ", " + max
                    + "] ms", "audio_end_ms " + end, truncate);
        }
    }

    @TckRule("RT-CLIENT-019")
    default void speechStartedTruncatesAndCancelsUnlessServerInterrupts(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_vad1"));
        wire.push(ServerEvents.audioDelta("resp_vad1", "item_vad1", ServerEvents.pcmMillis(50)));
        tck.events().await(TransportEventType.AUDIO);
        wire.push(ServerEvents.speechStarted("item_user1"));
        ObjectNode truncate = wire.await("conversation.item.truncate");
        if (!"item_vad1".equals(truncate.path("item_id").asString(null))) {
            throw wire.violation("a truncate of item_vad1", truncate.toString(), truncate);
        }
        wire.await("response.cancel");
        wire.push(ServerEvents.responseDone("resp_vad1"));
        wire.push("{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{"
                + "\"turn_detection\":{\"type\":\"server_vad\",\"interrupt_response\":true,\"create_response\":true}}}}}");
        wire.push(ServerEvents.responseCreated("resp_vad2"));
        wire.push(ServerEvents.audioDelta("resp_vad2", "item_vad2", ServerEvents.pcmMillis(50)));
        tck.events().await(TransportEventType.AUDIO);
        wire.push(ServerEvents.speechStarted("item_user2"));
        ObjectNode truncate2 = wire.await("conversation.item.truncate");
        if (!"item_vad2".equals(truncate2.path("item_id").asString(null))) {
            throw wire.violation("a truncate of item_vad2", truncate2.toString(), truncate2);
        }
        wire.assertNone("response.cancel", "when the session lets the server interrupt (interrupt_response true)");
    }

    @TckRule("RT-CLIENT-020")
    default void resetHistoryDeletesThenCreates(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeItem a = userMessage("item_a", "first");
        RealtimeItem b = userMessage("item_b", "second");
        RealtimeItem bChanged = userMessage("item_b", "second, changed");
        RealtimeItem n = userMessage("item_n", "new");
        tck.transport().resetHistory(List.of(a, b), List.of(bChanged, n));
        ObjectNode d1 = wire.await("conversation.item.delete");
        ObjectNode d2 = wire.await("conversation.item.delete");
        ObjectNode c1 = wire.await("conversation.item.create");
        ObjectNode c2 = wire.await("conversation.item.create");
        List<String> deleted = List.of(d1.path("item_id").asString(""), d2.path("item_id").asString(""));
        List<String> created = List.of(c1.at("/item/id").asString(""), c2.at("/item/id").asString(""));
        List<ObjectNode> events = wire.clientEvents();
        boolean ok = deleted.equals(List.of("item_a", "item_b")) && created.equals(List.of("item_b", "item_n"))
                && events.indexOf(d2) < events.indexOf(c1)
                && "second, changed".equals(c1.at("/item/content/0/text").asString(null))
                && "user".equals(c1.at("/item/role").asString(null));
        if (!ok) {
            throw wire.violation("deletes of item_a, item_b, then creates in new-history order: item_b (with the new "
                    + "text), then item_n", "deletes " + deleted + ", creates " + created, d1, d2, c1, c2);
        }
        wire.assertNone(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                "no further history events");
    }

    private static RealtimeItem userMessage(String id, String text) {
        return new RealtimeItem.Message(id, null, Role.USER, List.of(new ContentPart.InputText(text)),
                ItemStatus.COMPLETED);
    }

    @TckRule("RT-CLIENT-021")
    default void resetHistoryRejectsAssistantAudioBeforeSending(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeItem a = userMessage("item_keep", "keep");
        RealtimeItem audio = new RealtimeItem.Message("item_voice", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "hello")), ItemStatus.COMPLETED);
        assertThatThrownBy(() -> tck.transport().resetHistory(List.of(a), List.of(audio)))
                .as("resetHistory adding an assistant output_audio item").isInstanceOf(RuntimeException.class);
        RealtimeItem written = new RealtimeItem.Message("item_voice", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputText("hello")), ItemStatus.COMPLETED);
        assertThatThrownBy(() -> tck.transport().resetHistory(List.of(a, written), List.of(a, audio)))
                .as("resetHistory changing an assistant item to output_audio content")
                .isInstanceOf(RuntimeException.class);
        wire.assertNone(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                "nothing sent by the rejected resetHistory");
    }

    @TckRule("RT-CLIENT-022")
    default void mcpResponseSendsAnApprovalItem(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeItem.McpApprovalRequest request = new RealtimeItem.McpApprovalRequest("mcpr_tck", "docs", "search",
                Map.of("q", "x"), null);
        tck.transport().sendMcpResponse(request, false, "not today");
        wire.assertJson(wire.await("conversation.item.create"), "{\"type\":\"conversation.item.create\","
                + "\"previous_item_id\":\"mcpr_tck\",\"item\":{\"type\":\"mcp_approval_response\","
                + "\"approval_request_id\":\"mcpr_tck\",\"approve\":false,\"reason\":\"not today\"}}",
                "a rejection with its reason");
        tck.transport().sendMcpResponse(request, true);
        wire.assertJson(wire.await("conversation.item.create"), "{\"type\":\"conversation.item.create\","
                + "\"previous_item_id\":\"mcpr_tck\",\"item\":{\"type\":\"mcp_approval_response\","
                + "\"approval_request_id\":\"mcpr_tck\",\"approve\":true}}", "an approval without a reason key");
        wire.assertNone("response.create", "after an MCP approval response");
    }

    @TckRule("RT-CLIENT-024")
    default void audioFormatsKeepTheirWireShape(TckHarness tck) {
        RealtimeSessionConfig g711 = RealtimeSessionConfig.builder().audio(new AudioConfig(
                new AudioInputConfig(AudioFormat.PCMU, null, null, null),
                new AudioOutputConfig(AudioFormat.PCMA, null, null))).build();
        Wire wire = tck.connect(tck.optionsBuilder().model(TckHarness.MODEL).initialSessionConfig(g711).build());
        ObjectNode initial = tck.initialSessionUpdate();
        expectFormats(wire, initial, "{\"type\":\"audio/pcmu\"}", "{\"type\":\"audio/pcma\"}",
                "G.711 u-law in and A-law out, in the initial session.update");
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().audio(new AudioConfig(
                new AudioInputConfig(new AudioFormat.Pcm(16_000), null, null, null),
                new AudioOutputConfig(AudioFormat.PCMU, null, null))).build());
        expectFormats(wire, wire.await("session.update"), "{\"type\":\"audio/pcm\",\"rate\":16000}",
                "{\"type\":\"audio/pcmu\"}", "16 kHz PCM in and G.711 u-law out, in updateSessionConfig");
    }

    private static void expectFormats(Wire wire, ObjectNode update, String input, String output, String what) {
        JsonNode in = update.at("/session/audio/input/format");
        JsonNode out = update.at("/session/audio/output/format");
        if (!Wire.sameJson(Wire.json(input), in) || !Wire.sameJson(Wire.json(output), out)) {
            throw wire.violation(what + ": audio.input.format " + input + " and audio.output.format " + output,
                    "audio.input.format " + in + ", audio.output.format " + out, update);
        }
    }

    @TckRule("RT-CLIENT-025")
    default void receivedAudioFollowsTheSessionOutputFormat(TckHarness tck) {
        Wire wire = tck.connect();
        // each case: the output format of a session.updated, and how many bytes are 20 ms in it; once the audio has
        // long been received, a wall-clock audio_end_ms is capped by exactly the duration received
        List<String[]> cases = List.of(
                new String[] {"{\"type\":\"audio/pcmu\"}", "160"},
                new String[] {"{\"type\":\"audio/pcma\"}", "160"},
                new String[] {"{\"type\":\"audio/pcm\",\"rate\":16000}", "640"},
                new String[] {"{\"type\":\"audio/pcm\"}", "960"},
                new String[] {"\"g711_ulaw\"", "160"},
                new String[] {"\"pcm16\"", "960"},
                new String[] {"{\"type\":\"audio/tck-future-codec\"}", "960"},
                new String[] {null, "960"});
        int n = 0;
        for (String[] c : cases) {
            n++;
            String format = c[0];
            int bytes = Integer.parseInt(c[1]);
            wire.push("{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":{"
                    + (format == null ? "" : "\"format\":" + format) + "}}}}");
            wire.push(ServerEvents.audioDelta("resp_fmt" + n, "item_fmt" + n, new byte[bytes]));
            tck.events().await(TransportEventType.AUDIO);
            tck.events().assertNone(TransportEventType.AUDIO_DONE, "(waiting so that the 20 ms of audio have played)");
            tck.transport().interrupt();
            ObjectNode truncate = wire.await("conversation.item.truncate");
            long end = truncate.path("audio_end_ms").asLong(-1);
            String what = format == null ? "no output format (24 kHz PCM)" : "output format " + format;
            if (!tck.capabilities().wallClockTruncation()) {
                if (end < 0 || end > 20) {
                    throw wire.violation("audio_end_ms within [0, 20]: " + bytes + " bytes are 20 ms of audio with "
                            + what, "audio_end_ms " + end, truncate);
                }
            } else if (end < 19 || end > 20) {
                throw wire.violation("audio_end_ms 20 (or 19 after rounding): " + bytes + " bytes are 20 ms of audio "
                        + "with " + what + ", and more time than that has passed", "audio_end_ms " + end, truncate);
            }
        }
        if (!tck.capabilities().wallClockTruncation()) {
            tck.unsupported(Capability.WALL_CLOCK_TRUNCATION, "a playback-based audio_end_ms was only checked to lie within the "
                    + "audio received in each format");
        }
    }

    @TckRule("RT-CLIENT-026")
    default void interruptAfterResponseDoneTruncatesWithoutCancel(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_over"));
        wire.push("{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_over\",\"item_id\":\"item_over\","
                + "\"output_index\":0,\"content_index\":2,\"delta\":\""
                + Base64.getEncoder().encodeToString(ServerEvents.pcmMillis(100)) + "\"}");
        tck.events().await(TransportEventType.AUDIO);
        wire.push(ServerEvents.responseDone("resp_over"));
        tck.events().await(TransportEventType.TURN_DONE);
        tck.transport().interrupt();
        ObjectNode truncate = wire.await("conversation.item.truncate");
        if (!"item_over".equals(truncate.path("item_id").asString(null)) || truncate.path("content_index").asInt(-1) != 2) {
            throw wire.violation("a truncate of item_over, content_index 2, whose audio is still playing",
                    truncate.toString(), truncate);
        }
        tck.events().await(TransportEventType.AUDIO_INTERRUPTED);
        wire.assertNone("response.cancel", "once the response is done (there is nothing to cancel)");
    }

    @TckRule("RT-CLIENT-027")
    default void hostedMcpToolsKeepTheirWireFields(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTool docs = new RealtimeTool.HostedMcpTool("docs", "https://mcp.example.test/docs", "Team docs", null,
                "Bearer tck-mcp-token", Map.of("X-Team", "tck"), List.of("search", "fetch"),
                Map.of("never", Map.of("toolNames", List.of("search"), "readOnly", true),
                        "always", Map.of("tool_names", List.of("delete"))));
        RealtimeTool strict = new RealtimeTool.HostedMcpTool("audit", "https://mcp.example.test/audit", null, null, null,
                null, null, "always");
        RealtimeTool open = new RealtimeTool.HostedMcpTool("calendar", null, null, "connector_tck", null, null, null,
                null);
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().tools(List.of(docs, strict, open)).build());
        ObjectNode update = wire.await("session.update");
        JsonNode tools = update.at("/session/tools");
        JsonNode expected = TckJson.tree(TckJson.map("{\"t\":["
                + "{\"type\":\"mcp\",\"server_label\":\"docs\",\"server_url\":\"https://mcp.example.test/docs\","
                + "\"server_description\":\"Team docs\",\"authorization\":\"Bearer tck-mcp-token\","
                + "\"headers\":{\"X-Team\":\"tck\"},"
                + "\"allowed_tools\":[\"search\",\"fetch\"],\"require_approval\":{"
                + "\"never\":{\"tool_names\":[\"search\"],\"read_only\":true},\"always\":{\"tool_names\":[\"delete\"]}}},"
                + "{\"type\":\"mcp\",\"server_label\":\"audit\",\"server_url\":\"https://mcp.example.test/audit\","
                + "\"require_approval\":\"always\"},"
                + "{\"type\":\"mcp\",\"server_label\":\"calendar\",\"connector_id\":\"connector_tck\"}]}").get("t"));
        if (!Wire.sameJson(expected, tools)) {
            throw wire.violation("session.tools " + expected + " (filters in snake_case, absent fields and an absent "
                    + "require_approval left out)", String.valueOf(tools), update);
        }
        RealtimeTool invalid = new RealtimeTool.HostedMcpTool("bad", "https://mcp.example.test/bad", null, null, null,
                null, null, "sometimes");
        assertThatThrownBy(() -> tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .tools(List.of(invalid)).build())).as("updateSessionConfig with require_approval \"sometimes\"")
                .isInstanceOf(RuntimeException.class);
        RealtimeTool unknownFilter = new RealtimeTool.HostedMcpTool("bad", "https://mcp.example.test/bad", null, null,
                null, null, null, Map.of("never", Map.of("toolNamez", List.of("x"))));
        assertThatThrownBy(() -> tck.transport().updateSessionConfig(RealtimeSessionConfig.builder()
                .tools(List.of(unknownFilter)).build())).as("updateSessionConfig with an unknown approval filter key")
                .isInstanceOf(RuntimeException.class);
        wire.assertNone("session.update", "for a configuration with an invalid require_approval");
    }

    @TckRule("RT-CLIENT-028")
    default void everyConfiguredFieldReachesTheSessionUpdate(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeSessionConfig full = RealtimeSessionConfig.builder().instructions("be nice").voice("alloy")
                .outputModalities(List.of("text")).toolChoice("auto").parallelToolCalls(false)
                .reasoning(Map.of("effort", "low"))
                .prompt(new dev.realtimetck.api.Prompt("pmpt_tck", "2", Map.of("a", "b")))
                .audio(new AudioConfig(
                        new AudioInputConfig(AudioFormat.PCMU, dev.realtimetck.api.NoiseReduction.of("near_field"),
                                new dev.realtimetck.api.InputTranscription.Config("whisper-1", "en", "names: Ana",
                                        Map.of("delay", "low")),
                                TurnDetection.serverVad()),
                        new AudioOutputConfig(new AudioFormat.Pcm(24_000), null, 1.2)))
                .providerData(Map.of("max_output_tokens", 100)).build();
        tck.transport().updateSessionConfig(full);
        ObjectNode update = wire.await("session.update");
        JsonNode session = update.path("session");
        ObjectNode expected = Wire.json("{\"type\":\"realtime\",\"instructions\":\"be nice\",\"model\":\""
                + TckHarness.MODEL + "\",\"output_modalities\":[\"text\"],\"audio\":{\"input\":{"
                + "\"format\":{\"type\":\"audio/pcmu\"},\"noise_reduction\":{\"type\":\"near_field\"},"
                + "\"transcription\":{\"model\":\"whisper-1\",\"language\":\"en\",\"prompt\":\"names: Ana\","
                + "\"delay\":\"low\"},\"turn_detection\":{\"type\":\"server_vad\"}},"
                + "\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"voice\":\"alloy\",\"speed\":1.2}},"
                + "\"tool_choice\":\"auto\",\"parallel_tool_calls\":false,\"reasoning\":{\"effort\":\"low\"},"
                + "\"max_output_tokens\":100,\"prompt\":{\"id\":\"pmpt_tck\",\"version\":\"2\",\"variables\":{\"a\":\"b\"}}}");
        if (!Wire.sameJson(expected, session)) {
            throw wire.violation("session " + expected, session.toString(), update);
        }
        tck.transport().updateSessionConfig(RealtimeSessionConfig.builder().voice("echo").audio(new AudioConfig(
                new AudioInputConfig(null, dev.realtimetck.api.NoiseReduction.disabled(),
                        dev.realtimetck.api.InputTranscription.disabled(), null),
                new AudioOutputConfig(null, "marin", null))).build());
        ObjectNode second = wire.await("session.update");
        JsonNode audio = second.at("/session/audio");
        if (!"marin".equals(audio.at("/output/voice").asString(null)) || !audio.at("/input/transcription").isNull()
                || !audio.at("/input/noise_reduction").isNull() || second.at("/session/instructions").isString()) {
            throw wire.violation("the second update to resend everything from its own configuration: audio.output.voice"
                    + " marin (not the top-level echo), transcription and noise_reduction null, no instructions",
                    second.toString(), second);
        }
    }

    @TckRule("RT-CLIENT-029")
    default void sendAudioTakesPositionToLimitOfAnyBuffer(TckHarness tck) {
        Wire wire = tck.connect();
        byte[] backing = new byte[64];
        for (int i = 0; i < backing.length; i++) {
            backing[i] = (byte) (i * 37 + 11);
        }
        java.nio.ByteBuffer window = java.nio.ByteBuffer.wrap(backing, 5, 20); // position 5, limit 25
        java.nio.ByteBuffer slice = java.nio.ByteBuffer.wrap(backing).position(30).slice().limit(7);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(9).put(backing, 40, 9).flip();
        java.nio.ByteBuffer readOnly = java.nio.ByteBuffer.wrap(backing, 50, 14).asReadOnlyBuffer();
        java.nio.ByteBuffer whole = java.nio.ByteBuffer.wrap(backing);
        byte[] small = {1, 2, 3};
        List<java.nio.ByteBuffer> sent = List.of(window, slice, direct, readOnly, whole,
                java.nio.ByteBuffer.wrap(small), java.nio.ByteBuffer.wrap(backing, 0, 10),
                java.nio.ByteBuffer.wrap(backing, 0, 64));
        List<byte[]> expected = new java.util.ArrayList<>();
        for (java.nio.ByteBuffer buffer : sent) {
            java.nio.ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            expected.add(bytes);
            int position = buffer.position();
            int limit = buffer.limit();
            tck.transport().sendAudio(buffer, false);
            assertThat(buffer.position()).as("the buffer's position after sendAudio (not consumed)").isEqualTo(position);
            assertThat(buffer.limit()).as("the buffer's limit after sendAudio").isEqualTo(limit);
        }
        for (int i = 0; i < expected.size(); i++) {
            ObjectNode append = wire.await("input_audio_buffer.append");
            String want = Base64.getEncoder().encodeToString(expected.get(i));
            if (!want.equals(append.path("audio").asString(null))) {
                throw wire.violation("append #" + (i + 1) + " to hold exactly the " + expected.get(i).length
                        + " bytes from position to limit of " + describe(sent.get(i)) + ": " + want,
                        append.path("audio").toString(), append);
            }
        }
    }

    private static String describe(java.nio.ByteBuffer buffer) {
        return (buffer.isDirect() ? "a direct" : buffer.isReadOnly() ? "a read-only" : "a heap") + " buffer";
    }

    @TckRule("RT-CLIENT-030")
    default void resetHistoryFollowsTheDiffOrderAndContent(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeItem a = userMessage("item_a", "first");
        RealtimeItem b = userMessage("item_b", "second");
        RealtimeItem bChanged = userMessage("item_b", "second, changed");
        RealtimeItem call = new RealtimeItem.FunctionCall("item_fc", null, "call_fc", "lookup", "{}",
                ItemStatus.COMPLETED, null);
        RealtimeItem callChanged = new RealtimeItem.FunctionCall("item_fc", null, "call_fc", "lookup", "{\"q\":1}",
                ItemStatus.COMPLETED, null);
        RealtimeItem c = userMessage("item_c", "unchanged");
        RealtimeItem spoken = new RealtimeItem.Message("item_spoken", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "hello")), ItemStatus.COMPLETED);
        RealtimeItem system = new RealtimeItem.Message("item_sys", null, Role.SYSTEM,
                List.of(new ContentPart.InputText("sys")), ItemStatus.COMPLETED);
        RealtimeItem rich = new RealtimeItem.Message("item_rich", null, Role.USER, List.of(
                new ContentPart.InputText("look"), new ContentPart.InputAudio("AAAA", "hi"),
                new ContentPart.InputImage("data:image/png;base64,AAAA", "low")), ItemStatus.COMPLETED);
        RealtimeItem answer = new RealtimeItem.Message("item_ans", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputText("ok")), ItemStatus.COMPLETED);
        tck.transport().resetHistory(List.of(a, b, call, c, spoken),
                List.of(bChanged, system, rich, answer, callChanged, c, spoken));
        List<String> deletes = List.of(
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"item_a\"}",
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"item_b\"}",
                "{\"type\":\"conversation.item.delete\",\"item_id\":\"item_fc\"}");
        Map<String, String> creates = new java.util.LinkedHashMap<>();
        creates.put("item_b", "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"second, changed\"}],\"id\":\"item_b\","
                + "\"status\":\"completed\"}}");
        creates.put("item_sys", "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                + "\"system\",\"content\":[{\"type\":\"input_text\",\"text\":\"sys\"}],\"id\":\"item_sys\"}}");
        creates.put("item_rich", "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"look\"},{\"type\":\"input_audio\","
                + "\"audio\":\"AAAA\",\"transcript\":\"hi\"},{\"type\":\"input_image\",\"image_url\":"
                + "\"data:image/png;base64,AAAA\",\"detail\":\"low\"}],\"id\":\"item_rich\",\"status\":\"completed\"}}");
        creates.put("item_ans", "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                + "\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"ok\"}],\"id\":\"item_ans\","
                + "\"status\":\"completed\"}}");
        int n = deletes.size() + creates.size();
        for (int i = 0; i < n; i++) {
            ObjectNode next = wire.await(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                    "history event #" + (i + 1) + " of " + n);
            ObjectNode bare = withoutPlacementAndId(next);
            if (i < deletes.size()) {
                wire.assertJson(bare, deletes.get(i), "history event #" + (i + 1) + " (deletes first: removals, then "
                        + "updates; event_id not compared)");
                continue;
            }
            String expected = creates.remove(next.at("/item/id").asString(""));
            if (expected == null) {
                throw wire.violation("a create of one of " + creates.keySet() + " (added and changed messages only, "
                        + "after every delete)", next.toString(), next);
            }
            wire.assertJson(bare, expected, "the create of " + next.at("/item/id").asString("")
                    + " (previous_item_id and event_id not compared)");
        }
        wire.assertNone(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                "no further history events (no create for the function call, nothing for unchanged items)");
    }

    /** A history frame without the keys other rules check (placement, RT-CLIENT-034; request id, RT-CLIENT-035). */
    private static ObjectNode withoutPlacementAndId(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("event_id");
        copy.remove("previous_item_id");
        return copy;
    }

    @TckRule("RT-CLIENT-031")
    default void interruptAfterAudioDoneStillInterrupts(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_gen_done"));
        wire.push(ServerEvents.audioDelta("resp_gen_done", "item_gen_done", ServerEvents.pcmMillis(5000)));
        wire.push(ServerEvents.audioDone("resp_gen_done", "item_gen_done"));
        tck.events().await(TransportEventType.AUDIO_DONE);
        tck.transport().interrupt();
        ObjectNode cancel = wire.await("response.cancel");
        ObjectNode truncate = wire.await("conversation.item.truncate");
        tck.events().await(TransportEventType.AUDIO_INTERRUPTED);
        if (!"item_gen_done".equals(truncate.path("item_id").asString(null))
                || truncate.path("content_index").asInt(-1) != 0) {
            throw wire.violation("a truncate of item_gen_done, content_index 0: its generation is done but its 5 s of "
                    + "audio are still playing", truncate.toString(), truncate);
        }
        List<ObjectNode> events = wire.clientEvents();
        if (events.indexOf(cancel) > events.indexOf(truncate)) {
            throw wire.violation("response.cancel before conversation.item.truncate", "the truncate came first",
                    truncate, cancel);
        }
        tck.transport().interrupt();
        wire.assertNone(e -> isType(e, "conversation.item.truncate") || isType(e, "response.cancel"),
                "nothing from a second interrupt()");
        tck.events().assertNone(TransportEventType.AUDIO_INTERRUPTED, "from a second interrupt()");
        // the same after response.output_audio.done when the user starts speaking
        wire.push(ServerEvents.responseDone("resp_gen_done"));
        wire.push(ServerEvents.responseCreated("resp_vad_done"));
        wire.push(ServerEvents.audioDelta("resp_vad_done", "item_vad_done", ServerEvents.pcmMillis(5000)));
        wire.push(ServerEvents.audioDone("resp_vad_done", "item_vad_done"));
        tck.events().await(TransportEventType.AUDIO_DONE);
        wire.push(ServerEvents.speechStarted("item_user_done"));
        ObjectNode vadTruncate = wire.await("conversation.item.truncate");
        if (!"item_vad_done".equals(vadTruncate.path("item_id").asString(null))) {
            throw wire.violation("input_audio_buffer.speech_started after response.output_audio.done to truncate "
                    + "item_vad_done, whose audio is still playing", vadTruncate.toString(), vadTruncate);
        }
        wire.await("response.cancel");
        tck.events().await(TransportEventType.AUDIO_INTERRUPTED);
    }

    @TckRule("RT-CLIENT-032")
    default void interruptAfterPlayedOutAudioKeepsTheTranscript(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_played"));
        wire.push(ServerEvents.audioDelta("resp_played", "item_played", ServerEvents.pcmMillis(20)));
        wire.push(ServerEvents.audioDone("resp_played", "item_played"));
        wire.push(ServerEvents.responseDone("resp_played"));
        tck.events().await(TransportEventType.AUDIO_DONE);
        tck.events().await(TransportEventType.TURN_DONE);
        tck.events().assertNone(TransportEventType.MCP_TOOLS_LISTED, "(waiting so that the 20 ms of audio have played)");
        tck.transport().interrupt();
        if (!tck.capabilities().wallClockTruncation()) {
            List<ObjectNode> truncates = wire.clientEvents("conversation.item.truncate");
            for (ObjectNode truncate : truncates) {
                long end = truncate.path("audio_end_ms").asLong(-1);
                if (end < 0 || end > 20) {
                    throw wire.violation("audio_end_ms within [0, 20] if a truncate is sent", "audio_end_ms " + end,
                            truncate);
                }
            }
            tck.unsupported(Capability.WALL_CLOCK_TRUNCATION, "a playback-based transport decides itself whether audio has played"
                    + " out; only the bounds of a truncate were checked");
            return;
        }
        wire.assertNone("conversation.item.truncate", "after response.output_audio.done once the 20 ms of audio "
                + "received have long played (the item keeps its transcript)");
    }

    @TckRule("RT-CLIENT-033")
    default void aNewAudioPartRestartsTracking(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_parts"));
        wire.push(ServerEvents.audioDelta("resp_parts", "item_part1", ServerEvents.pcmMillis(100)));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().assertNone(TransportEventType.MCP_TOOLS_LISTED, "(waiting so that the first part's 100 ms pass)");
        wire.push(ServerEvents.audioDelta("resp_parts", "item_part2", ServerEvents.pcmMillis(100)));
        tck.events().await(TransportEventType.AUDIO);
        tck.transport().interrupt();
        expectFreshPart(wire, wire.await("conversation.item.truncate"), "item_part2", 0);
        wire.push(ServerEvents.audioDelta("resp_parts", "item_part3", 0, ServerEvents.pcmMillis(100)));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().assertNone(TransportEventType.MCP_TOOLS_LISTED, "(waiting so that content part 0's 100 ms pass)");
        wire.push(ServerEvents.audioDelta("resp_parts", "item_part3", 1, ServerEvents.pcmMillis(100)));
        tck.events().await(TransportEventType.AUDIO);
        tck.transport().interrupt();
        expectFreshPart(wire, wire.await("conversation.item.truncate"), "item_part3", 1);
    }

    private static void expectFreshPart(Wire wire, ObjectNode truncate, String itemId, int contentIndex) {
        long end = truncate.path("audio_end_ms").asLong(-1);
        if (!itemId.equals(truncate.path("item_id").asString(null))
                || truncate.path("content_index").asInt(-1) != contentIndex || end < 0 || end > 100) {
            throw wire.violation("a truncate of " + itemId + ", content_index " + contentIndex + ", with audio_end_ms in "
                    + "[0, 100]: tracking restarts with the part, which has received 100 ms of audio (the part before "
                    + "it does not count)", truncate.toString(), truncate);
        }
    }

    private static ObjectNode historyCreateOf(Wire wire, String itemId) {
        return wire.await(e -> isType(e, "conversation.item.create") && itemId.equals(e.at("/item/id").asString(null)),
                "a conversation.item.create of " + itemId);
    }

    private static void expectAnchor(Wire wire, ObjectNode create, String anchor, String why) {
        JsonNode actual = create.get("previous_item_id");
        boolean ok = anchor == null ? actual == null : actual != null && anchor.equals(actual.asString(null));
        if (!ok) {
            throw wire.violation("the create of " + create.at("/item/id").asString("") + " with "
                    + (anchor == null ? "no previous_item_id" : "\"previous_item_id\":\"" + anchor + "\"") + " (" + why
                    + ")", actual == null ? "no previous_item_id" : "previous_item_id " + actual, create);
        }
    }

    @TckRule("RT-CLIENT-034")
    default void resetHistoryAnchorsCreatesInPlace(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.resetHistory(List.of(userMessage("item_a", "a"), userMessage("item_b", "b"), userMessage("item_c", "c")),
                List.of(userMessage("item_a", "a"), userMessage("item_b", "b, changed"), userMessage("item_c", "c"),
                        userMessage("item_d", "d")));
        expectAnchor(wire, historyCreateOf(wire, "item_b"), "item_a", "the changed item goes back after item_a");
        expectAnchor(wire, historyCreateOf(wire, "item_d"), null, "nothing that stays follows item_d: it appends");
        t.resetHistory(List.of(userMessage("item_p", "p"), userMessage("item_q", "q")),
                List.of(userMessage("item_x", "x"), userMessage("item_p", "p"), userMessage("item_q", "q")));
        expectAnchor(wire, historyCreateOf(wire, "item_x"), "root", "an insert at the front");
        RealtimeItem call = new RealtimeItem.FunctionCall("item_call", null, "call_k", "lookup", "{}",
                ItemStatus.COMPLETED, null);
        RealtimeItem callChanged = new RealtimeItem.FunctionCall("item_call", null, "call_k", "lookup", "{\"q\":1}",
                ItemStatus.COMPLETED, null);
        t.resetHistory(List.of(userMessage("item_k", "k"), call, userMessage("item_z", "z")),
                List.of(userMessage("item_k", "k"), callChanged, userMessage("item_n", "n"), userMessage("item_z", "z")));
        expectAnchor(wire, historyCreateOf(wire, "item_n"), "item_k", "the changed function call is deleted and not "
                + "created, so it cannot anchor");
        t.resetHistory(List.of(userMessage("item_e", "e"), userMessage("item_f", "f")),
                List.of(userMessage("item_g", "g"), userMessage("item_h", "h"), userMessage("item_f", "f")));
        expectAnchor(wire, historyCreateOf(wire, "item_g"), "root", "item_e is deleted, item_g comes first");
        expectAnchor(wire, historyCreateOf(wire, "item_h"), "item_g", "right after the message created before it");
    }

    @TckRule("RT-CLIENT-035")
    default void resetHistoryFramesCarryUniqueEventIds(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.resetHistory(List.of(userMessage("item_a", "a"), userMessage("item_b", "b"), userMessage("item_c", "c")),
                List.of(userMessage("item_a", "a"), userMessage("item_b", "b, changed"), userMessage("item_c", "c"),
                        userMessage("item_d", "d")));
        t.resetHistory(List.of(userMessage("item_e", "e")), List.of(userMessage("item_f", "f")));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode frame = wire.await(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                    "history frame #" + (i + 1) + " of 5");
            JsonNode id = frame.get("event_id");
            if (id == null || !id.isString() || id.asString().isEmpty()) {
                throw wire.violation("a string event_id on every history frame", "event_id " + id, frame);
            }
            if (!seen.add(id.asString())) {
                throw wire.violation("an event_id no other history frame of the connection uses",
                        "event_id " + id + " again", frame);
            }
        }
    }

    @TckRule("RT-CLIENT-036")
    default void resetHistoryRejectsMcpChangesBeforeSending(TckHarness tck) {
        RealtimeTransportLayer t = tck.transport();
        RealtimeItem keep = userMessage("item_keep", "keep");
        RealtimeItem.McpCall mcp = new RealtimeItem.McpCall("item_mcp", null, "mcp_call", ItemStatus.COMPLETED, "search",
                "{}", "found");
        RealtimeItem voice = new RealtimeItem.Message("item_voice", null, Role.ASSISTANT,
                List.of(new ContentPart.OutputAudio(null, "hello")), ItemStatus.COMPLETED);
        assertThatThrownBy(() -> t.resetHistory(List.of(keep), List.of(keep, mcp)))
                .as("resetHistory adding an mcp_call item, before connect").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.resetHistory(List.of(keep), List.of(keep, voice)))
                .as("resetHistory adding assistant output audio, before connect")
                .isInstanceOf(IllegalArgumentException.class);
        Wire wire = tck.connect();
        RealtimeItem.McpApprovalRequest approval = new RealtimeItem.McpApprovalRequest("item_approval", "docs", "search",
                Map.of("q", "x"), null);
        RealtimeItem.McpApprovalRequest approved = new RealtimeItem.McpApprovalRequest("item_approval", "docs",
                "search", Map.of("q", "x"), true);
        assertThatThrownBy(() -> t.resetHistory(List.of(keep), List.of(keep, mcp)))
                .as("resetHistory adding an mcp_call item").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.resetHistory(List.of(keep, approval), List.of(keep, approved)))
                .as("resetHistory changing an mcp_approval_request item").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.resetHistory(List.of(userMessage("item_first", "1"), mcp),
                List.of(userMessage("item_mcp", "a message now"))))
                .as("resetHistory replacing an mcp_call item by a message of the same id")
                .isInstanceOf(IllegalArgumentException.class);
        wire.assertNone(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                "nothing sent by a rejected resetHistory (no delete of item_first either)");
        t.resetHistory(List.of(keep, mcp, approval), List.of(keep, approval));
        ObjectNode delete = wire.await("conversation.item.delete");
        if (!"item_mcp".equals(delete.path("item_id").asString(null))) {
            throw wire.violation("a delete of the removed item_mcp", delete.toString(), delete);
        }
        wire.assertNone(e -> isType(e, "conversation.item.delete") || isType(e, "conversation.item.create"),
                "nothing more when an MCP item is removed and another left unchanged");
    }

    @TckRule("RT-CLIENT-037")
    default void resetHistoryProjectsPendingRequests(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        // an unanswered delete keeps its item from anchoring
        List<RealtimeItem> abc = List.of(userMessage("item_a", "a"), userMessage("item_b", "b"),
                userMessage("item_c", "c"));
        t.resetHistory(abc, List.of(userMessage("item_a", "a"), userMessage("item_c", "c")));
        ObjectNode delete = wire.await("conversation.item.delete");
        t.resetHistory(abc, List.of(userMessage("item_a", "a"), userMessage("item_b", "b"), userMessage("item_x", "x"),
                userMessage("item_c", "c")));
        expectAnchor(wire, historyCreateOf(wire, "item_x"), "item_a", "the delete of item_b is unanswered, so "
                + "item_b will be gone");
        // an error naming the delete by event_id settles it: item_b exists after all
        JsonNode eventId = delete.get("event_id");
        if (eventId == null || !eventId.isString()) {
            throw wire.violation("a string event_id on the delete (A36), so that an error can name it",
                    delete.toString(), delete);
        }
        wire.push("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Item not found\","
                + "\"event_id\":\"" + eventId.asString() + "\"}}");
        tck.events().await(TransportEventType.ERROR);
        t.resetHistory(abc, List.of(userMessage("item_a", "a"), userMessage("item_b", "b"), userMessage("item_y", "y"),
                userMessage("item_c", "c")));
        expectAnchor(wire, historyCreateOf(wire, "item_y"), "item_b", "the error named the delete of item_b, which "
                + "settles it");
        // an unanswered re-creation lets the item anchor
        List<RealtimeItem> pqr = List.of(userMessage("item_p", "p"), userMessage("item_q", "q"),
                userMessage("item_r", "r"));
        List<RealtimeItem> pq2r = List.of(userMessage("item_p", "p"), userMessage("item_q", "q, changed"),
                userMessage("item_r", "r"));
        t.resetHistory(pqr, pq2r);
        historyCreateOf(wire, "item_q");
        t.resetHistory(pq2r, List.of(userMessage("item_p", "p"), userMessage("item_q", "q, changed"),
                userMessage("item_s", "s"), userMessage("item_r", "r")));
        expectAnchor(wire, historyCreateOf(wire, "item_s"), "item_q", "the unanswered create of item_q comes after "
                + "its delete, so item_q will be there");
        // conversation.item.deleted settles a delete
        List<RealtimeItem> def = List.of(userMessage("item_d1", "d"), userMessage("item_e1", "e"),
                userMessage("item_f1", "f"));
        t.resetHistory(def, List.of(userMessage("item_d1", "d"), userMessage("item_f1", "f")));
        ObjectNode deleteE = wire.await(e -> isType(e, "conversation.item.delete")
                && "item_e1".equals(e.path("item_id").asString(null)), "the delete of item_e1");
        wire.push("{\"type\":\"conversation.item.deleted\",\"item_id\":\"item_e1\"}");
        tck.events().await(TransportEventType.ITEM_DELETED);
        t.resetHistory(def, List.of(userMessage("item_d1", "d"), userMessage("item_e1", "e"), userMessage("item_w", "w"),
                userMessage("item_f1", "f")));
        expectAnchor(wire, historyCreateOf(wire, "item_w"), "item_e1", "conversation.item.deleted settled the delete "
                + "of item_e1 (" + deleteE.path("event_id") + "), so it no longer counts");
        // a reconnect forgets unanswered requests
        List<RealtimeItem> ghi = List.of(userMessage("item_g1", "g"), userMessage("item_h1", "h"),
                userMessage("item_i1", "i"));
        t.resetHistory(ghi, List.of(userMessage("item_g1", "g"), userMessage("item_i1", "i")));
        wire.await(e -> isType(e, "conversation.item.delete") && "item_h1".equals(e.path("item_id").asString(null)),
                "the delete of item_h1");
        t.close();
        tck.awaitStatus(t, dev.realtimetck.api.ConnectionStatus.DISCONNECTED);
        Wire second = tck.connect();
        t.resetHistory(ghi, List.of(userMessage("item_g1", "g"), userMessage("item_h1", "h"), userMessage("item_v", "v"),
                userMessage("item_i1", "i")));
        expectAnchor(second, historyCreateOf(second, "item_v"), "item_h1", "the delete of item_h1 belonged to the "
                + "previous connection");
    }

    @TckRule("RT-CLIENT-038")
    default void receivedAudioFollowsTheFormatRecordedForItsResponse(TckHarness tck) {
        Wire wire = tck.connect();
        // the response's own output format: 960 bytes of G.711 are 120 ms (they would be 20 ms of 24 kHz PCM)
        wire.push("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_own_fmt\",\"object\":"
                + "\"realtime.response\",\"status\":\"in_progress\",\"output\":[],\"audio\":{\"output\":{\"format\":"
                + "{\"type\":\"audio/pcmu\"}}}}}");
        expectDuration(tck, wire, "resp_own_fmt", "item_own_fmt", 120, "the response's own output format G.711 u-law");
        wire.push(ServerEvents.responseDone("resp_own_fmt"));
        // the session's format when the response was created, although a later session.updated changes it
        wire.push("{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":{"
                + "\"format\":{\"type\":\"audio/pcmu\"}}}}}");
        wire.push(ServerEvents.responseCreated("resp_session_fmt"));
        wire.push("{\"type\":\"session.updated\",\"session\":{\"type\":\"realtime\",\"audio\":{\"output\":{"
                + "\"format\":{\"type\":\"audio/pcm\",\"rate\":24000}}}}}");
        expectDuration(tck, wire, "resp_session_fmt", "item_session_fmt", 120,
                "the session's G.711 u-law at response.created (a later session.updated does not change it)");
        // after that response's response.done its record is gone: the session's format now applies
        wire.push(ServerEvents.responseDone("resp_session_fmt"));
        tck.events().await(TransportEventType.TURN_DONE);
        tck.events().await(TransportEventType.TURN_DONE);
        expectDuration(tck, wire, "resp_session_fmt", "item_after_done", 20,
                "the session's 24 kHz PCM once the response is done");
        if (!tck.capabilities().wallClockTruncation()) {
            tck.unsupported(Capability.WALL_CLOCK_TRUNCATION, "a playback-based audio_end_ms was only checked to lie within the "
                    + "audio received in each format");
        }
    }

    private static void expectDuration(TckHarness tck, Wire wire, String responseId, String itemId, long ms,
            String what) {
        wire.push(ServerEvents.audioDelta(responseId, itemId, new byte[960]));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().assertNone(TransportEventType.MCP_TOOLS_LISTED, "(waiting so that " + ms + " ms of audio have played)");
        tck.transport().interrupt();
        ObjectNode truncate = wire.await(e -> isType(e, "conversation.item.truncate")
                && itemId.equals(e.path("item_id").asString(null)), "a truncate of " + itemId);
        long end = truncate.path("audio_end_ms").asLong(-1);
        if (!tck.capabilities().wallClockTruncation()) {
            if (end < 0 || end > ms) {
                throw wire.violation("audio_end_ms within [0, " + ms + "]: 960 bytes are " + ms + " ms with " + what,
                        "audio_end_ms " + end, truncate);
            }
        } else if (end < ms - 1 || end > ms) {
            throw wire.violation("audio_end_ms " + ms + " (or " + (ms - 1) + " after rounding): 960 bytes are " + ms
                    + " ms with " + what + ", and more time than that has passed", "audio_end_ms " + end, truncate);
        }
    }
}
