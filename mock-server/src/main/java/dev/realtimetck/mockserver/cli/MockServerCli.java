package dev.realtimetck.mockserver.cli;

import dev.realtimetck.mockserver.record.RecordCommand;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code realtime-mock-server} command line. Without a subcommand it runs {@code serve}, so
 * {@code realtime-mock-server --port 0} and {@code realtime-mock-server serve --port 0} are the same.
 */
@Command(name = "realtime-mock-server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"A mock OpenAI Realtime (GA) WebSocket server for tests.",
                "Runs 'serve' when no command is given."},
        subcommands = CommandLine.HelpCommand.class)
public final class MockServerCli implements Runnable {

    private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

    @Spec
    CommandSpec spec;

    private MockServerCli() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point of the executable jar. */
    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // the executable jar's own backend (slf4j-simple): timestamps on every line, for CI logs
        System.setProperty("org.slf4j.simpleLogger.showDateTime",
                System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat",
                System.getProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        for (String quiet : new String[] {"io.undertow", "org.xnio", "org.jboss.threads"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + quiet,
                    System.getProperty("org.slf4j.simpleLogger.log." + quiet, "warn"));
        }
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.complete(null);
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "realtime-mock-server-shutdown"));
        int exit = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), stop);
        finished.countDown();
        System.exit(exit);
    }

    /**
     * The command line with every subcommand registered; add more with {@code addSubcommand} and serve options
     * with mixins implementing {@link ServeCustomizer} on {@link #serveSpec(CommandLine)}.
     *
     * @param stop completing it stops a running {@code serve}
     */
    public static CommandLine newCommandLine(CompletableFuture<Void> stop) {
        CommandLine cli = new CommandLine(new MockServerCli());
        cli.addSubcommand("serve", new ServeCommand(stop));
        ScenarioCliOptions.register(serveSpec(cli));
        OperationsCliOptions.register(serveSpec(cli));
        cli.addSubcommand("record", new RecordCommand(stop));
        cli.addSubcommand("validate", new ValidateCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // the top-level help shows the options of serve too, since serve runs when no command is given
        cli.getCommandSpec().usageMessage().footer("", "Options of serve (the default command):",
                cli.getSubcommands().get("serve").getHelp().optionList());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (try '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return 1;
        });
        return cli;
    }

    /** The spec of the {@code serve} subcommand, to add {@link ServeCustomizer} mixins to. */
    public static CommandSpec serveSpec(CommandLine cli) {
        return cli.getSubcommands().get("serve").getCommandSpec();
    }

    /**
     * Runs the command line with the given streams; {@code serve} runs until {@code stop} completes.
     *
     * @return the exit code: 0 success, 1 runtime failure (for example a busy port), 2 bad options
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, CompletableFuture<Void> stop) {
        CommandLine cli = newCommandLine(stop);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(withDefaultCommand(args, cli));
    }

    static String[] withDefaultCommand(String[] args, CommandLine cli) {
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0]) || TOP_LEVEL_FLAGS.contains(args[0]))) {
            return args;
        }
        String[] serve = new String[args.length + 1];
        serve[0] = "serve";
        System.arraycopy(args, 0, serve, 1, args.length);
        return serve;
    }
}
