package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.core.SessionContext;
import dev.realtimetck.mockserver.core.SessionBehavior;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.node.ObjectNode;

/** A behaviour that records what it is given, for tests. */
final class RecordingBehavior implements SessionBehavior {
    final BlockingQueue<ObjectNode> events = new LinkedBlockingQueue<>();
    final CountDownLatch opened = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onOpen(SessionContext session) {
        opened.countDown();
    }

    @Override
    public void onClientEvent(SessionContext session, ObjectNode event) {
        events.add(event);
    }

    @Override
    public void onClose(SessionContext session) {
        closed.countDown();
    }
}
