package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.data.MnistData;
import org.activationlab.data.Mnist;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.records.RunRecord;
import org.activationlab.examples.records.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a paper's protocol for each activation, writes one record per run and regenerates the docs. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a paper's experiment: train each activation, write results/<experiment>/*.json and"
                + " regenerate docs/results/<experiment>.md.")
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment: mnist-mlp.")
    String experiment;

    @Option(names = "--activations", paramLabel = "LIST", defaultValue = "relu,leaky_relu:0.01,sigmoid",
            description = "Comma-separated activations (default: ${DEFAULT-VALUE}).")
    String activations;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs per run (paper: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0",
            description = "Train on the first N examples of the training split only (0 = all).")
    int trainLimit;

    @Option(names = "--deterministic", description = "Single-threaded TensorFlow: identical records for the same seed.")
    boolean deterministic;

    @Option(names = "--no-progress", negatable = false,
            description = "No progress bar (it is shown only on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Run records folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--docs", paramLabel = "DIR", defaultValue = "docs/results",
            description = "Generated docs folder (default: ${DEFAULT-VALUE}).")
    Path docs;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        if (!MnistMlpExperiment.NAME.equals(experiment)) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; available: "
                    + MnistMlpExperiment.NAME);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
        }
        List<Activation> list = Activations.parseList(activations);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        var resolver = data.resolver();
        err.println("activation-lab: datasets from " + resolver.describe());
        MnistData mnist = Mnist.load(resolver);
        MnistMlpExperiment.PaperData split = MnistMlpExperiment.split(mnist);
        boolean progress = !noProgress && System.console() != null;
        long start = System.nanoTime();
        for (Activation activation : list) {
            RunRecord record = MnistMlpExperiment.run(split, activation, seed, epochs, trainLimit, deterministic,
                    progress, commandLine(), line -> {
                        err.println(line);
                        err.flush();
                    });
            Path file = RunRecords.pathFor(out, experiment, activation, seed);
            RunRecords.write(file, record);
            outWriter.printf(Locale.ROOT, "%s: valid acc %.4f, test acc %.4f, macro F1 %.4f, %.1f s training -> %s%n",
                    activation.displayName(), record.validation().accuracy(), record.test().accuracy(),
                    record.test().f1(), record.trainingSeconds(), file);
            outWriter.flush();
        }
        outWriter.printf(Locale.ROOT, "all %d runs took %.1f s (wall)%n", list.size(), (System.nanoTime() - start) / 1e9);
        Path page = ReportCommand.generate(out, docs, experiment);
        outWriter.println("regenerated " + page);
        return 0;
    }

    /** The command as a user would retype it, for the docs. */
    private String commandLine() {
        StringBuilder s = new StringBuilder("bin/activation-lab reproduce ").append(experiment)
                .append(" --activations ").append(activations).append(" --epochs ").append(epochs)
                .append(" --seed ").append(seed);
        if (trainLimit > 0) {
            s.append(" --train-limit ").append(trainLimit);
        }
        if (deterministic) {
            s.append(" --deterministic");
        }
        return s.toString();
    }
}
