package dev.realtimetck.mockserver.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {

    @Test
    void badUpstreamIsOneReadableLineAndExitCode2(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new RecordCommand()).setErr(new PrintWriter(err))
                .execute("--upstream", "http://localhost/v1/realtime", "--out", dir.resolve("r.jsonl").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("record: upstream: must be a ws:// or wss:// URL, was http://localhost/v1/realtime");
    }

    @Test
    void missingOptionsAreReportedByPicocli() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new RecordCommand()).setErr(new PrintWriter(err)).execute("--out", "x.jsonl");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--upstream");
    }
}
