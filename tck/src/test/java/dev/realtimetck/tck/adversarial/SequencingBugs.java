package dev.realtimetck.tck.adversarial;

import static dev.realtimetck.tck.adversarial.Bug.Category.SEQUENCING;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Broken transports whose response.create sequencing is wrong (D0-D11, X4). */
final class SequencingBugs {

    private SequencingBugs() {
    }

    static ObjectNode responseCreate(String eventId) {
        ObjectNode create = Json.MAPPER.createObjectNode();
        create.put("type", "response.create");
        create.put("event_id", eventId);
        return create;
    }

    /**
     * Routes every automatic response request (requestResponse(), the sendMessage/addImage trigger and
     * sendFunctionCallOutput's startResponse) through {@link #autoRequest()}.
     */
    abstract static class AutoRequests extends BuggyTransport {
        AutoRequests(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        /** Makes one automatic request. */
        abstract void autoRequest();

        @Override
        public void requestResponse() {
            autoRequest();
        }

        @Override
        public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData,
                SendMessageOptions options) {
            super.sendMessage(message, otherEventData, SendMessageOptions.NO_RESPONSE);
            if (options.triggerResponse()) {
                autoRequest();
            }
        }

        @Override
        public void addImage(String image, boolean triggerResponse) {
            super.addImage(image, false);
            if (triggerResponse) {
                autoRequest();
            }
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            super.sendFunctionCallOutput(toolCall, output, false);
            if (startResponse) {
                autoRequest();
            }
        }
    }

    /** D0 (MUST), sequencing: other frames wait behind an outstanding create. */
    @Bug(rules = "D0", category = SEQUENCING,
            mistake = "the response.create gate is applied to the whole outbound queue, so every frame waits while a create is unanswered")
    static final class EverythingWaitsForCreate extends FrameBug {
        private final List<String> held = new ArrayList<>();
        private int connection;

