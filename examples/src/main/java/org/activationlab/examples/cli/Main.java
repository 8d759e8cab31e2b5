package org.activationlab.examples.cli;

import java.io.UncheckedIOException;
import java.util.Arrays;
import org.activationlab.study.Experiments;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code activation-lab} command line. */
@Command(name = "activation-lab", mixinStandardHelpOptions = true, version = "activation-lab 0.1.0",
        description = "Define neural networks in Java, train them with TensorFlow, and reproduce activation-function"
                + " studies.",
        subcommands = {ListCommand.class, SummaryCommand.class, ReproduceCommand.class, ReportCommand.class,
                RecordsCommand.class, BenchmarkCommand.class, PredictCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Prints stack traces of user errors too, for bug reports. */
    static final String DEBUG = "--debug";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains(DEBUG);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        return commandLine(debug).execute(rest);
    }

    /** The configured command line. */
    public static CommandLine commandLine() {
        return commandLine(false);
    }

    /**
     * The command line with every registered experiment's options on {@code reproduce}; errors a user can cause
     * print one line naming the problem and exit with code 2 (with a stack trace only when {@code debug}).
     */
    static CommandLine commandLine(boolean debug) {
        CommandLine cli = new CommandLine(new Main());
        Experiments experiments = Experiments.registered();
        ExperimentOptions.addTo(cli.getSubcommands().get("reproduce").getCommandSpec(), experiments);
        ExperimentOptions.addTo(cli.getSubcommands().get("benchmark").getCommandSpec(), experiments);
        String[] footer = java.util.stream.Stream.concat(java.util.stream.Stream.of("", "Registered experiments:"),
                experiments.all().stream().map(e -> ("  " + e.name() + ": " + e.description()).replace("%", "%%")))
                .toArray(String[]::new);
        for (String command : new String[] {"reproduce", "summary"}) {
            cli.getSubcommands().get(command).getCommandSpec().usageMessage().footer(footer);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (!debug && (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof UncheckedIOException || e instanceof IllegalStateException)) {
                commandLine.getErr().println("activation-lab: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("activation-lab: " + e.getMessage());
            failed.getErr().println("see `activation-lab " + failed.getCommandName().replace("activation-lab", "")
                    .strip() + (failed.getCommandName().equals("activation-lab") ? "" : " ") + "--help`");
            return 2;
        });
        return cli;
    }
}
