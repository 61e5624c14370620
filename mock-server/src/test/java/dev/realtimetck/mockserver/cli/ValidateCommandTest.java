package dev.realtimetck.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimetck.protocoldata.ProtocolData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines).replace('\'', '"') + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void allValidEventsExitZeroWithSummary() throws IOException {
        Path events = file("ok.jsonl",
                "{'type':'input_audio_buffer.commit'}",
                "",
                "{'type':'conversation.item.deleted','event_id':'e1','item_id':'i1'}");
        assertThat(run(events.toString())).isZero();
        assertThat(out.toString()).isEqualTo("2 events, 0 invalid" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void invalidEventIsPrintedWithFileLineTypePointerAndMessage() throws IOException {
        Path events = file("bad.jsonl",
                "{'type':'input_audio_buffer.commit'}",
                "{'type':'conversation.item.truncate','item_id':'i1','content_index':0}",
                "{'type':'conversation.item.deleted','event_id':'e1'}");
        assertThat(run(events.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                events + ":2: conversation.item.truncate: /audio_end_ms: Missing required parameter: 'audio_end_ms'.",
                events + ":3: conversation.item.deleted: /item_id: Missing required parameter: 'item_id'.",
                "3 events, 2 invalid");
    }

    @Test
    void onlyTheFirstViolationIsPrintedUnlessAllAreAsked() throws IOException {
        Path events = file("two.jsonl", "{'type':'conversation.item.truncate','item_id':'i1'}");
        assertThat(run(events.toString())).isEqualTo(1);
        assertThat(out.toString().lines().findFirst().orElseThrow()).endsWith("(and 1 more)");
        out.getBuffer().setLength(0);
        assertThat(run("--all-violations", events.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("/content_index"))
                .anySatisfy(l -> assertThat(l).contains("/audio_end_ms"));
    }

    @Test
    void recordingsUseEachFramesDirection() throws IOException {
        Path recording = file("rec.jsonl",
                "{'direction':'client','t_ms':0,'event':{'type':'response.create'}}",
                "{'direction':'server','t_ms':12,'event':{'type':'response.created','event_id':'e1','response':{}}}",
                "{'direction':'server','t_ms':13,'event':{'type':'response.create'}}");
        assertThat(run(recording.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                recording + ":3: response.create: /type: 'response.create' is not a known server event type.",
                "3 events, 1 invalid");
    }

    @Test
    void recordedNonEventFramesAreSkipped() throws IOException {
        Path recording = file("rec.jsonl",
                "{'direction':'client','t_ms':0,'event':{'type':'input_audio_buffer.commit'}}",
                "{'direction':'client','t_ms':5,'binary':'AAEC'}",
                "{'direction':'client','t_ms':6,'text':'hello?'}",
                "{'direction':'server','t_ms':9,'close':{'code':1000,'reason':''}}");
        assertThat(run(recording.toString())).isZero();
        assertThat(out.toString()).isEqualTo("1 events, 0 invalid" + System.lineSeparator());
    }

    @Test
    void recordedEventThatIsNotAnObjectIsABadLine() throws IOException {
        Path recording = file("rec.jsonl", "{'direction':'client','t_ms':0,'event':'input_audio_buffer.commit'}");
        assertThat(run(recording.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(":1: 'event' is not a JSON object");
    }

    @Test
    void sideOptionSkipsFramesOfTheOtherDirection() throws IOException {
        Path recording = file("rec.jsonl",
                "{'direction':'client','t_ms':0,'event':{'type':'response.create'}}",
                "{'direction':'server','t_ms':13,'event':{'type':'response.create'}}");
        assertThat(run("--side", "client", recording.toString())).isZero();
        assertThat(out.toString()).contains("1 events, 0 invalid");
    }

    @Test
    void sideOptionForcesPlainEvents() throws IOException {
        Path events = file("plain.jsonl", "{'type':'input_audio_buffer.commit'}");
        assertThat(run("--side", "server", events.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(":1: input_audio_buffer.commit: /type: ");
    }

    @Test
    void unknownTypeInAutoModeIsInvalid() throws IOException {
        Path events = file("unknown.jsonl", "{'type':'session.teleport'}", "{'event_id':'x'}");
        assertThat(run(events.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                events + ":1: session.teleport: /type: 'session.teleport' is not a known server event type.",
                events + ":2: (no type): /type: The server event has no string 'type'.",
                "2 events, 2 invalid");
    }

    @Test
    void badJsonLinesExitTwoWithLineNumbersAndStillCheckTheRest() throws IOException {
        Path events = file("broken.jsonl",
                "{'type':'input_audio_buffer.commit'}",
                "{'type':",
                "[1,2]",
                "{'type':'conversation.item.retrieve'}");
        assertThat(run(events.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith(events + ":2: not valid JSON"))
                .anySatisfy(l -> assertThat(l).isEqualTo(events + ":3: not a JSON object"));
        assertThat(out.toString()).contains(events + ":4: conversation.item.retrieve: /item_id:")
                .contains("2 events, 1 invalid, 2 unreadable");
    }

    @Test
    void badDirectionIsABadLine() throws IOException {
        Path recording = file("rec.jsonl", "{'direction':'sideways','event':{'type':'response.create'}}");
        assertThat(run(recording.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(":1: 'direction' must be");
    }

    @Test
    void missingFileExitsTwo() {
        Path missing = dir.resolve("nope.jsonl");
        assertThat(run(missing.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(missing + ": cannot read");
        assertThat(out.toString()).contains("0 events, 0 invalid, 1 unreadable");
    }

    @Test
    void badOptionValueIsAUsageError() throws IOException {
        Path events = file("ok.jsonl", "{'type':'input_audio_buffer.commit'}");
        assertThat(run("--side", "both", events.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--side");
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--side", "--all-violations", "--help", "FILE", "Exit status");
    }

    @Test
    void officialExampleFilesValidateClean() throws IOException {
        Path client = dir.resolve("client-events.jsonl");
        Path server = dir.resolve("server-events.jsonl");
        Files.writeString(client, ProtocolData.text(ProtocolData.CLIENT_EXAMPLES));
        Files.writeString(server, ProtocolData.text(ProtocolData.SERVER_EXAMPLES));
        assertThat(run(client.toString(), server.toString())).isZero();
        assertThat(out.toString()).isEqualTo("57 events, 0 invalid" + System.lineSeparator());
    }
}
