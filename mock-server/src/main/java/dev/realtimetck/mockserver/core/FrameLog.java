package dev.realtimetck.mockserver.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The bounded frame log of one session. When full, the oldest entry is dropped (the most recent frames are
 * the ones that explain a failure); sequence numbers keep counting, so a gap at the start shows the cut.
 */
final class FrameLog {

    private final int maxFrames;
    private final long startNanos;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long nextSeq;
    private long dropped;
    private long clientFrames;
    private long serverFrames;

    private final java.util.function.Consumer<Frame> listener;

    FrameLog(int maxFrames, long startNanos) {
        this(maxFrames, startNanos, frame -> { });
    }

    /** A log that hands each new frame to {@code listener} (outside its lock). */
    FrameLog(int maxFrames, long startNanos, java.util.function.Consumer<Frame> listener) {
        this.listener = listener;
        if (maxFrames <= 0) {
            throw new IllegalArgumentException("maxFrames must be positive, was " + maxFrames);
        }
        this.maxFrames = maxFrames;
        this.startNanos = startNanos;
    }

    Frame add(Frame.Direction direction, Frame.Kind kind, String text, String base64, Integer code, String reason) {
        Frame frame = append(direction, kind, text, base64, code, reason);
        listener.accept(frame);
        return frame;
    }

    private synchronized Frame append(Frame.Direction direction, Frame.Kind kind, String text, String base64,
                                      Integer code, String reason) {
        Frame frame = new Frame(direction, nextSeq++, Duration.ofNanos(System.nanoTime() - startNanos), kind, text,
                base64, code, reason);
        if (frames.size() == maxFrames) {
            frames.removeFirst();
            dropped++;
        }
        frames.addLast(frame);
        if (direction == Frame.Direction.CLIENT) {
            clientFrames++;
        } else {
            serverFrames++;
        }
        return frame;
    }

    synchronized List<Frame> snapshot() {
        return List.copyOf(frames);
    }

    synchronized List<Frame> last(int n) {
        List<Frame> all = List.copyOf(frames);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long clientFrames() {
        return clientFrames;
    }

    synchronized long serverFrames() {
        return serverFrames;
    }
}
