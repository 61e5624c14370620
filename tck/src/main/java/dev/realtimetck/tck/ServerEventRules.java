package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemStatus;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Role;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.TurnStarted;
import dev.realtimetck.api.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/** Rules of how server events become transport events (group SERVER). */
@Tag("server")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ServerEventRules extends TransportUnderTest {

    @TckRule("RT-SERVER-001")
    default void onAnySeesEveryFieldOfEveryEvent(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"rate_limits.updated\",\"event_id\":\"evt_tck_rl\",\"rate_limits\":[],"
                + "\"tck_unknown\":{\"kept\":[1,\"two\"]}}");
        RealtimeServerEvent raw = tck.events().awaitAny("rate_limits.updated");
        assertThat(raw.get("event_id")).as("event_id on the raw event").isEqualTo("evt_tck_rl");
        assertThat(TckJson.tree(raw.get("tck_unknown"))).as("an unknown field on the raw event")
                .isEqualTo(Wire.json("{\"kept\":[1,\"two\"]}"));
        assertThat(raw.get("rate_limits")).as("rate_limits on the raw event").isEqualTo(List.of());
    }

    @TckRule("RT-SERVER-002")
    default void unknownEventsReachOnlyOnAny(TckHarness tck) {
        Wire wire = tck.connect();
        tck.events().awaitStatus(dev.realtimetck.api.ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        wire.push("{\"type\":\"tck.future_event\",\"payload\":{\"a\":1}}");
        wire.push("{\"type\":\"response.audio.delta\",\"response_id\":\"r\",\"item_id\":\"i\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"AAAA\"}");
        tck.events().awaitAny("tck.future_event");
        tck.events().awaitAny("response.audio.delta");
        tck.events().assertNoneRecorded(r -> !r.name().equals(EventRecorder.ANY),
                "no transport event for server events of unknown type (beta names included)");
    }

    @TckRule("RT-SERVER-003")
    default void knownEventsAreEmittedUnderTheirName(TckHarness tck) {
        Wire wire = tck.connect();
        tck.events().listenServerEvent(tck.transport(), "input_audio_buffer.committed");
        tck.events().listenServerEvent(tck.transport(), "response.output_audio.delta");
        wire.push("{\"type\":\"input_audio_buffer.committed\",\"previous_item_id\":null,\"item_id\":\"item_c\"}");
        wire.push(ServerEvents.audioDelta("resp_n", "item_n", new byte[] {1, 2}));
        assertThat(tck.events().awaitServerEvent("input_audio_buffer.committed").get("item_id")).isEqualTo("item_c");
        assertThat(tck.events().awaitServerEvent("response.output_audio.delta").get("item_id")).isEqualTo("item_n");
    }

    @TckRule("RT-SERVER-004")
    default void serverErrorBecomesTheErrorEvent(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"error\",\"event_id\":\"evt_tck_err\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"code\":\"tck_code\",\"message\":\"nope\",\"param\":null}}");
        TransportError error = tck.events().await(TransportEventType.ERROR);
        if (!(error instanceof TransportError.ServerError server)) {
            throw new TckViolation("an error event carrying the server event (ServerError)", String.valueOf(error),
                    List.of());
        }
        assertThat(server.event().type()).isEqualTo("error");
        assertThat(server.event().get("event_id")).isEqualTo("evt_tck_err");
        assertThat(TckJson.tree(server.event().get("error")).path("message").asString(null)).isEqualTo("nope");
    }

    @TckRule("RT-SERVER-005")
    default void responseCreatedStartsATurn(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_turn"));
        TurnStarted started = tck.events().await(TransportEventType.TURN_STARTED);
        assertThat(started.providerData().type()).isEqualTo("response.created");
        assertThat(TckJson.tree(started.providerData().get("response")).path("id").asString(null))
                .as("providerData.response.id").isEqualTo("resp_turn");
    }

    @TckRule("RT-SERVER-006")
    default void responseDoneReportsUsageThenTurnDone(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_done"));
        wire.push("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_done\",\"object\":\"realtime.response\","
                + "\"status\":\"completed\",\"output\":[{\"id\":\"item_o\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"hi\"}]}],"
                + "\"usage\":{\"total_tokens\":15,\"input_tokens\":10,\"output_tokens\":5,"
                + "\"input_token_details\":{\"cached_tokens\":1}}}}");
        Usage usage = tck.events().await(TransportEventType.USAGE_UPDATE);
        TurnDone done = tck.events().await(TransportEventType.TURN_DONE);
        assertThat(usage.inputTokens()).as("usage_update.inputTokens").isEqualTo(10);
        assertThat(usage.outputTokens()).as("usage_update.outputTokens").isEqualTo(5);
        assertThat(usage.totalTokens()).as("usage_update.totalTokens").isEqualTo(15);
        assertThat(usage.requests()).as("usage_update.requests").isEqualTo(1);
        assertThat(usage.inputTokensDetails()).as("usage_update.inputTokensDetails").hasSize(1);
        assertThat(usage.inputTokensDetails().get(0)).as("usage_update.inputTokensDetails[0]")
                .containsOnlyKeys("cached_tokens");
        assertThat(((Number) usage.inputTokensDetails().get(0).get("cached_tokens")).longValue())
                .as("usage_update.inputTokensDetails[0].cached_tokens").isEqualTo(1L);
        assertThat(usage.outputTokensDetails()).as("usage_update.outputTokensDetails").isEqualTo(List.of(Map.of()));
        assertThat(done.response().id()).as("turn_done response id").isEqualTo("resp_done");
        assertThat(done.response().output()).as("turn_done output").hasSize(1);
        assertThat(done.response().usage().inputTokens()).as("turn_done usage.inputTokens").isEqualTo(10);
        List<String> names = tck.events().transportEventNames();
        assertThat(names.indexOf("usage_update")).as("usage_update before turn_done in " + names)
                .isLessThan(names.lastIndexOf("turn_done"));
    }

    @TckRule("RT-SERVER-007")
    default void audioDeltaBecomesDecodedAudio(TckHarness tck) {
        Wire wire = tck.connect();
        byte[] pcm = {0, 1, 2, 3, (byte) 0xFE, (byte) 0xFF, 127, -128};
        wire.push(ServerEvents.audioDelta("resp_audio", "item_audio", pcm));
        TransportAudioEvent audio = tck.events().await(TransportEventType.AUDIO);
        assertThat(audio.copyBytes()).as("decoded audio bytes").isEqualTo(pcm);
        assertThat(audio.responseId()).as("responseId").isEqualTo("resp_audio");
    }

    @TckRule("RT-SERVER-008")
    default void typedAudioDeltaComesBeforeAudio(TckHarness tck) {
        Wire wire = tck.connect();
        tck.events().listenServerEvent(tck.transport(), "response.output_audio.delta");
        wire.push(ServerEvents.audioDelta("resp_order", "item_order", new byte[] {9, 9}));
        tck.events().await(TransportEventType.AUDIO);
        tck.events().awaitServerEvent("response.output_audio.delta");
        List<String> names = tck.events().names();
        assertThat(names.indexOf("server:response.output_audio.delta")).as("typed delta before audio in " + names)
                .isLessThan(names.indexOf("audio"));
    }

    @TckRule("RT-SERVER-009")
    default void audioDoneIsSignalled(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push(ServerEvents.audioDelta("resp_ad", "item_ad", new byte[] {1, 1}));
        wire.push("{\"type\":\"response.output_audio.done\",\"response_id\":\"resp_ad\",\"item_id\":\"item_ad\","
                + "\"output_index\":0,\"content_index\":0}");
        tck.events().await(TransportEventType.AUDIO_DONE);
    }

    @TckRule("RT-SERVER-010")
    default void transcriptAndTextDeltas(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"response.output_audio_transcript.delta\",\"response_id\":\"resp_tr\",\"item_id\":"
                + "\"item_tr\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"}");
        wire.push("{\"type\":\"response.output_text.delta\",\"response_id\":\"resp_tx\",\"item_id\":\"item_tx\","
                + "\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"}");
        TranscriptDelta transcript = tck.events().await(TransportEventType.AUDIO_TRANSCRIPT_DELTA);
        TextDelta text = tck.events().await(TransportEventType.OUTPUT_TEXT_DELTA);
        assertThat(transcript).isEqualTo(new TranscriptDelta("Hel", "item_tr", "resp_tr"));
        assertThat(text).isEqualTo(new TextDelta("lo", "item_tx", "resp_tx"));
    }

    @TckRule("RT-SERVER-011")
    default void itemDeletedIsReported(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"conversation.item.deleted\",\"item_id\":\"item_gone\"}");
        assertThat(tck.events().await(TransportEventType.ITEM_DELETED).itemId()).isEqualTo("item_gone");
    }

    @TckRule("RT-SERVER-012")
    default void transcriptionAndTruncationTriggerRetrieve(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_said\","
                + "\"content_index\":0,\"transcript\":\"hello\"}");
        wire.assertJson(wire.await("conversation.item.retrieve"),
                "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_said\"}", "a retrieve of the transcribed item");
        wire.push("{\"type\":\"conversation.item.truncated\",\"item_id\":\"item_cut\",\"content_index\":0,"
                + "\"audio_end_ms\":120}");
        wire.assertJson(wire.await("conversation.item.retrieve"),
                "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_cut\"}", "a retrieve of the truncated item");
    }

    @TckRule("RT-SERVER-013")
    default void messageItemsBecomeItemUpdates(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"conversation.item.added\",\"previous_item_id\":null,\"item\":{\"id\":\"item_msg\","
                + "\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}");
        RealtimeItem added = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"item_msg\","
                + "\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}");
        RealtimeItem done = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        RealtimeItem.Message expectedAdded = new RealtimeItem.Message("item_msg", null, Role.USER,
                List.of(new ContentPart.InputText("hi")), ItemStatus.IN_PROGRESS);
        assertThat(added).as("item_update for conversation.item.added").isEqualTo(expectedAdded);
        assertThat(done).as("item_update for conversation.item.done").isEqualTo(new RealtimeItem.Message("item_msg",
                null, Role.USER, List.of(new ContentPart.InputText("hi")), ItemStatus.COMPLETED));

        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":\"item_msg\",\"item\":{\"id\":"
                + "\"item_rich\",\"type\":\"message\",\"role\":\"user\",\"status\":\"incomplete\",\"content\":["
                + "{\"type\":\"input_audio\",\"transcript\":\"spoken\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,AAAA\",\"detail\":\"low\"}]}}");
        RealtimeItem rich = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        assertThat(rich).as("item_update for a done item with its own status, audio and image parts").isEqualTo(
                new RealtimeItem.Message("item_rich", "item_msg", Role.USER, List.of(
                        new ContentPart.InputAudio(null, "spoken"),
                        new ContentPart.InputImage("data:image/png;base64,AAAA", "low")), ItemStatus.INCOMPLETE));
        wire.push("{\"type\":\"conversation.item.added\",\"previous_item_id\":null,\"item\":{\"id\":\"item_said\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"audio\",\"transcript\":"
                + "\"legacy\"},{\"type\":\"output_text\",\"text\":\"written\"}]}}");
        RealtimeItem said = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        assertThat(said).as("item_update for an assistant item (legacy audio part renamed output_audio)").isEqualTo(
                new RealtimeItem.Message("item_said", null, Role.ASSISTANT, List.of(
                        new ContentPart.OutputAudio(null, "legacy"), new ContentPart.OutputText("written")),
                        ItemStatus.IN_PROGRESS));
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"item_sys\","
                + "\"type\":\"message\",\"role\":\"system\",\"content\":[{\"type\":\"input_text\",\"text\":"
                + "\"rules\"}]}}");
        RealtimeItem system = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        assertThat(system).as("item_update for a system item (no status)").isEqualTo(new RealtimeItem.Message(
                "item_sys", null, Role.SYSTEM, List.of(new ContentPart.InputText("rules")), null));
        wire.push("{\"type\":\"conversation.item.retrieved\",\"previous_item_id\":\"item_msg\",\"item\":{\"id\":"
                + "\"item_back\",\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"again\"}]}}");
        RealtimeItem retrieved = placementAsId(tck.events().await(TransportEventType.ITEM_UPDATE));
        assertThat(retrieved).as("item_update for conversation.item.retrieved (no previous item id: the retrieved "
                + "event has none)").isEqualTo(new RealtimeItem.Message("item_back", null, Role.USER,
                        List.of(new ContentPart.InputText("again")), ItemStatus.COMPLETED));
    }

    /**
     * The item with a {@code null} previous item id counted as "none", whether the transport reports it as "first" or
     * as absent: that difference is RT-SERVER-022's (SHOULD) concern.
     */
    private static RealtimeItem placementAsId(RealtimeItem item) {
        return item instanceof RealtimeItem.Message m ? new RealtimeItem.Message(m.itemId(), m.previousItemId(),
                m.role(), m.content(), m.status()) : item;
    }

    @TckRule("RT-SERVER-014")
    default void completedFunctionCallIsReported(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"response.output_item.done\",\"response_id\":\"resp_fn\",\"output_index\":0,\"item\":{"
                + "\"id\":\"item_fn\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_fn\","
                + "\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}");
        TransportToolCallEvent call = tck.events().await(TransportEventType.FUNCTION_CALL);
        assertThat(call.callId()).as("callId").isEqualTo("call_fn");
        assertThat(call.name()).as("name").isEqualTo("weather");
        assertThat(call.arguments()).as("arguments").isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(call.id()).as("id").isEqualTo("item_fn");
        List<String> names = tck.events().transportEventNames();
        assertThat(names.indexOf("item_update")).as("item_update before function_call in " + names)
                .isGreaterThanOrEqualTo(0).isLessThan(names.indexOf("function_call"));
        tck.events().skipAll();
        wire.push("{\"type\":\"response.output_item.added\",\"response_id\":\"resp_fn2\",\"output_index\":0,"
                + "\"item\":{\"id\":\"item_fn2\",\"type\":\"function_call\",\"status\":\"in_progress\","
                + "\"call_id\":\"call_fn2\",\"name\":\"weather\",\"arguments\":\"\"}}");
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"item_fn3\","
                + "\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_fn3\",\"name\":\"weather\","
                + "\"arguments\":\"{}\"}}");
        tck.events().awaitAny("response.output_item.added");
        tck.events().awaitAny("conversation.item.done");
        tck.events().assertNoneRecorded(r -> r.name().equals("function_call") || r.name().equals("item_update"),
                "no function_call or item_update for a call still in progress, or for a call in conversation.item.done");
    }

    @TckRule("RT-SERVER-015")
    default void mcpCallCompletionAndApprovalRequest(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"item_mcp\","
                + "\"type\":\"mcp_call\",\"server_label\":\"docs\",\"name\":\"search\",\"arguments\":\"{}\","
                + "\"output\":\"found\"}}");
        RealtimeItem.McpCall call = tck.events().await(TransportEventType.MCP_TOOL_CALL_COMPLETED);
        assertThat(call.itemId()).isEqualTo("item_mcp");
        RealtimeItem.McpCall doneUpdate = (RealtimeItem.McpCall) tck.events().await(TransportEventType.ITEM_UPDATE,
                i -> i instanceof RealtimeItem.McpCall, "an item_update for the mcp_call in conversation.item.done");
        assertThat(doneUpdate.status()).as("status of the mcp_call item_update in conversation.item.done")
                .isEqualTo(ItemStatus.COMPLETED);
        List<String> mcpNames = tck.events().transportEventNames();
        assertThat(mcpNames.indexOf("item_update")).as("item_update before mcp_tool_call_completed in " + mcpNames)
                .isLessThan(mcpNames.indexOf("mcp_tool_call_completed"));
        assertThat(call.output()).isEqualTo("found");
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"mcpr_1\","
                + "\"type\":\"mcp_approval_request\",\"server_label\":\"docs\",\"name\":\"delete\","
                + "\"arguments\":\"{\\\"path\\\":\\\"/tmp\\\"}\"}}");
        RealtimeItem.McpApprovalRequest request = tck.events().await(TransportEventType.MCP_APPROVAL_REQUEST);
        assertThat(request.itemId()).isEqualTo("mcpr_1");
        assertThat(request.serverLabel()).isEqualTo("docs");
        assertThat(request.arguments()).isEqualTo(Map.of("path", "/tmp"));

        tck.events().skipAll();
        wire.push("{\"type\":\"conversation.item.added\",\"previous_item_id\":null,\"item\":{\"id\":\"item_mcp2\","
                + "\"type\":\"mcp_call\",\"server_label\":\"docs\",\"name\":\"search\",\"arguments\":\"{}\"}}");
        RealtimeItem.McpCall running = (RealtimeItem.McpCall) tck.events().await(TransportEventType.ITEM_UPDATE,
                i -> i instanceof RealtimeItem.McpCall, "an item_update for the mcp_call in conversation.item.added");
        assertThat(running.itemId()).as("itemId of the added mcp_call").isEqualTo("item_mcp2");
        assertThat(running.status()).as("status of an mcp_call in conversation.item.added")
                .isEqualTo(ItemStatus.IN_PROGRESS);
        wire.push("{\"type\":\"response.output_item.done\",\"response_id\":\"resp_mcp\",\"output_index\":0,"
                + "\"item\":{\"id\":\"item_mcp2\",\"type\":\"mcp_call\",\"server_label\":\"docs\",\"name\":"
                + "\"search\",\"arguments\":\"{}\",\"output\":\"found\"}}");
        RealtimeItem.McpCall output = (RealtimeItem.McpCall) tck.events().await(TransportEventType.ITEM_UPDATE,
                i -> i instanceof RealtimeItem.McpCall, "an item_update for the mcp_call in response.output_item.done");
        assertThat(output.status()).as("status of an mcp_call in response.output_item.done")
                .isEqualTo(ItemStatus.COMPLETED);
        wire.push("{\"type\":\"conversation.item.added\",\"previous_item_id\":null,\"item\":{\"id\":\"mcpr_2\","
                + "\"type\":\"mcp_approval_request\",\"server_label\":\"docs\",\"name\":\"delete\","
                + "\"arguments\":\"{}\"}}");
        tck.events().awaitAny("conversation.item.added");
        tck.events().assertNoneRecorded(r -> r.name().equals("mcp_tool_call_completed")
                        || r.name().equals("mcp_approval_request"),
                "no completion for an mcp_call outside conversation.item.done, and no approval request before "
                        + "conversation.item.done");
    }

    @TckRule("RT-SERVER-016")
    default void mcpToolsListedAndMcpCallRetrieve(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":null,\"item\":{\"id\":\"item_list\","
                + "\"type\":\"mcp_list_tools\",\"server_label\":\"docs\",\"tools\":[{\"name\":\"search\","
                + "\"input_schema\":{\"type\":\"object\"}}]}}");
        McpToolsListed listed = tck.events().await(TransportEventType.MCP_TOOLS_LISTED);
        assertThat(listed.serverLabel()).isEqualTo("docs");
        assertThat(listed.tools()).hasSize(1);
        assertThat(listed.tools().get(0).name()).isEqualTo("search");
        tck.events().assertNone(TransportEventType.ITEM_UPDATE, "for an mcp_list_tools item");
        wire.push("{\"type\":\"response.mcp_call.in_progress\",\"output_index\":0,\"item_id\":\"item_running\"}");
        wire.assertJson(wire.await("conversation.item.retrieve"),
                "{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_running\"}", "a retrieve of the MCP call");
    }

    @TckRule("RT-SERVER-017")
    default void partialTranscriptionAndArgumentDeltasGiveNoTransportEvent(TckHarness tck) {
        Wire wire = tck.connect();
        tck.events().awaitStatus(dev.realtimetck.api.ConnectionStatus.CONNECTED);
        tck.events().skipAll();
        wire.push("{\"type\":\"conversation.item.input_audio_transcription.delta\",\"item_id\":\"item_heard\","
                + "\"content_index\":0,\"delta\":\"Hel\"}");
        wire.push("{\"type\":\"response.function_call_arguments.delta\",\"response_id\":\"resp_args\","
                + "\"item_id\":\"item_args\",\"output_index\":0,\"call_id\":\"call_args\",\"delta\":\"{\\\"ci\"}");
        tck.events().awaitAny("conversation.item.input_audio_transcription.delta");
        tck.events().awaitAny("response.function_call_arguments.delta");
        tck.events().assertNoneRecorded(r -> !r.name().equals(EventRecorder.ANY),
                "no transport event (transcript, text or function_call) for partial input transcriptions and "
                        + "function-call argument deltas");
    }

    @TckRule("RT-SERVER-018")
    default void outputMessageItemsBecomeItemUpdates(TckHarness tck) {
        Wire wire = tck.connect();
        wire.push("{\"type\":\"response.output_item.added\",\"response_id\":\"resp_om\",\"output_index\":0,"
                + "\"item\":{\"id\":\"item_om\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}");
        RealtimeItem added = tck.events().await(TransportEventType.ITEM_UPDATE);
        wire.push("{\"type\":\"response.output_item.done\",\"response_id\":\"resp_om\",\"output_index\":0,"
                + "\"item\":{\"id\":\"item_om\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"output_audio\",\"transcript\":\"Hello there\"}]}}");
        RealtimeItem done = tck.events().await(TransportEventType.ITEM_UPDATE);
        assertThat(added).as("item_update for response.output_item.added").isEqualTo(new RealtimeItem.Message(
                "item_om", null, Role.ASSISTANT, List.of(), ItemStatus.IN_PROGRESS));
        assertThat(done).as("item_update for response.output_item.done").isEqualTo(new RealtimeItem.Message(
                "item_om", null, Role.ASSISTANT, List.of(new ContentPart.OutputAudio(null, "Hello there")),
                ItemStatus.COMPLETED));
    }

    @TckRule("RT-SERVER-019")
    default void oneFunctionCallPerCompletedItem(TckHarness tck) {
        Wire wire = tck.connect();
        String item = "{\"id\":\"item_once\",\"type\":\"function_call\",\"status\":\"completed\","
                + "\"call_id\":\"call_once\",\"name\":\"lookup\",\"arguments\":\"{}\"}";
        wire.push("{\"type\":\"response.output_item.added\",\"response_id\":\"resp_once\",\"output_index\":0,"
                + "\"item\":" + item + "}");
        wire.push("{\"type\":\"response.output_item.done\",\"response_id\":\"resp_once\",\"output_index\":0,"
                + "\"item\":" + item + "}");
        TransportToolCallEvent call = tck.events().await(TransportEventType.FUNCTION_CALL);
        assertThat(call.callId()).as("callId").isEqualTo("call_once");
        tck.events().awaitAny("response.output_item.done");
        tck.events().assertNone(TransportEventType.FUNCTION_CALL,
                "a second time for the same completed item (the tool would run twice)");
    }

    @TckRule("RT-SERVER-020")
    default void typedListenersAloneSeeTheSameEvents(TckHarness tck) {
        RealtimeTransportLayer t = tck.bareTransport();
        java.util.concurrent.BlockingQueue<Object> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        t.on(TransportEventType.AUDIO, seen::add);
        t.on(TransportEventType.AUDIO_TRANSCRIPT_DELTA, seen::add);
        t.on(TransportEventType.OUTPUT_TEXT_DELTA, seen::add);
        t.on(TransportEventType.TURN_DONE, seen::add);
        t.on(TransportEventType.ERROR, seen::add);
        tck.await(t.connect(tck.options()), "connect() of a transport with only typed listeners");
        Wire wire = tck.attachSession();
        byte[] pcm = {1, 2, 3, 4, 5, 6, 7, 8};
        String b64 = java.util.Base64.getEncoder().encodeToString(pcm);
        wire.push(ServerEvents.responseCreated("resp_typed"));
        // malformed variants first: they must be ignored as a whole (B1)
        wire.session().sendRawText("{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_typed\","
                + "\"item_id\":\"item_bad\",\"content_index\":0,\"delta\":\"AAAA\"");
        wire.session().sendRawText("{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_typed\","
                + "\"item_id\":\"item_bad\",\"content_index\":0,\"delta\":\"AAAA\"} {\"trailing\":true}");
        wire.session().sendRawText("{\"type\":\"response.output_text.delta\",\"response_id\":\"resp_typed\","
                + "\"item_id\":\"item_bad\",\"delta\":\"lost\"");
        // well-formed frames carry an event_id as every server event does (a transport may validate it, X10);
        // the audio with the type not first (it must not be lost or misread), then the same audio with the type first:
        // the truncate below names the content index of the last one
        wire.session().sendRawText("{\"response_id\":\"resp_typed\",\"event_id\":\"event_tck_typed_1\",\"item_id\":\"item_typed\",\"output_index\":0,"
                + "\"type\":\"response.output_audio.delta\",\"content_index\":1,\"delta\":\"" + b64 + "\"}");
        wire.session().sendRawText("{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_tck_typed_2\",\"tck_extra\":{\"nested\":[1,{\"a\":2}]},"
                + "\"response_id\":\"resp_typed\",\"item_id\":\"item_typed\",\"output_index\":0,\"content_index\":1,"
                + "\"delta\":\"" + b64 + "\"}");
        wire.session().sendRawText("{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"event_tck_typed_3\",\"tck_extra\":[1,2],"
                + "\"response_id\":\"resp_typed\",\"item_id\":\"item_typed\",\"output_index\":0,\"content_index\":1,"
                + "\"delta\":\"Hi\"}");
        wire.session().sendRawText("{\"type\":\"response.output_text.delta\",\"event_id\":\"event_tck_typed_4\",\"response_id\":\"resp_typed\","
                + "\"item_id\":\"item_text\",\"output_index\":0,\"content_index\":0,\"delta\":\"there\"}");
        wire.push(ServerEvents.responseDone("resp_typed"));
        List<Object> events = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + tck.timing().signalTimeout().toNanos();
        while (events.stream().noneMatch(TurnDone.class::isInstance) && System.nanoTime() < deadline) {
            try {
                Object next = seen.poll(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
                if (next != null) {
                    events.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (events.size() != 5 || !isAudio(events.get(0), pcm) || !isAudio(events.get(1), pcm)
                || !new TranscriptDelta("Hi", "item_typed", "resp_typed").equals(events.get(2))
                || !new TextDelta("there", "item_text", "resp_typed").equals(events.get(3))
                || !(events.get(4) instanceof TurnDone done) || !"resp_typed".equals(done.response().id())) {
            throw wire.violation("with only typed listeners registered: audio of the 8 bytes twice, the transcript "
                    + "delta \"Hi\", the text delta \"there\" and turn_done, in that order, and nothing for the "
                    + "malformed frames", events.toString());
        }
        t.interrupt();
        ObjectNode truncate = wire.await("conversation.item.truncate");
        if (!"item_typed".equals(truncate.path("item_id").asString(null)) || truncate.path("content_index").asInt(-1) != 1) {
            throw wire.violation("a truncate of item_typed, content_index 1 (from the audio delta)", truncate.toString(),
                    truncate);
        }
        assertThat(t.status()).as("status after the malformed frames").isEqualTo(dev.realtimetck.api.ConnectionStatus.CONNECTED);
    }

    @TckRule("RT-SERVER-021")
    default void removedListenersStopAndOnceFiresOnce(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        java.util.concurrent.atomic.AtomicInteger typed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger once = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger any = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger byName = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(2);
        dev.realtimetck.api.Subscription typedSub = t.on(TransportEventType.OUTPUT_TEXT_DELTA, e -> typed.incrementAndGet());
        t.once(TransportEventType.OUTPUT_TEXT_DELTA, e -> once.incrementAndGet());
        t.once(TransportEventType.OUTPUT_TEXT_DELTA, e -> once.addAndGet(100)).remove(); // removed before it fires
        dev.realtimetck.api.Subscription anySub = t.onAny(e -> {
            if (e.type().equals("response.output_text.delta")) {
                any.incrementAndGet();
            }
        });
        dev.realtimetck.api.Subscription nameSub = t.onServerEvent("response.output_text.delta",
                e -> byName.incrementAndGet());
        // registered last, so when it sees a delta every listener registered before it has seen that delta
        t.on(TransportEventType.OUTPUT_TEXT_DELTA, e -> second.countDown());
        String delta = "{\"type\":\"response.output_text.delta\",\"response_id\":\"resp_sub\",\"item_id\":"
                + "\"item_sub\",\"output_index\":0,\"content_index\":0,\"delta\":\"x\"}";
        wire.push(delta);
        tck.events().await(TransportEventType.OUTPUT_TEXT_DELTA);
        tck.awaitCondition(() -> second.getCount() == 1, "the last listener to see the first delta",
                () -> "it saw " + (2 - second.getCount()) + " delta(s)");
        typedSub.remove();
        anySub.remove();
        nameSub.close();
        typedSub.remove(); // removing twice does nothing
        wire.push(delta);
        tck.events().await(TransportEventType.OUTPUT_TEXT_DELTA);
        tck.awaitCondition(() -> second.getCount() == 0, "the last listener to see the second delta",
                () -> "it saw " + (2 - second.getCount()) + " delta(s)");
        String counts = "on " + typed.get() + ", once " + once.get() + ", onAny " + any.get() + ", onServerEvent "
                + byName.get();
        if (typed.get() != 1 || once.get() != 1 || any.get() != 1 || byName.get() != 1) {
            throw wire.violation("each removed listener and the once listener called for the first delta only "
                    + "(on 1, once 1, onAny 1, onServerEvent 1)", counts);
        }
    }

    private static boolean isAudio(Object event, byte[] pcm) {
        return event instanceof TransportAudioEvent audio && java.util.Arrays.equals(audio.copyBytes(), pcm)
                && "resp_typed".equals(audio.responseId());
    }

    @TckRule("RT-SERVER-022")
    default void previousItemIdKeepsItsThreeStates(TckHarness tck) {
        Wire wire = tck.connect();
        String item = "\"item\":{\"id\":\"item_placed\",\"type\":\"message\",\"role\":\"user\",\"content\":["
                + "{\"type\":\"input_text\",\"text\":\"hi\"}]}";
        wire.push("{\"type\":\"conversation.item.added\",\"previous_item_id\":null," + item + "}");
        wire.push("{\"type\":\"conversation.item.added\"," + item + "}");
        wire.push("{\"type\":\"conversation.item.done\",\"previous_item_id\":\"item_before\"," + item + "}");
        wire.push("{\"type\":\"conversation.item.retrieved\",\"previous_item_id\":\"item_before\"," + item + "}");
        String[] cases = {"conversation.item.added with \"previous_item_id\":null (first in the conversation)",
                "conversation.item.added without previous_item_id", "conversation.item.done with \"previous_item_id\":"
                + "\"item_before\"", "conversation.item.retrieved (its schema has no previous_item_id)"};
        String[] expected = {"null (first)", "absent", "\"item_before\"", "absent"};
        for (int i = 0; i < cases.length; i++) {
            RealtimeItem update = tck.events().await(TransportEventType.ITEM_UPDATE);
            if (!(update instanceof RealtimeItem.Message m)) {
                throw new TckViolation("a message item_update for " + cases[i], String.valueOf(update), List.of());
            }
            String actual = !m.hasPreviousItemId() ? "absent" : m.previousItemId() == null ? "null (first)"
                    : "\"" + m.previousItemId() + "\"";
            if (!actual.equals(expected[i])) {
                throw new TckViolation("previousItemId " + expected[i] + " for " + cases[i],
                        "previousItemId " + actual, List.of());
            }
        }
    }
}
