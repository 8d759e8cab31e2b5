package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CommandLines.execute(out, err, args);
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
        assertTrue(err.toString().contains("unknown experiment 'mnist-foo'; registered: ")
                && err.toString().contains("mnist-mlp, mnist-cnn, cifar10-vgg11"), err.toString());
        assertEquals(2, run("summary", "mnist-mlp", "--activation", "relux"));
        assertTrue(err.toString().contains("unknown activation 'relux'"), err.toString());
    }

    @Test
    void summaryOfTheCnnPaperModelsPrintsTheirTables() {
        assertEquals(0, run("summary", "mnist-cnn"));
        String cnn = out.toString();
        assertTrue(cnn.contains("Total params: 21,840"), cnn);
        assertTrue(cnn.contains("Conv2d-1"), cnn);
        assertTrue(cnn.contains("[-1, 24, 24, 10]"), cnn);
        out.getBuffer().setLength(0);

        assertEquals(0, run("summary", "mnist-cnn", "--activation", "prelu"));
        assertTrue(out.toString().contains("Total params: 21,843"), out.toString());
        assertTrue(out.toString().contains("PReLU slopes: 3 learnable"), out.toString());
        out.getBuffer().setLength(0);

        assertEquals(0, run("summary", "cifar10-vgg11"));
        String vgg = out.toString();
        assertTrue(vgg.contains("Total params: 9,231,114"), vgg);
        assertTrue(vgg.contains("prints 9,231,144"), vgg);
        out.getBuffer().setLength(0);

        assertEquals(0, run("summary", "cifar10-resnet20"));
        String resnet = out.toString();
        assertTrue(resnet.contains("Total params: 269,722"), resnet);
        assertTrue(resnet.contains("Residual-"), resnet);
    }

    @Test
    void reproduceRejectsAnUnknownExperimentAndABadThreshold() {
        assertEquals(2, run("reproduce", "mnist-rnn"));
        assertTrue(err.toString().contains("unknown experiment 'mnist-rnn'; registered: ")
                && err.toString().contains("mnist-mlp, mnist-cnn, cifar10-vgg11"), err.toString());
        assertEquals(2, run("reproduce", "mnist-cnn", "--threshold", "98"));
        assertTrue(err.toString().contains("--threshold must be an accuracy in (0, 1], got 98.0; write 98% as 0.98"),
                err.toString());
    }

    @Test
    void reproduceRejectsMisplacedOrInvalidCifarOptionsBeforeLoadingData() {
        assertEquals(2, run("reproduce", "mnist-cnn", "--protocol", "reduced"));
        assertTrue(err.toString().contains("--protocol does not apply to mnist-cnn (it has no options of its own)"),
                err.toString());
        assertEquals(2, run("reproduce", "cifar10-vgg11", "--protocol", "tiny"));
        assertTrue(err.toString().contains("--protocol must be full or reduced, got 'tiny'"), err.toString());
        assertEquals(2, run("reproduce", "mnist-mlp", "--threshold", "0.9"));
        assertTrue(err.toString().contains("--threshold does not apply to mnist-mlp: it records no time to accuracy"),
                err.toString());
        assertEquals(2, run("reproduce", "cifar10-vgg11", "--device", "tpu"));
        assertTrue(err.toString().contains("--device must be cpu, gpu or auto, got 'tpu'"), err.toString());
    }

    @Test
    void studyExecutionOptionsAreRejectedInOneLineBeforeTraining() throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("activation-lab-cli-");
        assertEquals(2, run("study", "mnist-mlp", "--precision", "fp16", "--out", out.toString()));
        assertTrue(err.toString().contains("--precision must be fp32 or bf16, got 'fp16'"), err.toString());
        assertEquals(2, run("study", "mnist-mlp", "--master", "local[2]", "--out", out.toString()));
        assertTrue(err.toString().contains("--master applies to --executor spark only; add --executor spark"),
                err.toString());
        assertEquals(2, run("study", "mnist-mlp", "--workers", "-1", "--out", out.toString()));
        assertTrue(err.toString().contains("--workers must be >= 1 (or 0 to choose from the cores and memory), got"
                + " -1"), err.toString());
        assertEquals(2, run("study", "mnist-mlp", "--executor", "yarn", "--out", out.toString(), "--docs",
                out.resolve("docs").toString()));
        assertTrue(err.toString().contains("activation-lab: --executor yarn is not on the class path (here: "
                + "in-process"), err.toString());
        assertTrue(err.toString().contains("ACTIVATIONLAB_PROFILES=spark bin/activation-lab"), err.toString());
        assertEquals(List.of(), RunRecords.readAllIn(out.resolve("mnist-mlp")), "nothing trained");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"list", "summary", "reproduce", "report", "records", "benchmark"}) {
            StringWriter o = new StringWriter();
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(new PrintWriter(o));
            assertEquals(0, cli.execute(command, "--help"), command);
            assertTrue(o.toString().contains("Usage: activation-lab " + command), o.toString());
        }
        StringWriter help = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(help));
        // experiments' help texts hold '%', which picocli would take for a format and warn about on stderr
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, cli.execute("reproduce", "--help"));
        } finally {
            System.setErr(stderr);
        }
        assertTrue(help.toString().contains("87%)"), help.toString());
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void summaryOfTheGradientDynamicsModels() {
        assertEquals(0, run("summary", "playground", "--activation", "tanh"));
        // 2-4-2-2: (2*4 + 4) + (4*2 + 2) + (2*2 + 2)
        assertTrue(out.toString().contains("Total params: 28"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("summary", "vanishing-gradients", "--activation", "sigmoid"));
        // 784*64 + 64, nine 64*64 + 64, 64*10 + 10
        assertTrue(out.toString().contains("Total params: 88,330"), out.toString());
    }

    @Test
    void gradientDynamicsOptionsAreRejectedWhereTheyDoNotApply() {
        assertEquals(2, run("reproduce", "mnist-mlp", "--depth", "5"));
        assertTrue(err.toString().contains("--depth does not apply to mnist-mlp"), err.toString());
        assertEquals(2, run("experiment", "playground", "--learning-rates", "0.1"));
        assertTrue(err.toString().contains("--learning-rates does not apply to playground; its options: --datasets,"
                + " --noise, --init, --loss-threshold"), err.toString());
        assertEquals(2, run("experiment", "playground", "--noise", "0.7"));
        assertTrue(err.toString().contains("--noise must be in [0, 0.5]"), err.toString());
        assertEquals(2, run("experiment", "playground", "--datasets", "moons"));
        assertTrue(err.toString().contains("unknown playground shape 'moons'"), err.toString());
        assertEquals(2, run("experiment", "dying-relu", "--learning-rates", "0.1,fast"));
        assertTrue(err.toString().contains("'fast' is not a number"), err.toString());
        assertEquals(2, run("experiment", "vanishing-gradients", "--depth", "1"));
        assertTrue(err.toString().contains("--depth must be >= 2"), err.toString());
        assertEquals(2, run("experiment", "playground", "--threshold", "0.9"));
        assertTrue(err.toString().contains("--threshold does not apply to playground: it records no time to accuracy"
                + " (see its --loss-threshold)"), err.toString());
    }
}
