package dev.realtimetck.referencetransport.protocol;

/**
 * Rules A27-A30: which output-audio item is playing and how much of it has arrived, so that an interrupt can
 * truncate it. Reset on {@code response.output_audio.done}, after every interrupt and on (re)connect.
 */
final class AudioTracker {

    private String itemId;
    private int contentIndex;
    private long firstAudioNanos;
    private double receivedMs;

    void onDelta(String itemId, int contentIndex, double deltaMs, long nowNanos) {
        if (this.itemId == null) {
            firstAudioNanos = nowNanos;
            receivedMs = 0;
        }
        this.itemId = itemId;
        this.contentIndex = contentIndex;
        receivedMs += deltaMs;
    }

    boolean tracking() {
        return itemId != null;
    }

    String itemId() {
        return itemId;
    }

    int contentIndex() {
        return contentIndex;
    }

    /**
     * A30: {@code max(0, floor(min(elapsed, received)))} in milliseconds, or -1 when the clock went backwards
     * (then nothing is truncated).
     */
    long audioEndMs(long nowNanos) {
        double elapsedMs = (nowNanos - firstAudioNanos) / 1_000_000.0;
        if (elapsedMs < 0) {
            return -1;
        }
        return Math.max(0L, (long) Math.floor(Math.min(elapsedMs, receivedMs)));
    }

    void reset() {
        itemId = null;
        contentIndex = 0;
        firstAudioNanos = 0;
        receivedMs = 0;
    }
}
