package dev.realtimetck.mockserver.replay;

import dev.realtimetck.mockserver.scenario.EventMatcher;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehavior;
import dev.realtimetck.mockserver.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a {@link Recording} into a {@link Scenario} that replays it: server frames are sent in recorded order;
 * each waits for the client frames recorded before it (matched by event type) and then for the recorded gap to
 * the frame before it, multiplied by {@code speed} ({@code 0}: no gaps). A run of consecutive client events of one
 * type counts as one: the replay goes on at the first and absorbs the rest, so a client that chunks audio
 * differently still drives the replay. Client frames that are not JSON events, and everything after the first
 * close, are not replayed.
 */
public final class Replays {

    private Replays() {
    }

    /** Options of a replay. */
    public record Options(double speed, boolean freshIds, boolean strict) {
        public Options {
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed: must be a finite number >= 0, was " + speed);
            }
        }

        /** Recorded timing, recorded ids, lenient. */
        public static Options defaults() {
            return new Options(1.0, false, false);
        }
    }

    /** The scenario that replays {@code recording}. */
    public static Scenario toScenario(Recording recording, String name, Options options) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        List<Step> steps = new ArrayList<>();
        long previousT = 0;
        String previousClientType = null;
        Step.Rendering rendering = options.freshIds() ? Step.Rendering.FRESH_IDS : Step.Rendering.LITERAL;
        for (RecordedFrame frame : recording.frames()) {
            if (frame.direction() == RecordedFrame.Direction.CLIENT) {
                if (frame.kind() == RecordedFrame.Kind.CLOSE) {
                    break;
                }
                if (frame.kind() != RecordedFrame.Kind.EVENT) {
                    continue;
                }
                previousT = Math.max(previousT, frame.tMs());
                if (!frame.type().equals(previousClientType)) {
                    steps.add(new Step.Expect(EventMatcher.ofType(frame.type()), null, true));
                    previousClientType = frame.type();
                }
                continue;
            }
            previousClientType = null;
            long gapMs = Math.max(0, frame.tMs() - previousT);
            previousT = Math.max(previousT, frame.tMs());
            long gapNanos = Math.round(gapMs * 1_000_000.0 * options.speed());
            if (gapNanos > 0) {
                steps.add(new Step.Wait(Duration.ofNanos(gapNanos)));
            }
            switch (frame.kind()) {
                case EVENT:
                    steps.add(new Step.Send(List.of(frame.event()), rendering));
                    break;
                case TEXT:
                    steps.add(new Step.Malformed(frame.text()));
                    break;
                case BINARY:
                    steps.add(new Step.Binary(frame.binary()));
                    break;
                default:
                    steps.add(frame.closeCode() == RecordedFrame.ABNORMAL_CLOSURE ? new Step.Drop()
                            : new Step.Close(frame.closeCode(), frame.closeReason()));
                    return scenario(name, options, steps);
            }
        }
        return scenario(name, options, steps);
    }

    /** A behaviour that replays {@code recording} for one session. */
    public static ScenarioBehavior behavior(Recording recording, String name, Options options) {
        return new ScenarioBehavior(toScenario(recording, name, options));
    }

    private static Scenario scenario(String name, Options options, List<Step> steps) {
        return new Scenario(name, options.strict(), Duration.ZERO, "audio/pcm", Set.of(), steps, List.of(), "");
    }
}
