package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void summaryOfThePaperMlpPrintsItsParameterCount() {
        assertEquals(0, run("summary", "mnist-mlp", "--activation", "leaky_relu:0.01"));
        String text = out.toString();
        assertTrue(text.contains("Total params: 109,386"), text);
        assertTrue(text.contains("             Dense-2                  [-1, 128]         100,480"), text);
        assertTrue(text.contains("LeakyReLU(negative_slope=0.01)"), text);
    }

    @Test
    void unknownModelAndBadActivationAreRejectedWithTheirName() {
        assertEquals(2, run("summary", "mnist-foo"));
        assertTrue(err.toString().contains("unknown model 'mnist-foo'; available: mnist-mlp"), err.toString());
        assertEquals(2, run("summary", "mnist-mlp", "--activation", "relux"));
        assertTrue(err.toString().contains("unknown activation 'relux'"), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"summary", "reproduce", "report", "benchmark"}) {
            StringWriter o = new StringWriter();
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(new PrintWriter(o));
            assertEquals(0, cli.execute(command, "--help"), command);
            assertTrue(o.toString().contains("Usage: activation-lab " + command), o.toString());
        }
    }
}
