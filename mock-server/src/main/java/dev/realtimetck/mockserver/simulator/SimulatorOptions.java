package dev.realtimetck.mockserver.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a {@link RealtimeSimulator}. Build with {@link #builder()}; {@link #defaults()} gives the values
 * documented on each builder method.
 *
 * @param pacing whether audio deltas are sent at the audio's own rate or as fast as possible
 * @param audioChunk duration of the audio carried by one {@code response.output_audio.delta}
 * @param replyStrategy chooses the assistant's reply text from the response input
 * @param speechMillisPerCharacter how long the synthetic reply audio lasts per character of its transcript
 * @param vadFrame length of the frames the voice-activity detector measures energy over
 * @param vadRmsAtThresholdZero frame RMS (0..1 of full scale) that a turn-detection {@code threshold} of 0 maps to
 * @param vadRmsAtThresholdOne frame RMS (0..1 of full scale) that a {@code threshold} of 1 maps to; values in
 *     between are interpolated on a logarithmic (decibel) scale
 * @param sendConversationCreated whether {@code conversation.created} follows {@code session.created}
 * @param defaultModel the session's {@code model} when the handshake named none
 */
public record SimulatorOptions(
        Pacing pacing,
        Duration audioChunk,
        ReplyStrategy replyStrategy,
        int speechMillisPerCharacter,
        Duration vadFrame,
        double vadRmsAtThresholdZero,
        double vadRmsAtThresholdOne,
        boolean sendConversationCreated,
        String defaultModel) {

    /** How response audio deltas are spaced in time. */
    public enum Pacing {
        /** One audio delta per chunk duration, so audio arrives at the rate a speaker would play it. */
        REALTIME,
        /** Every event as soon as the session's executor gets to it (the real API also runs ahead of playback). */
        FAST
    }

    /** Validates every field; the exception names the offending one. */
    public SimulatorOptions {
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(audioChunk, "audioChunk");
        Objects.requireNonNull(replyStrategy, "replyStrategy");
        Objects.requireNonNull(vadFrame, "vadFrame");
        Objects.requireNonNull(defaultModel, "defaultModel");
        if (audioChunk.toMillis() < 1) {
            throw new IllegalArgumentException("audioChunk: must be at least 1 ms, was " + audioChunk);
        }
        if (vadFrame.toMillis() < 1) {
            throw new IllegalArgumentException("vadFrame: must be at least 1 ms, was " + vadFrame);
        }
        if (speechMillisPerCharacter < 1) {
            throw new IllegalArgumentException(
                    "speechMillisPerCharacter: must be positive, was " + speechMillisPerCharacter);
        }
        if (!(vadRmsAtThresholdZero > 0 && vadRmsAtThresholdZero < vadRmsAtThresholdOne
                && vadRmsAtThresholdOne <= 1)) {
            throw new IllegalArgumentException(
                    "vadRmsAtThresholdZero/vadRmsAtThresholdOne: need 0 < zero < one <= 1, was "
                    + vadRmsAtThresholdZero + " and " + vadRmsAtThresholdOne);
        }
        if (defaultModel.isBlank()) {
            throw new IllegalArgumentException("defaultModel: must not be blank");
        }
    }

    /** The defaults: FAST pacing, 100 ms chunks, echo replies, 60 ms per character, 20 ms VAD frames. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pacing = pacing;
        b.audioChunk = audioChunk;
        b.replyStrategy = replyStrategy;
        b.speechMillisPerCharacter = speechMillisPerCharacter;
        b.vadFrame = vadFrame;
        b.vadRmsAtThresholdZero = vadRmsAtThresholdZero;
        b.vadRmsAtThresholdOne = vadRmsAtThresholdOne;
        b.sendConversationCreated = sendConversationCreated;
        b.defaultModel = defaultModel;
        return b;
    }

    /**
     * The frame RMS (0..1 of full scale) at or above which a frame counts as speech, for a turn-detection
     * {@code threshold}: {@code zero * (one / zero) ^ threshold}, with {@code threshold} clamped to 0..1.
     */
    public double vadRmsThreshold(double threshold) {
        double t = Math.max(0, Math.min(1, threshold));
        return vadRmsAtThresholdZero * Math.pow(vadRmsAtThresholdOne / vadRmsAtThresholdZero, t);
    }

    /** Mutable builder of {@link SimulatorOptions}. */
    public static final class Builder {
        private Pacing pacing = Pacing.FAST;
        private Duration audioChunk = Duration.ofMillis(100);
        private ReplyStrategy replyStrategy = ReplyStrategy.echo();
        private int speechMillisPerCharacter = 60;
        private Duration vadFrame = Duration.ofMillis(20);
        private double vadRmsAtThresholdZero = 0.001;
        private double vadRmsAtThresholdOne = 0.3;
        private boolean sendConversationCreated = true;
        private String defaultModel = "gpt-realtime";

        private Builder() {
        }

        /** Audio delta pacing; default {@link Pacing#FAST}. */
        public Builder pacing(Pacing value) {
            this.pacing = value;
            return this;
        }

        /** Audio carried per delta; default 100 ms. */
        public Builder audioChunk(Duration value) {
            this.audioChunk = value;
            return this;
        }

        /** Reply text strategy; default {@link ReplyStrategy#echo()}. */
        public Builder replyStrategy(ReplyStrategy value) {
            this.replyStrategy = value;
            return this;
        }

        /** Synthetic reply audio per transcript character; default 60 ms. */
        public Builder speechMillisPerCharacter(int value) {
            this.speechMillisPerCharacter = value;
            return this;
        }

        /** VAD frame length; default 20 ms. */
        public Builder vadFrame(Duration value) {
            this.vadFrame = value;
            return this;
        }

        /** Frame RMS for {@code threshold} 0 and 1; defaults 0.001 (-60 dBFS) and 0.3 (about -10 dBFS). */
        public Builder vadRmsRange(double atThresholdZero, double atThresholdOne) {
            this.vadRmsAtThresholdZero = atThresholdZero;
            this.vadRmsAtThresholdOne = atThresholdOne;
            return this;
        }

        /** Whether to send {@code conversation.created} after {@code session.created}; default true. */
        public Builder sendConversationCreated(boolean value) {
            this.sendConversationCreated = value;
            return this;
        }

        /** Model reported when the handshake had no {@code model} query parameter; default {@code gpt-realtime}. */
        public Builder defaultModel(String value) {
            this.defaultModel = value;
            return this;
        }

        /** Builds and validates the options. */
        public SimulatorOptions build() {
            return new SimulatorOptions(pacing, audioChunk, replyStrategy, speechMillisPerCharacter, vadFrame,
                    vadRmsAtThresholdZero, vadRmsAtThresholdOne, sendConversationCreated, defaultModel);
        }
    }
}
