package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.schema.ProtocolSchemas;
import dev.realtimetck.mockserver.schema.SchemaViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code validate}: checks JSONL files of Realtime events, or of recorded frames, against the project's
 * JSON Schemas ({@link ProtocolSchemas}).
 *
 * <p>Exit codes: 0 when every event is valid, 1 when at least one is invalid, 2 when a file cannot be read
 * or a line is not a JSON object (those are reported with their line numbers and never hide the other
 * results).
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Validate JSONL files of OpenAI Realtime events against the Realtime TCK JSON Schemas.",
            "A line is either one event ({\"type\":...}) or one recorded frame "
                    + "({\"direction\":\"client\"|\"server\",\"t_ms\":...,\"event\":{...}}); a line with no 'type' "
                    + "but an 'event' object is unwrapped. Recorded frames without 'event' (text, binary, close) "
                    + "and blank lines are skipped.",
            "Exit status: 0 all valid, 1 some invalid, 2 unreadable file or bad JSON line."
        },
        sortOptions = false)
public final class ValidateCommand implements Callable<Integer> {

    /** Which schemas to check an event against. */
    public enum Side {
        /** Events a client sends. */
        client,
        /** Events the server sends. */
        server,
        /** From a recorded frame's direction, otherwise from the event type. */
        auto
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--json",
            description = "Print one JSON document instead of lines: {\"events\",\"invalid\",\"unreadable\","
                    + "\"violations\":[{\"file\",\"line\",\"side\",\"type\",\"pointer\",\"message\"}],"
                    + "\"errors\":[{\"file\",\"line\",\"message\"}]}. Exit status as without it.")
    boolean json;

    @Option(names = "--side", paramLabel = "SIDE", defaultValue = "auto",
            description = "client, server or auto (default: ${DEFAULT-VALUE}). auto: a recorded frame uses its "
                    + "'direction'; a plain event is a client event when its type is a client event type, "
                    + "otherwise a server event. client/server: plain events are checked as that side and "
                    + "recorded frames of the other direction are skipped.")
    Side side;

    @Option(names = "--all-violations",
            description = "Print every violation of an invalid event on its own line "
                    + "(default: only the first, with a count of the others).")
    boolean allViolations;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "JSONL files to check (one event or one recorded frame per line).")
    List<Path> files;

    private static final JsonMapper JSON = JsonMapper.shared();

    private int events;
    private int invalid;
    private int badLines;
    private final ValidationReport report = new ValidationReport();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProtocolSchemas schemas = ProtocolSchemas.get();
        events = 0;
        invalid = 0;
        badLines = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        report.at(file.toString(), number);
                        checkLine(schemas, file + ":" + number, line, out, err);
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                report.at(file.toString(), 0);
                error(err, file + ": cannot read: " + e.getMessage(), "cannot read: " + e.getMessage());
            }
        }
        if (json) {
            out.println(report.toJson(events, invalid, badLines));
        } else {
            String summary = events + " events, " + invalid + " invalid";
            out.println(badLines == 0 ? summary : summary + ", " + badLines + " unreadable");
        }
        out.flush();
        err.flush();
        if (badLines > 0) {
            return 2;
        }
        return invalid > 0 ? 1 : 0;
    }

    private void checkLine(ProtocolSchemas schemas, String where, String line, PrintWriter out, PrintWriter err) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            error(err, where + ": not valid JSON: " + e.getOriginalMessage(), "not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            error(err, where + ": not a JSON object", "not a JSON object");
            return;
        }
        Side lineSide = side;
        JsonNode event = node;
        boolean wrapped = node.has("direction") || (!node.has("type") && node.has("event"));
        if (wrapped) {
            JsonNode direction = node.get("direction");
            if (direction != null) {
                Side recorded = direction(direction);
                if (recorded == null) {
                    error(err, where + ": 'direction' must be \"client\" or \"server\"",
                            "'direction' must be \"client\" or \"server\"");
                    return;
                }
                if (side != Side.auto && side != recorded) {
                    return;
                }
                lineSide = recorded;
            }
            event = node.get("event");
            if (event == null) {
                return; // a recorded non-event frame: text that is not an event, binary or close
            }
            if (!event.isObject()) {
                error(err, where + ": 'event' is not a JSON object", "'event' is not a JSON object");
                return;
            }
        }
        if (lineSide == Side.auto) {
            JsonNode type = event.get("type");
            boolean client = type != null && type.isString() && schemas.clientEventTypes().contains(type.asString());
            lineSide = client ? Side.client : Side.server;
        }
        events++;
        List<SchemaViolation> violations = lineSide == Side.client
                ? schemas.validateClientEvent(event)
                : schemas.validateServerEvent(event);
        if (violations.isEmpty()) {
            return;
        }
        invalid++;
        report.violations(lineSide.name(), violations);
        if (json) {
            return;
        }
        if (allViolations) {
            violations.forEach(v -> out.println(format(where, v)));
        } else {
            String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
            out.println(format(where, violations.get(0)) + more);
        }
    }

    private void error(PrintWriter err, String line, String message) {
        badLines++;
        report.error(message);
        if (!json) {
            err.println(line);
        }
    }

    private static Side direction(JsonNode direction) {
        if (!direction.isString()) {
            return null;
        }
        return switch (direction.asString().toLowerCase(Locale.ROOT)) {
            case "client" -> Side.client;
            case "server" -> Side.server;
            default -> null;
        };
    }

    private static String format(String where, SchemaViolation v) {
        String type = v.eventType() == null ? "(no type)" : v.eventType();
        return where + ": " + type + ": " + v.pointer() + ": " + v.message();
    }

    /** Runs the command on its own (the project CLI registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ValidateCommand()).execute(args));
    }
}
