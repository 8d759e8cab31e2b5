package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.activationlab.data.ChannelStats;
import org.activationlab.data.Dataset;
import org.activationlab.data.Datasets;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.data.playground.PlaygroundData;
import org.activationlab.data.playground.PlaygroundShape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.bench.SystemInfo;
import org.activationlab.examples.experiments.Cifar10Vgg11Experiment;
import org.activationlab.examples.experiments.MnistCnnExperiment;
import org.activationlab.examples.experiments.DyingReluExperiment;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.experiments.PlaygroundExperiment;
import org.activationlab.examples.experiments.VanishingGradientsExperiment;
import org.activationlab.examples.experiments.RunSettings;
import org.activationlab.examples.experiments.StudyGrid;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activationlab.examples.records.DawnBenchMetrics;
import org.activationlab.examples.records.RunRecord;
import org.activationlab.examples.records.RunRecords;
import org.activationlab.tf.Device;
import org.activationlab.tf.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a paper's protocol for each activation, writes one record per run and regenerates the docs. */
@Command(name = "reproduce", aliases = {"study", "experiment"}, mixinStandardHelpOptions = true,
        description = {"Reproduce a paper's experiment: train each activation (with each seed), write one record per"
                + " run to results/<experiment>/ and regenerate docs/results/<experiment>.md.",
                "A study is the grid activations x seeds (--seeds N); it can be split across processes or machines"
                        + " with --shard i/n into one results folder, and continued after an interruption with"
                        + " --resume. A run whose loss becomes NaN or infinite is recorded as diverged and the study"
                        + " goes on."})
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment: mnist-mlp, mnist-cnn, cifar10-vgg11 (paper"
            + " reproductions), vanishing-gradients, dying-relu or playground (gradient dynamics).")
    String experiment;

    @Option(names = "--activations", paramLabel = "LIST",
            description = "Comma-separated activations (default: the paper's; mnist-mlp relu,leaky_relu:0.01,sigmoid;"
                    + " mnist-cnn and cifar10-vgg11 relu,tanh,selu,prelu,elu,leaky_relu:0.01; vanishing-gradients"
                    + " sigmoid,tanh,relu,leaky_relu:0.01,elu,selu; dying-relu relu,leaky_relu:0.01,prelu,elu;"
                    + " playground relu,tanh,sigmoid,leaky_relu:0.01,elu).")
    String activations;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: the paper's; mnist-mlp 100,"
            + " mnist-cnn 10, cifar10-vgg11 50, or 6 with --protocol reduced; vanishing-gradients 5, dying-relu 10;"
            + " for playground the budget: at most 3000, fewer once the loss threshold is reached).")
    Integer epochs;

    @Option(names = "--depth", paramLabel = "N",
            description = "vanishing-gradients: hidden layers of the deep MLP (default: 10).")
    Integer depth;

    @Option(names = "--width", paramLabel = "N",
            description = "vanishing-gradients: units per hidden layer (default: 64).")
    Integer width;

    @Option(names = "--learning-rates", paramLabel = "LIST",
            description = "dying-relu: comma-separated SGD learning rates to sweep (default: 0.01,0.1,0.5,1,2).")
    String learningRates;

    @Option(names = "--datasets", paramLabel = "LIST",
            description = "playground: comma-separated datasets among circle, xor, gaussian, spiral (default: all"
                    + " four).")
    String datasets;

    @Option(names = "--noise", paramLabel = "X",
            description = "playground: the datasets' noise in [0, 0.5], as the playground's slider (default: 0).")
    Double noise;

    @Option(names = "--init", paramLabel = "preferred|playground",
            description = "playground: start from each activation's usual initialiser (preferred, default) or from the"
                    + " playground's (every weight uniform on [-0.5, 0.5], every bias 0.1); the latter's records go to"
                    + " <dataset>-playground-init.")
    String init;

    @Option(names = "--loss-threshold", paramLabel = "LOSS",
            description = "playground: test cross-entropy at or below which a run has converged and stops (default:"
                    + " 0.1).")
    Double lossThreshold;

    @Option(names = "--threshold", paramLabel = "ACC",
            description = "mnist-cnn, cifar10-vgg11: test accuracy whose first epoch and training time are recorded"
                    + " (default: the paper's 0.98 and 0.87, or 0.60 with --protocol reduced).")
    Double threshold;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on N examples of the training split only (0 = all; default 0, or 10000 with"
                    + " --protocol reduced). cifar10-vgg11 takes a class-stratified subset, the others the first N.")
    Integer trainLimit;

    @Option(names = "--protocol", paramLabel = "full|reduced",
            description = "cifar10-vgg11: the paper's full protocol (50,000 images, 50 epochs, 87%%), or the reduced"
                    + " one that fits six activations into about an hour on 2 CPU cores (10,000 images, 6 epochs,"
                    + " 60%%). Default: full on a GPU, reduced on the CPU. --epochs, --train-limit and --threshold"
                    + " override either.")
    String protocol;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "cifar10-vgg11: cifar10 (the canonical binary CIFAR-10, default), cifar10-jpeg (the JPEG"
                    + " re-encoding the offline mirror holds) or folder:<dir or .tar.gz> (train/<class>/*,"
                    + " test/<class>/*).")
    String dataSpec;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", defaultValue = "cpu",
            description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}); gpu without a visible GPU runs on the CPU"
                    + " with a warning; auto takes a GPU when TensorFlow sees one.")
    String device;

    @Option(names = "--resume", description = "Keep an existing record of the same activation and seed when it was"
            + " made by the same command (every setting: epochs, threshold, data, device, ...) instead of re-running"
            + " it, to continue an interrupted study.")
    boolean resume;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of initialisation and shuffling for a single-seed run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Run every activation with seeds 1..N (a study; overrides --seed).")
    Integer seeds;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Run only shard i of n of the activation x seed grid (run k goes to shard k mod n + 1),"
                    + " e.g. 2/3; the shards of one study write into the same results folder.")
    String shard;

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

    /** Trains one activation with one seed in one variant of the experiment. */
    private interface Runner {
        RunRecord run(String variant, Activation activation, long seed, String command, Consumer<String> log);
    }

    @Override
    public Integer call() throws IOException {
        if (!ReportCommand.EXPERIMENTS.contains(experiment)) {
            throw new IllegalArgumentException("unknown experiment '" + experiment + "'; available: "
                    + String.join(", ", ReportCommand.EXPERIMENTS));
        }
        Device requested = parseDevice(device);
        boolean cifar = Cifar10Vgg11Experiment.NAME.equals(experiment);
        Device resolved = Devices.resolve(requested);
        RunSettings defaults = defaults(cifar, resolved);
        int runEpochs = epochs != null ? epochs : defaults.epochs();
        int limit = trainLimit != null ? trainLimit : defaults.trainLimit();
        double acc = threshold != null ? threshold : defaults.threshold();
        if (runEpochs <= 0) {
            throw new IllegalArgumentException("--epochs must be > 0, got " + runEpochs);
        }
        checkDynamicsOptions();
        if (!(acc > 0 && acc <= 1)) {
            throw new IllegalArgumentException("--threshold must be an accuracy in (0, 1], got " + acc
                    + "; write 98% as 0.98");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--train-limit must be >= 0 (0 = all), got " + limit);
        }
        List<Activation> list = activations == null ? defaultActivations() : Activations.parseList(activations);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        DatasetResolver resolver = data.resolver();
        err.println("activation-lab: datasets from " + resolver.describe());
        err.println("activation-lab: " + Devices.describe() + "; running on " + resolved);
        boolean progress = !noProgress && System.console() != null;
        Runner runner = runner(resolver, resolved, runEpochs, limit, acc, progress, err);
        String command = commandLine(list, runEpochs, limit, acc);
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        StudyGrid grid = new StudyGrid(variants(), list, seeds == null ? List.of(seed) : StudyGrid.firstSeeds(seeds));
        List<StudyGrid.Run> runs = shard == null ? grid.runs() : grid.shard(shard);
        if (shard != null) {
            err.println("activation-lab: shard " + shard.strip() + ": " + runs.size() + " of " + grid.runs().size()
                    + " runs");
        }
        long start = System.nanoTime();
        int done = 0;
        try (ProgressBar overall = progress && runs.size() > 1 ? studyBar(runs.size()) : null) {
            for (StudyGrid.Run run : runs) {
                Path file = RunRecords.pathFor(out, experiment, run.variant(), run.activation(), run.seed());
                RunRecord existing = resume && Files.exists(file) ? RunRecords.read(file) : null;
                if (existing != null && existing.command().equals(command)) {
                    outWriter.println(run.activation().displayName() + " seed " + run.seed()
                            + ": kept existing record " + file + " (--resume)");
                } else {
                    RunRecord record = runner.run(run.variant(), run.activation(), run.seed(), command, log);
                    RunRecords.write(file, record);
                    outWriter.println(summary(run.activation(), record) + " [seed " + run.seed() + ", run "
                            + (++done) + " of " + runs.size() + "] -> " + file);
                    outWriter.flush();
                }
                if (overall != null) {
                    overall.step();
                }
            }
        }
        outWriter.printf(Locale.ROOT, "%d runs took %.1f s (wall); JVM peak RSS %s%n", done,
                (System.nanoTime() - start) / 1e9, SystemInfo.peakRssKb().stream()
                        .mapToObj(kb -> String.format(Locale.ROOT, "%,d MiB", kb / 1024)).findFirst().orElse("unknown"));
        Path page = ReportCommand.generate(out, docs, experiment);
        outWriter.println("regenerated " + page);
        return 0;
    }

    private RunSettings defaults(boolean cifar, Device resolved) {
        if (threshold != null && !MnistCnnExperiment.NAME.equals(experiment) && !cifar) {
            throw new IllegalArgumentException("--threshold applies to mnist-cnn and cifar10-vgg11; " + experiment
                    + " records no time to accuracy" + (PlaygroundExperiment.NAME.equals(experiment)
                    ? " (its convergence criterion is --loss-threshold)" : ""));
        }
        if (!cifar) {
            if (protocol != null) {
                throw new IllegalArgumentException("--protocol applies to cifar10-vgg11 only; " + experiment
                        + " always runs its own protocol (use --epochs or --train-limit to shorten it)");
            }
            return switch (experiment) {
                case MnistMlpExperiment.NAME -> new RunSettings(MnistMlpExperiment.EPOCHS, 0, 0.98);
                case VanishingGradientsExperiment.NAME -> new RunSettings(VanishingGradientsExperiment.EPOCHS, 0, 1);
                case DyingReluExperiment.NAME -> new RunSettings(DyingReluExperiment.EPOCHS, 0, 1);
                case PlaygroundExperiment.NAME -> new RunSettings(PlaygroundExperiment.MAX_EPOCHS, 0, 1);
                default -> new RunSettings(MnistCnnExperiment.EPOCHS, 0, MnistCnnExperiment.THRESHOLD);
            };
        }
        String p = protocol == null ? (resolved == Device.GPU ? "full" : "reduced") : protocol.strip();
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "full" -> Cifar10Vgg11Experiment.FULL;
            case "reduced" -> Cifar10Vgg11Experiment.REDUCED;
            default -> throw new IllegalArgumentException("--protocol must be full or reduced, got '" + protocol + "'");
        };
    }

    private static Device parseDevice(String text) {
        try {
            return Device.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + text + "'", e);
        }
    }

    private static ProgressBar studyBar(int runs) {
        return new ProgressBarBuilder().setTaskName("study").setInitialMax(runs).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" runs", 1).build();
    }

    private Runner runner(DatasetResolver resolver, Device resolved, int runEpochs, int limit, double acc,
            boolean progress, PrintWriter err) throws IOException {
        if (dataSpec != null && !Cifar10Vgg11Experiment.NAME.equals(experiment)) {
            throw new IllegalArgumentException("--data applies to cifar10-vgg11 only; " + experiment
                    + " uses MNIST (change where it comes from with --data-mirror)");
        }
        switch (experiment) {
            case MnistMlpExperiment.NAME -> {
                MnistMlpExperiment.PaperData split = MnistMlpExperiment.split(Mnist.load(resolver));
                return (v, a, runSeed, command, log) -> MnistMlpExperiment.run(split, a, runSeed, runEpochs, limit,
                        deterministic, progress, command, log);
            }
            case MnistCnnExperiment.NAME -> {
                TrainTest mnist = Mnist.load(resolver);
                return (v, a, runSeed, command, log) -> MnistCnnExperiment.run(mnist, a, runSeed, runEpochs, acc,
                        limit, deterministic, progress, command, log);
            }
            case VanishingGradientsExperiment.NAME -> {
                TrainTest mnist = Mnist.load(resolver);
                return (v, a, runSeed, command, log) -> VanishingGradientsExperiment.run(mnist, a, runSeed, depth(),
                        width(), runEpochs, limit, deterministic, progress, command, log);
            }
            case DyingReluExperiment.NAME -> {
                MnistMlpExperiment.PaperData split = MnistMlpExperiment.split(Mnist.load(resolver));
                return (v, a, runSeed, command, log) -> DyingReluExperiment.run(split, a, runSeed,
                        DyingReluExperiment.learningRateOf(v), runEpochs, limit, deterministic, progress, command, log);
            }
            case PlaygroundExperiment.NAME -> {
                if (limit > 0) {
                    throw new IllegalArgumentException("--train-limit does not apply to playground (its datasets have"
                            + " 500 points, half for training)");
                }
                return (v, a, runSeed, command, log) -> PlaygroundExperiment.run(
                        PlaygroundExperiment.Setting.ofVariant(v), a, runSeed, runEpochs, lossThreshold(),
                        deterministic, command, log);
            }
            default -> {
                TrainTest cifar = Datasets.openImages(dataSpec == null ? "cifar10" : dataSpec, resolver);
                ChannelStats stats = ChannelStats.of(cifar.train());
                Dataset train = Cifar10Vgg11Experiment.trainingSet(cifar.train(), limit).normalized(stats);
                Dataset test = cifar.test().normalized(stats);
                String preprocessing = "pixels scaled to [0, 1], then per-channel normalisation with the statistics of"
                        + String.format(Locale.ROOT, " all %,d training images: ", cifar.train().size()) + stats;
                err.println("activation-lab: " + preprocessing);
                RunSettings settings = new RunSettings(runEpochs, limit, acc);
                return (v, a, runSeed, command, log) -> Cifar10Vgg11Experiment.run(train, test, preprocessing, a,
                        runSeed,
                        settings, resolved, deterministic, progress, command, log);
            }
        }
    }

    private List<Activation> defaultActivations() {
        return switch (experiment) {
            case MnistMlpExperiment.NAME -> MnistMlpExperiment.PAPER_ACTIVATIONS;
            case VanishingGradientsExperiment.NAME -> VanishingGradientsExperiment.ACTIVATIONS;
            case DyingReluExperiment.NAME -> DyingReluExperiment.ACTIVATIONS;
            case PlaygroundExperiment.NAME -> PlaygroundExperiment.ACTIVATIONS;
            default -> MnistCnnExperiment.PAPER_ACTIVATIONS;
        };
    }

    /** The option values an experiment does not use are errors, not silently ignored. */
    private void checkDynamicsOptions() {
        requireOnly(VanishingGradientsExperiment.NAME, "--depth", depth);
        requireOnly(VanishingGradientsExperiment.NAME, "--width", width);
        requireOnly(DyingReluExperiment.NAME, "--learning-rates", learningRates);
        requireOnly(PlaygroundExperiment.NAME, "--datasets", datasets);
        requireOnly(PlaygroundExperiment.NAME, "--noise", noise);
        requireOnly(PlaygroundExperiment.NAME, "--loss-threshold", lossThreshold);
        requireOnly(PlaygroundExperiment.NAME, "--init", init);
        if (PlaygroundExperiment.NAME.equals(experiment)) {
            if (!(noise() >= 0 && noise() <= PlaygroundData.MAX_NOISE)) {
                throw new IllegalArgumentException("--noise must be in [0, 0.5] (the playground's slider), got "
                        + noise());
            }
            if (!(lossThreshold() > 0)) {
                throw new IllegalArgumentException("--loss-threshold must be a cross-entropy > 0, got "
                        + lossThreshold());
            }
        }
        if (VanishingGradientsExperiment.NAME.equals(experiment)) {
            VanishingGradientsExperiment.checkShape(depth(), width());
        }
    }

    private void requireOnly(String owner, String option, Object value) {
        if (value != null && !owner.equals(experiment)) {
            throw new IllegalArgumentException(option + " applies to " + owner + " only, not to " + experiment);
        }
    }

    private int depth() {
        return depth == null ? VanishingGradientsExperiment.DEFAULT_DEPTH : depth;
    }

    private int width() {
        return width == null ? VanishingGradientsExperiment.DEFAULT_WIDTH : width;
    }

    private double noise() {
        return noise == null ? PlaygroundData.DEFAULT_NOISE : noise;
    }

    private boolean playgroundInit() {
        if (init == null || init.strip().equalsIgnoreCase("preferred")) {
            return false;
        }
        if (init.strip().equalsIgnoreCase("playground")) {
            return true;
        }
        throw new IllegalArgumentException("--init must be preferred or playground, got '" + init + "'");
    }

    private double lossThreshold() {
        return lossThreshold == null ? PlaygroundExperiment.LOSS_THRESHOLD : lossThreshold;
    }

    private List<Double> learningRates() {
        if (learningRates == null) {
            return DyingReluExperiment.LEARNING_RATES;
        }
        List<Double> rates = new ArrayList<>();
        for (String part : learningRates.split(",")) {
            double lr;
            try {
                lr = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--learning-rates must be comma-separated numbers such as"
                        + " 0.01,0.1,1; '" + part.strip() + "' is not a number", e);
            }
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("--learning-rates must all be > 0, got " + part.strip());
            }
            rates.add(lr);
        }
        return rates;
    }

    private List<PlaygroundShape> shapes() {
        return datasets == null ? PlaygroundExperiment.SHAPES
                : Arrays.stream(datasets.split(",")).map(PlaygroundShape::parse).toList();
    }

    /** The experiment's variants: learning rates, datasets or depth, or none. */
    private List<String> variants() {
        return switch (experiment) {
            case VanishingGradientsExperiment.NAME -> List.of(VanishingGradientsExperiment.variant(depth(), width()));
            case DyingReluExperiment.NAME -> learningRates().stream().map(DyingReluExperiment::variant).toList();
            case PlaygroundExperiment.NAME -> shapes().stream()
                    .map(sh -> new PlaygroundExperiment.Setting(sh, noise(), playgroundInit()).variant()).toList();
            default -> List.of("");
        };
    }

    private static String summary(Activation activation, RunRecord r) {
        String status = r.diverged() ? " (diverged at epoch " + r.divergedEpoch() + ")" : "";
        String variant = r.variant().isEmpty() ? "" : " [" + r.variant() + "]";
        if (r.convergence() != null) {
            return String.format(Locale.ROOT, "%s%s%s: %s, test accuracy %.4f, %.1f s training",
                    activation.displayName(), variant, status, r.convergence().converged()
                            ? "test loss <= " + r.convergence().lossThreshold() + " at epoch " + r.convergence().epoch()
                            : "not converged in " + r.convergence().budget() + " epochs",
                    r.test().accuracy(), r.trainingSeconds());
        }
        if (r.validation() == null && r.dawnbench() == null) {
            return String.format(Locale.ROOT, "%s%s%s: test accuracy %s, %.1f s training", activation.displayName(),
                    variant, status, r.test() == null ? "not evaluated" : String.format(Locale.ROOT, "%.4f",
                            r.test().accuracy()), r.trainingSeconds());
        }
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

    /** The command as a user would retype it, for the docs: every setting explicit. */
    private String commandLine(List<Activation> list, int runEpochs, int limit, double acc) {
        StringBuilder s = new StringBuilder("bin/activation-lab ").append(seeds == null ? "reproduce " : "study ")
                .append(experiment)
                .append(" --activations ").append(list.stream().map(Activation::spec).collect(Collectors.joining(",")))
                .append(" --epochs ").append(runEpochs)
                .append(seeds == null ? " --seed " + seed : " --seeds " + seeds);
        switch (experiment) {
            case MnistCnnExperiment.NAME, Cifar10Vgg11Experiment.NAME -> s.append(" --threshold ").append(acc);
            case VanishingGradientsExperiment.NAME -> s.append(" --depth ").append(depth()).append(" --width ")
                    .append(width());
            case DyingReluExperiment.NAME -> s.append(" --learning-rates ").append(learningRates().stream()
                    .map(DyingReluExperiment::rate).collect(Collectors.joining(",")));
            case PlaygroundExperiment.NAME -> s.append(" --datasets ").append(shapes().stream()
                    .map(PlaygroundShape::cliName).collect(Collectors.joining(","))).append(" --noise ")
                    .append(noise()).append(" --loss-threshold ").append(lossThreshold())
                    .append(playgroundInit() ? " --init playground" : "");
            default -> {
            }
        }
        if (limit > 0) {
            s.append(" --train-limit ").append(limit);
        }
        if (Cifar10Vgg11Experiment.NAME.equals(experiment)) {
            s.append(" --data ").append(dataSpec == null ? "cifar10" : dataSpec).append(" --device ")
                    .append(device.strip().toLowerCase(Locale.ROOT));
        }
        if (deterministic) {
            s.append(" --deterministic");
        }
        return s.toString();
    }
}
