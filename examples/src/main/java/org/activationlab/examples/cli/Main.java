package org.activationlab.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code activation-lab} command line. */
@Command(name = "activation-lab", mixinStandardHelpOptions = true, version = "activation-lab 0.1.0",
        description = "Define neural networks in Java, train them with TensorFlow, and reproduce activation-function"
                + " studies.",
        subcommands = {SummaryCommand.class, ReproduceCommand.class, ReportCommand.class, BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: user errors print one line naming the problem and exit with code 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof IllegalStateException) {
                commandLine.getErr().println("activation-lab: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
