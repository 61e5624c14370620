package dev.realtimetck.mockserver.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** One step of a scenario script. Each scenario-file step object has exactly one key naming its kind. */
public sealed interface Step {

    /**
     * Waits for a client event that satisfies {@code matcher}; {@code as} names it for templates; {@code within},
     * when not null, is how long the step waits before the missing event is reported.
     */
    record Expect(EventMatcher matcher, String as, boolean repeat, Duration within) implements Step {
        public Expect {
            Objects.requireNonNull(matcher, "matcher");
            if (within != null && within.isNegative()) {
                throw new IllegalArgumentException("within: must not be negative");
            }
        }

        /** An expect without a time limit. */
        public Expect(EventMatcher matcher, String as, boolean repeat) {
            this(matcher, as, repeat, null);
        }
    }

    /** Sends server events, rendered as {@code rendering} says when the step runs. */
    record Send(List<JsonNode> events, Rendering rendering) implements Step {
        public Send {
            events = List.copyOf(Objects.requireNonNull(events, "events"));
            Objects.requireNonNull(rendering, "rendering");
            if (events.isEmpty()) {
                throw new IllegalArgumentException("events: at least one event");
            }
        }

        /** Events with placeholders, as scenario files write them. */
        public Send(List<JsonNode> events) {
            this(events, Rendering.TEMPLATES);
        }
    }

    /** How a {@link Send} step turns its events into frames. */
    enum Rendering {
        /** Placeholders ({@code {{...}}}) are rendered; see {@link Templates}. */
        TEMPLATES,
        /** Sent exactly as written. */
        LITERAL,
        /** Sent as written, except that protocol ids are replaced by fresh ids, coherently per session. */
        FRESH_IDS
    }

    /** Pauses the script. */
    record Wait(Duration duration) implements Step {
        public Wait {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Sets the delay between consecutive events sent by the rest of this script. */
    record Pace(Duration delay) implements Step {
        public Pace {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Closes the WebSocket with a close frame. */
    record Close(int code, String reason) implements Step {
        public Close {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Drops the TCP connection without a close frame. */
    record Drop() implements Step {
    }

    /** Sends a text frame that is not JSON (or any text, unvalidated). */
    record Malformed(String text) implements Step {
        public Malformed {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Sends a binary frame. */
    record Binary(byte[] data) implements Step {
        public Binary {
            data = Objects.requireNonNull(data, "data").clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Stops responding: no further sends, rules or reports for the rest of the session. */
    record Stall() implements Step {
    }
}
