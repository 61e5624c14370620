package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import dev.realtimetck.mockserver.scenario.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ScenarioCliOptionsTest {

    @Command(name = "serve")
    static final class Serve {
        @Mixin
        ScenarioCliOptions options;
    }

    private static ScenarioCliOptions parse(String... args) {
        Serve serve = new Serve();
        new CommandLine(serve).parseArgs(args);
        return serve.options;
    }

    @Test
    void scenarioFileWithStrict(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\nsteps: []\n");
        ScenarioBehaviorFactory factory = (ScenarioBehaviorFactory) parse("--scenario", file.toString(), "--strict")
                .factory().orElseThrow();
        assertThat(factory.scenario().name()).isEqualTo("s");
        assertThat(factory.scenario().strict()).isTrue();
    }

    @Test
    void replayWithSpeedZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"direction\":\"server\",\"t_ms\":0,\"event\":{\"type\":\"session.created\"}}\n"
                + "{\"direction\":\"server\",\"t_ms\":500,\"event\":{\"type\":\"session.updated\"}}\n");
        ScenarioBehaviorFactory factory = (ScenarioBehaviorFactory) parse("--replay", file.toString(), "--replay-speed", "0")
                .factory().orElseThrow();
        assertThat(factory.scenario().steps()).hasSize(2).noneMatch(s -> s instanceof Step.Wait);
        ScenarioBehaviorFactory timed = (ScenarioBehaviorFactory) parse("--replay", file.toString()).factory().orElseThrow();
        assertThat(timed.scenario().steps()).hasSize(3);
    }

    @Test
    void noOptionsMeansNoScenario() {
        assertThat(parse().factory()).isEmpty();
    }

    @Test
    void contradictionsAndBadFilesAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("--scenario", "a.yaml", "--replay", "b.jsonl").factory())
                .hasMessage("--scenario and --replay cannot be combined; choose one");
        assertThatThrownBy(() -> parse("--strict").factory()).hasMessageContaining("need --scenario, --scenarios or --replay");
        assertThatThrownBy(() -> parse("--replay", "b.yaml").factory()).hasMessageContaining("expects a .jsonl");
        assertThatThrownBy(() -> parse("--replay", "x.jsonl", "--replay-speed", "-2").factory())
                .hasMessageContaining("--replay-speed");
        assertThatThrownBy(() -> parse("--scenario", dir.resolve("none.yaml").toString()).factory())
                .isInstanceOf(ScenarioException.class).hasMessageContaining("none.yaml: cannot read");
    }
}
