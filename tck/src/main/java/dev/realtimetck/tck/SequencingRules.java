package dev.realtimetck.tck;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.TransportEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules of response.create sequencing (group SEQ). Apart from RT-SEQ-001 they need the
 * {@code responseSequencing} capability; a transport without it must write every request at once, which is what
 * those tests then check.
 */
@Tag("seq")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface SequencingRules extends TransportUnderTest {

    /**
     * For a transport declared without sequencing: checks that requests made while a response is active are
     * written at once (the documented behaviour of its absence) and records UNSUPPORTED.
     */
    private static boolean checkedWithoutSequencing(TckHarness tck) {
        if (tck.capabilities().responseSequencing()) {
            return false;
        }
        Wire wire = tck.connect();
        wire.push(ServerEvents.responseCreated("resp_busy"));
        tck.events().await(TransportEventType.TURN_STARTED);
        tck.transport().requestResponse();
        tck.transport().requestResponse();
        wire.await("response.create");
        wire.await("response.create");
        tck.unsupported(Capability.RESPONSE_SEQUENCING, "without sequencing, requests during an active response were checked to"
                + " be written at once");
        return true;
    }

    private static boolean isCreate(ObjectNode e) {
        return "response.create".equals(e.path("type").asString(null));
    }

    @TckRule("RT-SEQ-001")
    default void idleRequestIsWrittenBeforeTheNextFrame(TckHarness tck) {
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.requestResponse();
        t.sendEvent(RealtimeClientMessage.of(TckJson.map("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"after\"}")));
        ObjectNode create = wire.await("response.create");
        ObjectNode after = wire.await("conversation.item.retrieve");
        List<ObjectNode> events = wire.clientEvents();
        if (events.indexOf(create) > events.indexOf(after)) {
            throw wire.violation("the response.create before the event sent after requestResponse() returned",
                    "wire order " + wire.types(), create, after);
        }
        wire.assertNone(SequencingRules::isCreate, "exactly one response.create for one request");
    }

    @TckRule("RT-SEQ-002")
    default void everyCreateHasAnEventIdAndCallerIdsAreKept(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        tck.transport().requestResponse();
        ObjectNode generated = wire.await("response.create");
        if (!generated.path("event_id").isString() || generated.path("event_id").asString().isEmpty()) {
            throw wire.violation("a string event_id on the response.create", generated.toString(), generated);
        }
        wire.push(ServerEvents.responseCreated("resp_id1"));
        wire.push(ServerEvents.responseDone("resp_id1"));
        tck.transport().sendEvent(RealtimeClientMessage.of(TckJson.map(
                "{\"type\":\"response.create\",\"event_id\":\"evt_caller_own\",\"response\":{\"instructions\":\"x\"}}")));
        ObjectNode own = wire.await("response.create");
        wire.assertJson(own, "{\"type\":\"response.create\",\"event_id\":\"evt_caller_own\",\"response\":"
                + "{\"instructions\":\"x\"}}", "the caller's response.create with its own event_id");
        wire.push(ServerEvents.responseCreated("resp_id2"));
        wire.push(ServerEvents.responseDone("resp_id2"));
        tck.transport().sendEvent(RealtimeClientMessage.of(TckJson.map(
                "{\"type\":\"response.create\",\"event_id\":5,\"response\":{\"instructions\":\"y\"}}")));
        ObjectNode numeric = wire.await("response.create");
        if (!numeric.path("event_id").isString() || numeric.path("event_id").asString().isEmpty()
                || !"y".equals(numeric.at("/response/instructions").asString(null))) {
            throw wire.violation("the caller's response.create with its numeric event_id replaced by a string one",
                    numeric.toString(), numeric);
        }
    }

    @TckRule("RT-SEQ-003")
    default void requestDuringActiveResponseWaitsForDone(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        wire.push(ServerEvents.responseCreated("resp_active"));
        tck.events().await(TransportEventType.TURN_STARTED);
        t.requestResponse();
        t.sendEvent(RealtimeClientMessage.of(TckJson.map("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"x\"}")));
        wire.await("conversation.item.retrieve");
        wire.assertNone(SequencingRules::isCreate, "no response.create while the response is active");
        wire.push(ServerEvents.responseDone("resp_active"));
        wire.await("response.create");
        wire.assertNone(SequencingRules::isCreate, "no second response.create for one held-back request");
    }

    @TckRule("RT-SEQ-004")
    default void requestWhileCreateOutstandingWaits(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.requestResponse();
        wire.await("response.create");
        t.requestResponse(Map.of("instructions", "second"));
        wire.assertNone(SequencingRules::isCreate, "no response.create while the first response.create is unanswered");
        wire.push(ServerEvents.responseCreated("resp_first"));
        wire.push(ServerEvents.responseDone("resp_first"));
        ObjectNode second = wire.await("response.create");
        if (!"second".equals(second.at("/response/instructions").asString(null))) {
            throw wire.violation("the held-back request with instructions \"second\"", second.toString(), second);
        }
    }

    @TckRule("RT-SEQ-005")
    default void autoRequestsCoalesceManualOnesDoNot(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        wire.push(ServerEvents.responseCreated("resp_c0"));
        tck.events().await(TransportEventType.TURN_STARTED);
        t.requestResponse();
        t.requestResponse();
        t.requestResponse(Map.of("instructions", "manual"));
        t.requestResponse();
        wire.push(ServerEvents.responseDone("resp_c0"));
        ObjectNode first = wire.await("response.create");
        wire.assertNone(SequencingRules::isCreate, "no second response.create before the first is answered");
        if (first.has("response")) {
            throw wire.violation("one coalesced automatic response.create (no response body) first", first.toString(),
                    first);
        }
        wire.push(ServerEvents.responseCreated("resp_c1"));
        wire.push(ServerEvents.responseDone("resp_c1"));
        ObjectNode manual = wire.await("response.create");
        if (!"manual".equals(manual.at("/response/instructions").asString(null))) {
            throw wire.violation("the manual request (instructions \"manual\") second, intact", manual.toString(),
                    first, manual);
        }
        wire.push(ServerEvents.responseCreated("resp_c2"));
        wire.push(ServerEvents.responseDone("resp_c2"));
        ObjectNode last = wire.await("response.create");
        if (last.has("response")) {
            throw wire.violation("the automatic request after the manual one last", last.toString(), last);
        }
        wire.push(ServerEvents.responseCreated("resp_c3"));
        wire.push(ServerEvents.responseDone("resp_c3"));
        wire.assertNone(SequencingRules::isCreate, "no more than three response.create for auto, auto, manual, auto");
    }

    @TckRule("RT-SEQ-006")
    default void matchingErrorReleasesTheQueue(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.requestResponse();
        ObjectNode first = wire.await("response.create");
        t.requestResponse(Map.of("instructions", "after the error"));
        wire.assertNone(SequencingRules::isCreate, "no response.create while the first response.create is unanswered");
        wire.push(ServerEvents.error(first.path("event_id").asString(null), "conversation_already_has_active_response"));
        ObjectNode next = wire.await("response.create");
        if (!"after the error".equals(next.at("/response/instructions").asString(null))) {
            throw wire.violation("the held-back request once the server rejected the first", next.toString(), next);
        }

        // an error naming another event, or none and unrelated, leaves the outstanding create in place
        t.requestResponse(Map.of("instructions", "third"));
        wire.push(ServerEvents.error("evt_someone_else", "invalid_value"));
        wire.push(ServerEvents.error(null, "invalid_value"));
        wire.assertNone(SequencingRules::isCreate, "no response.create after errors that do not concern the "
                + "outstanding one");
        // an error without event_id whose code names response.create releases it
        wire.push(ServerEvents.error(null, "invalid_response_create_parameters"));
        ObjectNode third = wire.await("response.create");
        if (!"third".equals(third.at("/response/instructions").asString(null))) {
            throw wire.violation("the held-back request once an error without event_id rejected a response.create",
                    third.toString(), third);
        }
        // ... or whose message names response.create
        t.requestResponse(Map.of("instructions", "fourth"));
        t.requestResponse();
        t.requestResponse();
        wire.push("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"invalid_value\","
                + "\"message\":\"Invalid value in response.create: tck\"}}");
        ObjectNode fourth = wire.await("response.create");
        if (!"fourth".equals(fourth.at("/response/instructions").asString(null))) {
            throw wire.violation("the held-back request once an error message named response.create",
                    fourth.toString(), fourth);
        }
        // the two automatic requests queued behind it go out as one; when that one is rejected, the request
        // coalesced into it goes back into the queue
        wire.push(ServerEvents.error(fourth.path("event_id").asString(null), "tck_rejected"));
        ObjectNode merged = wire.await("response.create");
        wire.push(ServerEvents.error(merged.path("event_id").asString(null), "tck_rejected"));
        ObjectNode retried = wire.await("response.create");
        if (retried.path("event_id").asString("").equals(merged.path("event_id").asString(""))) {
            throw wire.violation("a new response.create for the automatic request that had been coalesced into the "
                    + "rejected one", "the rejected one was sent again", merged, retried);
        }
        wire.assertNone(SequencingRules::isCreate, "no further response.create (two automatic requests, one "
                + "rejected and one put back)");
    }

    @TckRule("RT-SEQ-007")
    default void disconnectDiscardsHeldRequests(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        wire.push(ServerEvents.responseCreated("resp_gone"));
        tck.events().await(TransportEventType.TURN_STARTED);
        t.requestResponse(Map.of("instructions", "held"));
        wire.assertNone(SequencingRules::isCreate, "no response.create while the response is active");
        t.close();
        tck.awaitStatus(t, ConnectionStatus.DISCONNECTED);
        Wire second = tck.connect();
        second.push(ServerEvents.responseDone("resp_gone"));
        second.assertNone(SequencingRules::isCreate, "no response.create on the new connection from a request held on the old one");
    }

    @TckRule("RT-SEQ-008")
    default void requestFromTurnStartedListenerWaitsForThatResponse(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.once(TransportEventType.TURN_STARTED, started -> t.requestResponse(Map.of("instructions", "from listener")));
        wire.push(ServerEvents.responseCreated("resp_server_vad"));
        tck.events().await(TransportEventType.TURN_STARTED);
        wire.assertNone(SequencingRules::isCreate, "no response.create while the server-initiated response is active");
        wire.push(ServerEvents.responseDone("resp_server_vad"));
        ObjectNode create = wire.await("response.create");
        if (!"from listener".equals(create.at("/response/instructions").asString(null))) {
            throw wire.violation("the listener's request after response.done", create.toString(), create);
        }
    }

    @TckRule("RT-SEQ-009")
    default void unansweredCreateDoesNotBlockForever(TckHarness tck) {
        if (checkedWithoutSequencing(tck)) {
            return;
        }
        Wire wire = tck.connect();
        RealtimeTransportLayer t = tck.transport();
        t.requestResponse();
        wire.await("response.create");
        t.requestResponse(Map.of("instructions", "eventually"));
        Duration bound = tck.timing().signalTimeout().multipliedBy(3);
        try {
            wire.session().awaitClientEvent(e -> isCreate(e)
                    && "eventually".equals(e.at("/response/instructions").asString(null)), bound);
        } catch (AssertionError e) {
            throw new TckViolation("the second request to be sent within " + bound.toMillis() + " ms although the "
                    + "server never answered the first", "it was still held back", wire.lastClientFrames(2));
        }
        tck.events().await(TransportEventType.ERROR, e -> e instanceof dev.realtimetck.api.TransportError.Failure,
                "an error event reporting the response.create that was given up on");
    }
}
