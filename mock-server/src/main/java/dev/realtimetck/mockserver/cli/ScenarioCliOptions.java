package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.MockRealtimeServer;
import dev.realtimetck.mockserver.core.SessionBehaviorFactory;
import dev.realtimetck.mockserver.replay.MockScenarios;
import dev.realtimetck.mockserver.replay.ScenarioDirectory;
import dev.realtimetck.mockserver.scenario.ScenarioCatalog;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code serve} options that choose a scenario or a replay (a picocli mixin):
 * {@code --scenario FILE}, {@code --replay FILE.jsonl}, {@code --replay-speed X}, {@code --fresh-ids},
 * {@code --strict}.
 */
public final class ScenarioCliOptions implements ServeCustomizer {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private SessionBehaviorFactory chosen;

    /** Adds these options to the {@code serve} command (usage errors then exit like the command's own). */
    public static void register(CommandSpec serve) {
        ScenarioCliOptions options = new ScenarioCliOptions();
        options.command = serve;
        serve.addMixin("scenario", CommandSpec.forAnnotatedObject(options));
    }

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Run this scenario (YAML or JSON file, or the name of a bundled example: "
                    + "audio-reply, dropped-mid-response, function-call-turn) in every session that names none, "
                    + "instead of the simulator.")
    Path scenario;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Load every scenario (.yaml, .yml, .json) and recording (.jsonl) of DIR, named after its file; "
                    + "a session picks one with ?scenario=NAME or the X-Mock-Scenario header. Changed files are "
                    + "reloaded for the next session.")
    Path scenarios;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Replay this JSONL recording in every session.")
    Path replay;

    @Option(names = "--replay-speed", paramLabel = "X", defaultValue = "1",
            description = "Factor on the recorded gaps: 1 recorded timing, 0.5 twice as fast, 0 no gaps (default: ${DEFAULT-VALUE}).")
    double replaySpeed;

    @Option(names = "--fresh-ids",
            description = "Replay: replace recorded ids with fresh ones, coherently per session.")
    boolean freshIds;

    @Option(names = "--strict",
            description = "Scenario/replay: close the session with 1008 on the first unexpected client event.")
    boolean strict;

    /** Installs the scenario or replay; contradicting options are a usage error (exit code 2). */
    @Override
    public void customize(MockRealtimeServer.Builder builder) {
        try {
            chosen = factory().orElse(null);
        } catch (IllegalArgumentException | ScenarioException e) {
            String oneLine = e.getMessage().replaceAll("\\s*\\R\\s*", "; ");
            if (command != null) {
                throw new ParameterException(command.commandLine(), oneLine, e);
            }
            throw new IllegalArgumentException(oneLine, e);
        }
        if (chosen != null) {
            builder.behaviorFactory(chosen);
        }
        if (scenarios != null) {
            try {
                // loaded once here so that a bad file is a usage error naming it
                new ScenarioDirectory(scenarios, new ScenarioCatalog(), strict, replaySpeed, freshIds).load();
            } catch (IllegalArgumentException | ScenarioException e) {
                String oneLine = "--scenarios: " + e.getMessage().replaceAll("\\s*\\R\\s*", "; ");
                if (command != null) {
                    throw new ParameterException(command.commandLine(), oneLine, e);
                }
                throw new IllegalArgumentException(oneLine, e);
            }
            builder.scenarioDirectory(scenarios, strict, replaySpeed, freshIds);
        }
    }

    @Override
    public void started(MockRealtimeServer server, PrintWriter out) {
        if (chosen instanceof ScenarioBehaviorFactory) {
            Scenario scenario = ((ScenarioBehaviorFactory) chosen).scenario();
            out.println("Running " + (replay != null ? "replay" : "scenario") + " '" + scenario.name() + "' ("
                    + scenario.steps().size() + " steps, " + scenario.rules().size() + " rules"
                    + (scenario.strict() ? ", strict" : "") + ") in every new session"
                    + (scenarios != null ? " that names no scenario" : ""));
        }
        if (scenarios != null) {
            out.println("Scenarios from " + scenarios + ": " + server.scenarios().entries().stream()
                    .map(ScenarioCatalog.Entry::name).toList() + " (select with ?scenario=NAME)");
        }
    }

    /**
     * The factory the options ask for, empty when neither {@code --scenario} nor {@code --replay} is given.
     *
     * @throws IllegalArgumentException for contradicting options (message names them)
     * @throws ScenarioException when the file cannot be loaded (message names the file and path)
     */
    public Optional<SessionBehaviorFactory> factory() {
        if (scenario != null && replay != null) {
            throw new IllegalArgumentException("--scenario and --replay cannot be combined; choose one");
        }
        if (!(replaySpeed >= 0) || Double.isInfinite(replaySpeed)) {
            throw new IllegalArgumentException("--replay-speed: must be a number >= 0, was " + replaySpeed);
        }
        if (scenario != null) {
            String bundled = scenario.toString();
            if (!java.nio.file.Files.exists(scenario) && ScenarioCatalog.BUNDLED.contains(bundled)) {
                Scenario example = new ScenarioCatalog().bundled(bundled).orElseThrow();
                return Optional.of(new ScenarioBehaviorFactory(strict ? example.withStrict(true) : example));
            }
            return Optional.of(MockScenarios.fromFile(scenario, strict, replaySpeed, freshIds));
        }
        if (replay != null) {
            if (!replay.toString().endsWith(".jsonl")) {
                throw new IllegalArgumentException("--replay: expects a .jsonl recording, was " + replay);
            }
            return Optional.of(MockScenarios.fromFile(replay, strict, replaySpeed, freshIds));
        }
        if ((strict || freshIds) && scenarios == null) {
            throw new IllegalArgumentException("--strict and --fresh-ids need --scenario, --scenarios or --replay");
        }
        return Optional.empty();
    }
}
