package dev.realtimetck.mockserver.scenario;

import dev.realtimetck.mockserver.core.SessionBehavior;
import dev.realtimetck.mockserver.core.SessionContext;
import dev.realtimetck.mockserver.core.SessionObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a {@link Scenario} for one session. The main script runs from {@link #onOpen}: it sends, waits and
 * injects faults until it reaches an {@code expect} step, which consumes the next client event. A client event
 * that the script does not expect may fire a {@link Rule}; otherwise it is reported (expected and actual side by
 * side) unless its type is ignored, and in strict mode the session is closed with 1008.
 *
 * <p>One instance per session; all methods run on the session's serial executor.
 */
public final class ScenarioBehavior implements SessionBehavior {

    /**
     * The text of the problem recorded when a session ends while the script still waits at an {@code expect}.
     * Whether it is recorded depends on when the client's close arrives, so the JUnit extension does not fail a
     * test on it.
     */
    public static final String UNFINISHED = "the session ended while this step still expected";

    /** The close code for a policy violation, used in strict mode. */
    public static final int POLICY_VIOLATION = 1008;

    private final Scenario scenario;
    private final AudioSource audio;
    private final Map<String, JsonNode> captures = new HashMap<>();
    private final Map<String, String> namedIds = new HashMap<>();
    private final int[] ruleFirings;
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private SessionContext session;
    private Runner main;
    private String outputFormat;
    private boolean halted;
    private Step.Expect repeating;

    /** A behaviour for one session of {@code scenario}. */
    public ScenarioBehavior(Scenario scenario) {
        this(scenario, AudioSource.generated());
    }

    ScenarioBehavior(Scenario scenario, AudioSource audio) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.audio = Objects.requireNonNull(audio, "audio");
        this.ruleFirings = new int[scenario.rules().size()];
        this.outputFormat = scenario.audioFormat();
    }

    @Override
    public String description() {
        return "scenario '" + scenario.name() + "'" + (scenario.strict() ? " (strict)" : "");
    }

    /** The scenario this behaviour runs. */
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void onOpen(SessionContext session) {
        this.session = Objects.requireNonNull(session, "session");
        this.main = new Runner("step", scenario.steps(), null);
        main.advance();
    }

    @Override
    public void onClientEvent(SessionContext session, ObjectNode event) {
        if (halted) {
            return;
        }
        trackOutputFormat(event);
        if (main.done()) {
            afterScript(event);
            return;
        }
        if (!main.atExpect() && !main.nextExpectMatches(event) && fireRule(event)) {
            return;
        }
        pending.add(event);
        main.advance();
    }

    @Override
    public void onClose(SessionContext session) {
        if (!halted && main != null && !main.done() && main.atExpect()) {
            Step.Expect expect = (Step.Expect) main.current();
            session.reportProblem(prefix(main.label()) + ": " + UNFINISHED + " "
                    + expect.matcher().describe());
        }
        halted = true;
    }

    private void trackOutputFormat(ObjectNode event) {
        if ("session.update".equals(event.path("type").asString(null))) {
            JsonNode type = event.at("/session/audio/output/format/type");
            if (type.isString()) {
                outputFormat = type.asString();
            }
        }
    }

    /** A client event after the main script ended: absorbed by the last {@code repeat} expect, else unscripted. */
    private void afterScript(ObjectNode event) {
        if (repeating != null && repeating.matcher().matches(event)) {
            return;
        }
        unscripted(event, null);
    }

    /** A client event the main script does not consume here: a rule, an ignored type, or a reported mismatch. */
    private void unscripted(ObjectNode event, Step.Expect expected) {
        if (fireRule(event)) {
            return;
        }
        String type = event.path("type").asString("(no type)");
        if (scenario.ignore().contains(type)) {
            return;
        }
        String header;
        if (expected == null) {
            header = prefix("script") + ": unexpected client event " + type + " after the script ended";
        } else {
            int later = main.laterExpectMatching(event);
            header = prefix(main.label()) + ": unexpected client event " + type
                    + (later >= 0 ? " (out of order: it matches step " + later + ", which comes later)" : "");
        }
        session.reportProblem(MismatchReport.format(header,
                expected == null ? null : expected.matcher().describe(), event,
                expected == null ? List.of() : expected.matcher().differences(event)));
        if (scenario.strict()) {
            halted = true;
            session.close(POLICY_VIOLATION, truncate("scenario '" + scenario.name() + "' mismatch: unexpected " + type
                    + (expected == null ? " after the script ended" : " at " + main.label())));
        }
    }

    private boolean fireRule(ObjectNode event) {
        List<Rule> rules = scenario.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if ((rule.times() == 0 || ruleFirings[i] < rule.times()) && rule.when().matches(event)) {
                ruleFirings[i]++;
                new Runner("rule " + i + " then", rule.then(), event).advance();
                return true;
            }
        }
        return false;
    }

    private String prefix(String where) {
        return "scenario '" + scenario.name() + "' " + where;
    }

    /** A close reason fits in 123 UTF-8 bytes (RFC 6455); longer ones are cut at a character boundary. */
    static String truncate(String reason) {
        if (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123) {
            return reason;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < reason.length(); ) {
            int cp = reason.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > 120) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.append("...").toString();
    }

    /** Executes one list of steps: the main script, or one firing of a rule. */
    private final class Runner implements TemplateScope {
        private final String name;
        private final List<Step> steps;
        private JsonNode current;
        private int index;
        private int eventIndex;
        private Duration pace = scenario.pace();
        private boolean sentSincePause;
        private boolean paced;
        private boolean suspended;
        private int armedFor = -1;

        Runner(String name, List<Step> steps, JsonNode trigger) {
            this.name = name;
            this.steps = steps;
            this.current = trigger;
        }

        boolean done() {
            return index >= steps.size();
        }

        boolean atExpect() {
            return !suspended && !done() && steps.get(index) instanceof Step.Expect;
        }

        Step current() {
            return steps.get(index);
        }

        String label() {
            return name + " " + index + " (" + kind(steps.get(Math.min(index, steps.size() - 1))) + ")";
        }

        boolean nextExpectMatches(JsonNode event) {
            for (int i = index; i < steps.size(); i++) {
                if (steps.get(i) instanceof Step.Expect) {
                    return ((Step.Expect) steps.get(i)).matcher().matches(event);
                }
            }
            return false;
        }

        int laterExpectMatching(JsonNode event) {
            for (int i = index + 1; i < steps.size(); i++) {
                if (steps.get(i) instanceof Step.Expect && ((Step.Expect) steps.get(i)).matcher().matches(event)) {
                    return i;
                }
            }
            return -1;
        }

        void advance() {
            while (!halted && !suspended) {
                if (done()) {
                    if (this == main) {
                        while (!pending.isEmpty() && !halted) {
                            afterScript(pending.poll());
                        }
                    }
                    return;
                }
                Step step = steps.get(index);
                if (step instanceof Step.Expect) {
                    if (pending.isEmpty()) {
                        arm((Step.Expect) step);
                        return;
                    }
                    consume((Step.Expect) step, pending.poll());
                } else if (step instanceof Step.Send) {
                    List<JsonNode> events = ((Step.Send) step).events();
                    if (eventIndex == events.size()) {
                        eventIndex = 0;
                        index++;
                    } else if (!pace.isZero() && sentSincePause && !paced) {
                        pause(pace, () -> paced = true);
                    } else {
                        paced = false;
                        sendEvent(events.get(eventIndex++), ((Step.Send) step).rendering());
                        sentSincePause = true;
                    }
                } else if (step instanceof Step.Wait) {
                    sentSincePause = false;
                    pause(((Step.Wait) step).duration(), () -> index++);
                } else if (step instanceof Step.Pace) {
                    pace = ((Step.Pace) step).delay();
                    index++;
                } else if (step instanceof Step.Close) {
                    halted = true;
                    session.close(((Step.Close) step).code(), ((Step.Close) step).reason());
                } else if (step instanceof Step.Drop) {
                    halted = true;
                    session.drop();
                } else if (step instanceof Step.Malformed) {
                    session.sendRawText(((Step.Malformed) step).text());
                    index++;
                } else if (step instanceof Step.Binary) {
                    session.sendBinary(((Step.Binary) step).data());
                    index++;
                } else if (step instanceof Step.Stall) {
                    halted = true;
                }
            }
        }

        private void consume(Step.Expect expect, ObjectNode event) {
            if (expect.matcher().matches(event)) {
                current = event;
                if (expect.as() != null) {
                    captures.put(expect.as(), event);
                }
                repeating = expect.repeat() ? expect : null;
                sentSincePause = false;
                index++;
            } else if (repeating != null && repeating.matcher().matches(event)) {
                return;
            } else {
                unscripted(event, expect);
            }
        }

        /** Starts the {@code within} timer of the expect at {@link #index}, once. */
        private void arm(Step.Expect expect) {
            if (expect.within() == null || armedFor == index) {
                return;
            }
            armedFor = index;
            int step = index;
            session.schedule(expect.within(), () -> {
                if (halted || index != step) {
                    return;
                }
                session.reportProblem(prefix(label()) + ": no matching client event within "
                        + expect.within().toMillis() + " ms; expected " + expect.matcher().describe());
                if (scenario.strict()) {
                    halted = true;
                    session.close(POLICY_VIOLATION, "scenario: expected client event did not arrive");
                }
            });
        }

        private void pause(Duration delay, Runnable then) {
            suspended = true;
            session.schedule(delay, () -> {
                if (halted) {
                    return;
                }
                suspended = false;
                then.run();
                advance();
            });
        }

        private void sendEvent(JsonNode template, Step.Rendering rendering) {
            JsonNode rendered;
            try {
                switch (rendering) {
                    case TEMPLATES:
                        rendered = Templates.render(template, this);
                        break;
                    case FRESH_IDS:
                        rendered = IdRewriter.rewrite(template, this::namedId, session.id());
                        break;
                    default:
                        rendered = template.deepCopy();
                }
            } catch (RuntimeException e) {
                session.reportProblem(prefix(label()) + ": cannot render event " + template.path("type").asString("")
                        + ": " + e.getMessage());
                return;
            }
            if (rendered instanceof ObjectNode) {
                session.send((ObjectNode) rendered);
            } else {
                session.reportProblem(prefix(label()) + ": rendered event is not a JSON object: " + rendered);
            }
        }

        @Override
        public String freshId(String prefix) {
            return session.ids().next(prefix);
        }

        @Override
        public String namedId(String prefix, String name) {
            return namedIds.computeIfAbsent(prefix + " " + name, k -> session.ids().next(prefix));
        }

        @Override
        public JsonNode sessionObject() {
            return SessionObjects.realtime(session.id(), session.model().orElse(SessionObjects.DEFAULT_MODEL),
                    outputFormat, Instant.now().getEpochSecond() + SessionObjects.LIFETIME_SECONDS);
        }

        @Override
        public JsonNode event(String name) {
            return name == null ? current : captures.get(name);
        }

        @Override
        public String sessionId() {
            return session.id();
        }

        @Override
        public String audioBase64(long millis) {
            return audio.generated(outputFormat, millis);
        }

        @Override
        public String wavBase64(String path) {
            return audio.wav(outputFormat, path);
        }
    }

    private static String kind(Step step) {
        String simple = step.getClass().getSimpleName();
        return simple.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + simple.substring(1);
    }
}