        @Override
        public synchronized void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (connection != seam.opened()) {
                connection = seam.opened();
                held.clear();
            }
            if ((!held.isEmpty() || seam.outstandingCreate() != null) && !isType(frame, "response.create")) {
                held.add(text);
            } else {
                out.send(text);
            }
        }

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            if (isType(frame, "response.created") || isType(frame, "error")) {
                synchronized (this) {
                    if (seam.outstandingCreate() == null && !held.isEmpty()) {
                        seam.writeNow(new ArrayList<>(held));
                        held.clear();
                    }
                }
            }
            in.deliver(text);
        }
    }

    /** D1 (MUST(seq)), sequencing: generated ids missing. */
    @Bug(rules = "D1", category = SEQUENCING,
            mistake = "the transport sends response.create without an event_id unless the caller supplied one")
    static final class GeneratedEventIdMissing extends BuggyTransport implements FrameHooks {
        private final Set<String> callerIds = ConcurrentHashMap.newKeySet();

        GeneratedEventIdMissing(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if ("response.create".equals(event.type()) && event.fields().get("event_id") instanceof String id) {
                callerIds.add(id);
            }
            super.sendEvent(event);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (FrameBug.isType(frame, "response.create") && !callerIds.contains(Json.text(frame, "event_id"))) {
                frame.remove("event_id");
                out.send(frame);
            } else {
                out.send(text);
            }
        }
    }

    /** D2 (MUST(seq)), sequencing: dispatch is asynchronous. */
    @Bug(rules = "D2", category = SEQUENCING,
            mistake = "requestResponse() hands the create to an executor and returns, so a frame sent right after it can overtake it")
    static final class CreateDispatchedLater extends BuggyTransport {
        private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "adv-create-sender");
            thread.setDaemon(true);
            return thread;
        });

        CreateDispatchedLater(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void requestResponse() {
            if (super.status() != ConnectionStatus.CONNECTED) {
                super.requestResponse(); // throws as it should (D11)
                return;
            }
            executor.execute(() -> {
                try {
                    Thread.sleep(20);
                    delegate.requestResponse();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException ignored) {
                    // disconnected meanwhile
                }
            });
        }
    }

    /** D3 (MUST(seq)), sequencing: not deferred while a response is active. */
    @Bug(rules = "D3", category = SEQUENCING,
            mistake = "automatic requests are held back only while a create is unanswered, not while a response is in progress")
    static final class NotDeferredWhileActive extends AutoRequests {
        private final AtomicInteger ids = new AtomicInteger();

        NotDeferredWhileActive(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        void autoRequest() {
            if (delegate.status() == ConnectionStatus.CONNECTED && seam.responseActive()
                    && seam.outstandingCreate() == null) {
                raw(responseCreate("client_evt_direct_" + ids.incrementAndGet()));
            } else {
                delegate.requestResponse();
            }
        }
    }

    /** D4 (MUST(seq)), sequencing: queue released at response.created. */
    @Bug(rules = "D4", category = SEQUENCING,
            mistake = "the queued response.create is released when response.created arrives instead of response.done")
    static final class ReleasedAtCreated extends AutoRequests implements FrameHooks {
        private volatile boolean queued;
        private final AtomicInteger ids = new AtomicInteger();

        ReleasedAtCreated(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            hideSyntheticFrames();
        }

        private void noteBusy() {
            // a request queued behind an unanswered create: the bug releases it at that create's response.created
            if (delegate.status() == ConnectionStatus.CONNECTED && !seam.responseActive()
                    && seam.outstandingCreate() != null) {
                queued = true;
            }
        }

        @Override
        void autoRequest() {
            noteBusy();
            delegate.requestResponse();
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            noteBusy();
            super.requestResponse(response);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if ("response.create".equals(event.type())) {
                noteBusy();
            }
            super.sendEvent(event);
        }

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            in.deliver(text);
            if (FrameBug.isType(frame, "response.created") && queued) {
                queued = false;
                // the transport's sequencer is told the response is over as soon as it starts
                String id = SYNTHETIC + ids.incrementAndGet();
                ObjectNode done = Json.MAPPER.createObjectNode();
                done.put("type", "response.done");
                done.put("event_id", id);
                ObjectNode response = done.putObject("response");
                response.put("id", id);
                response.put("object", "realtime.response");
                response.put("status", "completed");
                response.putArray("output");
                injectSynthetic(seam, done);
            }
        }
    }

    /** D6 (MUST(seq)), sequencing: automatic requests are not coalesced. */
    @Bug(rules = "D6", category = SEQUENCING,
            mistake = "automatic response requests go through sendEvent(response.create), so they count as manual and are never coalesced")
    static final class AutoRequestsNotCoalesced extends AutoRequests {
        AutoRequestsNotCoalesced(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        void autoRequest() {
            delegate.sendEvent(RealtimeClientMessage.of("response.create"));
        }
    }

    /** D6 (MUST(seq)), sequencing: manual requests coalesced when queued. */
    @Bug(rules = "D6", category = SEQUENCING,
            mistake = "a queued requestResponse(payload) is merged with the other queued requests and its payload is lost")
    static final class ManualCoalescedWhenQueued extends BuggyTransport {
        ManualCoalescedWhenQueued(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            if (delegate.status() == ConnectionStatus.CONNECTED
                    && (seam.responseActive() || seam.outstandingCreate() != null)) {
                super.requestResponse();
            } else {
                super.requestResponse(response);
            }
        }
    }

    /** Holds released creates after a server error answered the outstanding one, while {@link #gated()}. */
    abstract static class ErrorGate extends BuggyTransport implements FrameHooks {
        private final List<String> held = new ArrayList<>();
        private String lastCreate;
        private boolean gate;
        private int connection;

        ErrorGate(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        abstract boolean gated();

        /** A new connection starts with an open gate and nothing held (the transport dropped its queue). */
        private void newConnection() {
            if (connection != seam.opened()) {
                connection = seam.opened();
                held.clear();
                gate = false;
                lastCreate = null;
            }
        }

        @Override
        public synchronized void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            newConnection();
            if (FrameBug.isType(frame, "response.create")) {
                if (gate) {
                    held.add(text);
                    return;
                }
                lastCreate = Json.text(frame, "event_id");
            }
            out.send(text);
        }

        @Override
        public void incoming(ObjectNode frame, String text, FrameSeam.In in) {
            synchronized (this) {
                newConnection();
                if (FrameBug.isType(frame, "error") && lastCreate != null && answers(frame) && gated()) {
                    gate = true;
                } else if (FrameBug.isType(frame, "response.created") || FrameBug.isType(frame, "response.done")) {
                    lastCreate = null;
                    if (gate) {
                        gate = false;
                        seam.writeNow(new ArrayList<>(held));
                        held.clear();
                    }
                }
            }
            in.deliver(text);
        }

        private boolean answers(ObjectNode frame) {
            ObjectNode error = Json.at(frame, "error");
            String id = Json.text(error, "event_id");
            if (id != null) {
                return id.equals(lastCreate);
            }
            String code = Json.text(error, "code");
            String message = Json.text(error, "message");
            return (code != null && code.contains("response_create"))
                    || (message != null && message.contains("response.create"));
        }
    }

    /** D7 (MUST(seq)), sequencing: a server error does not free the queue. */
    @Bug(rules = "D7", category = SEQUENCING,
            mistake = "the sequencer ignores server errors; only response.created or response.done free it, so a rejected create blocks the queue")
    static final class ErrorDoesNotRelease extends ErrorGate {
        ErrorDoesNotRelease(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        boolean gated() {
            return true;
        }
    }

    /** X4 (port duty), sequencing: errors reach the sequencer only with an error listener. */
    @Bug(rules = {"X4", "D7"}, category = SEQUENCING,
            mistake = "the sequencer learns of server errors through the error listener list, so with no error listener registered a rejected create blocks the queue")
    static final class ErrorReleasesOnlyWithListener extends ErrorGate {
        ErrorReleasesOnlyWithListener(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        boolean gated() {
            return !listening(TransportEventType.ERROR.name());
        }
    }

    /** D10 (MUST(seq)), sequencing: queued manual requests survive a disconnect. */
    @Bug(rules = "D10", category = SEQUENCING,
            mistake = "the queue of manual response requests is a field of the transport that a disconnect does not clear, so requests still queued are sent on the next connection")
    static final class QueueSurvivesReconnect extends BuggyTransport implements FrameHooks {
        private final java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        private final List<Runnable> carried = new ArrayList<>();

        QueueSurvivesReconnect(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
            delegate.on(TransportEventType.CONNECTION_CHANGE, status -> {
                if (status == ConnectionStatus.DISCONNECTED) {
                    synchronized (queued) {
                        carried.addAll(queued);
                        queued.clear();
                    }
                }
            });
        }

        private boolean busy() {
            return delegate.status() == ConnectionStatus.CONNECTED
                    && (seam.responseActive() || seam.outstandingCreate() != null);
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            if (busy()) {
                synchronized (queued) {
                    queued.add(() -> delegate.requestResponse(response));
                }
            }
            super.requestResponse(response);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            if ("response.create".equals(event.type()) && busy()) {
                synchronized (queued) {
                    queued.add(() -> delegate.sendEvent(event));
                }
            }
            super.sendEvent(event);
        }

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (FrameBug.isType(frame, "response.create")) {
                synchronized (queued) {
                    queued.poll(); // the head of the queue went out
                }
            }
            out.send(text);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> connect(
                dev.realtimetck.api.RealtimeTransportConnectOptions options) {
            return super.connect(options).thenRun(() -> {
                List<Runnable> replay;
                synchronized (queued) {
                    replay = new ArrayList<>(carried);
                    carried.clear();
                }
                replay.forEach(Runnable::run);
            });
        }
    }

    /** D11 (MUST), sequencing: requestResponse before connect ignored. */
    @Bug(rules = {"D11", "C17"}, category = SEQUENCING,
            mistake = "requestResponse() returns quietly when not connected instead of throwing")
    static final class RequestIgnoredWhenDisconnected extends BuggyTransport {
        RequestIgnoredWhenDisconnected(RealtimeTransportLayer delegate, FrameSeam seam) {
            super(delegate, seam);
        }

        @Override
        public void requestResponse() {
            if (super.status() == ConnectionStatus.CONNECTED) {
                super.requestResponse();
            }
        }
    }

    static boolean isString(JsonNode node) {
        return node != null && node.isString();
    }
}
