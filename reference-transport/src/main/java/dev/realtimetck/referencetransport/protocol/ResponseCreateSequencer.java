package dev.realtimetck.referencetransport.protocol;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Section D: at most one {@code response.create} outstanding, none while a response is active, automatic
 * requests coalesced, manual ones never.
 *
 * <p>Departures from the TypeScript sequencer (section E), all deliberate:
 * <ul>
 *   <li>X1: a {@code response.created} that arrives while our create is outstanding marks the response active
 *       but keeps our create <em>tentatively</em> outstanding. If an {@code error} carrying our
 *       {@code event_id} (or, without event id, the response.create heuristic) then arrives, the created
 *       response was not ours: the request goes back to the head of the queue and is sent again once the active
 *       response is done (at most one such retry per request). The tentative create is confirmed (forgotten)
 *       by the {@code response.done} of the response it is waiting behind.</li>
 *   <li>X3: an outstanding create that gets neither {@code response.created} nor a matching error within the
 *       timeout is released ({@link #onTick}); the caller learns it through an {@code error} event carrying a
 *       {@link TimeoutException}.</li>
 * </ul>
 */
final class ResponseCreateSequencer {

    /** One response request. {@code payload} is the whole client event; a caller's event_id is kept. */
    record Request(boolean manual, ObjectNode payload, boolean retried) {
        Request withRetried() {
            return new Request(manual, payload, true);
        }
    }

    private static final class Outstanding {
        final Request request;
        final List<Request> coalesced;
        final String eventId;
        final long sentAtNanos;
        boolean tentative;

        Outstanding(Request request, List<Request> coalesced, String eventId, long sentAtNanos) {
            this.request = request;
            this.coalesced = coalesced;
            this.eventId = eventId;
            this.sentAtNanos = sentAtNanos;
        }
    }

    private final FrameSink frames;
    private final Consumer<Throwable> failures;
    private final ProtocolOptions options;
    private final long timeoutNanos;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private Outstanding outstanding;
    private boolean active;
    private boolean cancelRequested;
    private boolean pumping;
    private boolean holding;
    private long generatedIds;

    ResponseCreateSequencer(FrameSink frames, Consumer<Throwable> failures, ProtocolOptions options) {
        this.frames = frames;
        this.failures = failures;
        this.options = options;
        this.timeoutNanos = saturatedNanos(options.responseCreateTimeout());
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** D2/D3: sends now when nothing blocks, otherwise queues. */
    void request(Request request) {
        queue.addLast(request);
        pump();
    }

    /** D5 (with the X1 departure). */
    void onResponseCreated() {
        active = true;
        cancelRequested = false;
        if (outstanding != null) {
            outstanding.tentative = true;
        }
    }

    /**
     * D4, first half, before the listeners of {@code response.done} run: the response is over (no cancel for it any
     * more), but queued requests are held until {@link #releaseAfterResponseDone()}.
     */
    void onResponseDone() {
        active = false;
        cancelRequested = false;
        holding = true;
        if (outstanding != null && outstanding.tentative) {
            outstanding = null;
        }
    }

    /** D4, second half, after the listeners of {@code response.done} returned: the earliest queued request goes out. */
    void releaseAfterResponseDone() {
        holding = false;
        pump();
    }

    /** D7, called after the {@code error} transport event was emitted. */
    void onServerError(JsonNode error) {
        if (outstanding == null) {
            return;
        }
        JsonNode details = error.path("error");
        JsonNode eventId = details.get("event_id");
        boolean match;
        if (eventId != null && eventId.isString()) {
            match = eventId.stringValue().equals(outstanding.eventId);
        } else {
            String code = Json.text(details, "code");
            String message = Json.text(details, "message");
            match = (code != null && code.contains("response_create"))
                    || (message != null && message.contains("response.create"));
        }
        if (!match) {
            return;
        }
        Outstanding failed = outstanding;
        outstanding = null;
        requeueFront(failed.coalesced);
        if (failed.tentative && !failed.request.retried()) {
            queue.addFirst(failed.request.withRetried()); // X1: the active response was not ours
        }
        pump();
    }

    /** X3 departure: releases a create that stayed unanswered for longer than the timeout. */
    void onTick(long nowNanos) {
        if (outstanding == null || outstanding.tentative || nowNanos - outstanding.sentAtNanos < timeoutNanos) {
            return;
        }
        Outstanding expired = outstanding;
        outstanding = null;
        requeueFront(expired.coalesced);
        failures.accept(new TimeoutException("response.create " + expired.eventId
                + " got neither response.created nor an error within " + options.responseCreateTimeout()));
        pump();
    }

    /** D9: whether {@code interrupt()} should send {@code response.cancel} now; records it if so. */
    boolean beginCancel() {
        if (active && !cancelRequested) {
            cancelRequested = true;
            return true;
        }
        return false;
    }

    /** A6: a caller sent {@code response.cancel} itself. */
    void onCancelSent() {
        if (active) {
            cancelRequested = true;
        }
    }

    /** D10: forgets everything except the id counter. */
    void reset() {
        queue.clear();
        outstanding = null;
        active = false;
        cancelRequested = false;
        holding = false;
    }

    boolean active() {
        return active;
    }

    /** The event_id of the outstanding create, or null. */
    String outstandingEventId() {
        return outstanding == null ? null : outstanding.eventId;
    }

    int queued() {
        return queue.size();
    }

    private void requeueFront(List<Request> requests) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            queue.addFirst(requests.get(i));
        }
    }

    private void pump() {
        if (pumping) {
            return; // re-entered from a failure listener; the outer loop continues
        }
        pumping = true;
        try {
            while (!active && !holding && outstanding == null && !cancelRequested && !queue.isEmpty()) {
                dispatch();
            }
        } finally {
            pumping = false;
        }
    }

    private void dispatch() {
        Request head = queue.pollFirst();
        List<Request> coalesced = new ArrayList<>();
        if (!head.manual()) {
            while (!queue.isEmpty() && !queue.peekFirst().manual()) {
                coalesced.add(queue.pollFirst()); // D6
            }
        }
        ObjectNode frame = head.payload().deepCopy();
        String eventId = Json.text(frame, "event_id");
        if (eventId == null) {
            eventId = options.eventIdPrefix() + (++generatedIds);
            frame.put("event_id", eventId);
        }
        try {
            frames.sendText(Json.write(frame));
        } catch (RuntimeException writeFailure) {
            requeueFront(coalesced); // D8: this request is dropped, the rest moves on
            failures.accept(writeFailure);
            return;
        }
        outstanding = new Outstanding(head, coalesced, eventId, options.nanoClock().getAsLong());
    }
}
