package org.activationlab.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this JVM for tests, its standard output and error going to the given writers. */
public final class CommandLines {

    private CommandLines() {
    }

    /** Runs {@code args} as {@code bin/activation-lab} would and returns the exit code. */
    public static int execute(StringWriter out, StringWriter err, String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
