package dev.realtimetck.referencetransport.protocol;

/**
 * Rules A27-A30 (0.20): the output-audio part ({@code item_id}, {@code content_index}) that is playing, when its
 * first delta arrived, how much of it has arrived and whether its generation is done, so that an interrupt can
 * truncate it. Tracking restarts with a delta of another part, and is reset after every interrupt and on
 * (re)connect; {@code response.output_audio.done} only marks generation done (B9).
 */
final class AudioTracker {

    private String itemId;
    private int contentIndex;
    private boolean started;
    private long firstAudioNanos;
    private double receivedMs;
    private boolean generationDone;

    /** A27 steps 1-4. */
    void onDelta(String itemId, int contentIndex, double deltaMs, long nowNanos) {
        if (this.itemId == null || !this.itemId.equals(itemId) || this.contentIndex != contentIndex) {
            reset();
        }
        this.itemId = itemId;
        this.contentIndex = contentIndex;
        if (!started) {
            started = true;
            firstAudioNanos = nowNanos;
            receivedMs = 0;
        }
        receivedMs += deltaMs;
    }

    /** B9: generation of the tracked part is done, whatever item the event names. */
    void onGenerationDone() {
        generationDone = true;
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

    /** Wall-clock milliseconds since the first delta of the tracked part; negative when the clock went back. */
    double elapsedMs(long nowNanos) {
        return (nowNanos - firstAudioNanos) / 1_000_000.0;
    }

    /**
     * A29 step 3: whether the truncate is left out, because generation is done and playback is estimated
     * complete (whole elapsed milliseconds against the unrounded received total).
     */
    boolean playedOut(long nowNanos) {
        return generationDone && Math.floor(elapsedMs(nowNanos)) >= receivedMs;
    }

    /** A30: {@code max(0, floor(min(elapsed, received)))} in milliseconds. */
    long audioEndMs(long nowNanos) {
        return Math.max(0L, (long) Math.floor(Math.min(elapsedMs(nowNanos), receivedMs)));
    }

    void reset() {
        itemId = null;
        contentIndex = 0;
        started = false;
        firstAudioNanos = 0;
        receivedMs = 0;
        generationDone = false;
    }
}
