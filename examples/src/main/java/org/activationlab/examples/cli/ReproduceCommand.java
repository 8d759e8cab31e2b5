package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.activationlab.data.MnistData;
import org.activationlab.data.Mnist;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.experiments.MnistCnnExperiment;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.records.DawnBenchMetrics;
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

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment: mnist-mlp or mnist-cnn.")
    String experiment;

    @Option(names = "--activations", paramLabel = "LIST",
            description = "Comma-separated activations (default: the paper's; mnist-mlp relu,leaky_relu:0.01,sigmoid;"
                    + " mnist-cnn relu,tanh,selu,prelu,elu,leaky_relu:0.01).")
    String activations;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: the paper's; mnist-mlp 100,"
            + " mnist-cnn 10).")
    Integer epochs;

    @Option(names = "--threshold", paramLabel = "ACC", defaultValue = "0.98",
            description = "mnist-cnn: test accuracy whose first epoch and training time are recorded (default:"
                    + " ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--resume", description = "Keep existing records of the same experiment, activation, seed, epochs"
            + " and training limit instead of re-running them (to continue an interrupted study).")
    boolean resume;

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
        if (!List.of(MnistMlpExperiment.NAME, MnistCnnExperiment.NAME).contains(experiment)) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; available: "
                    + MnistMlpExperiment.NAME + ", " + MnistCnnExperiment.NAME);
        }
        boolean cnn = MnistCnnExperiment.NAME.equals(experiment);
        if (epochs == null) {
            epochs = cnn ? MnistCnnExperiment.EPOCHS : MnistMlpExperiment.EPOCHS;
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be an accuracy in (0, 1], got " + threshold
                    + "; write 98% as 0.98");
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException("--train-limit must be >= 0 (0 = all), got " + trainLimit);
        }
        List<Activation> list = activations == null
                ? (cnn ? MnistCnnExperiment.PAPER_ACTIVATIONS : MnistMlpExperiment.PAPER_ACTIVATIONS)
                : Activations.parseList(activations);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        var resolver = data.resolver();
        err.println("activation-lab: datasets from " + resolver.describe());
        MnistData mnist = Mnist.load(resolver);
        MnistMlpExperiment.PaperData split = cnn ? null : MnistMlpExperiment.split(mnist);
        boolean progress = !noProgress && System.console() != null;
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        long start = System.nanoTime();
        for (Activation activation : list) {
            Path file = RunRecords.pathFor(out, experiment, activation, seed);
            if (resume && Files.exists(file)) {
                RunRecord existing = RunRecords.read(file);
                if (existing.protocol().epochs() == epochs && existing.protocol().trainLimit() == trainLimit) {
                    outWriter.println(activation.displayName() + ": kept existing record " + file + " (--resume)");
                    continue;
                }
            }
            RunRecord record = cnn
                    ? MnistCnnExperiment.run(mnist, activation, seed, epochs, threshold, trainLimit, deterministic,
                            progress, commandLine(list), log)
                    : MnistMlpExperiment.run(split, activation, seed, epochs, trainLimit, deterministic, progress,
                            commandLine(list), log);
            RunRecords.write(file, record);
            outWriter.println(summary(activation, record) + " -> " + file);
            outWriter.flush();
        }
        outWriter.printf(Locale.ROOT, "all %d runs took %.1f s (wall)%n", list.size(), (System.nanoTime() - start) / 1e9);
        Path page = ReportCommand.generate(out, docs, experiment);
        outWriter.println("regenerated " + page);
        return 0;
    }

    private static String summary(Activation activation, RunRecord r) {
        String status = r.diverged() ? " (diverged at epoch " + r.divergedEpoch() + ")" : "";
        if (r.dawnbench() == null) {
            return String.format(Locale.ROOT, "%s%s: valid acc %.4f, test acc %.4f, macro F1 %.4f, %.1f s training",
                    activation.displayName(), status, r.validation().accuracy(), r.test().accuracy(), r.test().f1(),
                    r.trainingSeconds());
        }
        DawnBenchMetrics d = r.dawnbench();
        String reached = d.reached()
                ? String.format(Locale.ROOT, "at epoch %d after %.1f s", d.thresholdEpoch(), d.trainSecondsToThreshold())
                : "not reached";
        return String.format(Locale.ROOT, "%s%s: test error %.2f%%, %.1f s training, test accuracy %s %s, inference"
                + " %.4f ms/sample batched, %.3f ms single", activation.displayName(), status, 100 * d.errorRate(),
                r.trainingSeconds(), java.math.BigDecimal.valueOf(d.threshold()).stripTrailingZeros().toPlainString(),
                reached, d.batchedMillisPerSample(), d.singleSampleMedianMillis());
    }

    /** The command as a user would retype it, for the docs. */
    private String commandLine(List<Activation> list) {
        StringBuilder s = new StringBuilder("bin/activation-lab reproduce ").append(experiment)
                .append(" --activations ").append(list.stream().map(Activation::spec).collect(Collectors.joining(",")))
                .append(" --epochs ").append(epochs).append(" --seed ").append(seed);
        if (MnistCnnExperiment.NAME.equals(experiment)) {
            s.append(" --threshold ").append(threshold);
        }
        if (trainLimit > 0) {
            s.append(" --train-limit ").append(trainLimit);
        }
        if (deterministic) {
            s.append(" --deterministic");
        }
        return s.toString();
    }
}
