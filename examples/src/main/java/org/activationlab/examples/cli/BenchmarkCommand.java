package org.activationlab.examples.cli;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.bench.BenchVariant;
import org.activationlab.examples.bench.BenchmarkReport;
import org.activationlab.examples.bench.DslVariant;
import org.activationlab.examples.bench.InterleavedBenchmark;
import org.activationlab.examples.bench.RawTfCnn;
import org.activationlab.examples.bench.RawTfMlp;
import org.activationlab.examples.bench.RawTfVariant;
import org.activationlab.examples.bench.SystemInfo;
import org.activationlab.examples.bench.Timings;
import org.activationlab.study.Experiments;
import org.activationlab.tf.Precision;
import org.activationlab.tf.PrecisionSupport;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.Sgd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times training epochs of a paper model compiled by the DSL against the same model written by hand on raw
 * TensorFlow Java, in one process: the MNIST MLP against {@link RawTfMlp} and the MNIST CNN against
 * {@link RawTfCnn}. Each model is a case of {@link #benchmark}; a new model is a new case there plus its name in
 * {@link #MODELS}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Time training epochs of a paper model compiled by the DSL (default and deterministic mode,"
                + " and with the gradient-dynamics probes on 1,000 images after every epoch) against the same model"
                + " hand-written on raw TensorFlow Java, in one process.",
                "Each variant trains one untimed warm-up epoch, then one timed epoch per round; every round runs"
                        + " all variants (in rotating order) so that a noisy machine slows them alike. Prints the"
                        + " median, min and max seconds per epoch, the ratio to the raw baseline, the final test"
                        + " accuracy, the JVM's peak RSS, the TensorFlow version and the CPU; with bf16 (where the CPU"
                        + " has AVX512_BF16 or AMX) the bf16/fp32 epoch ratio.",
                "With --study EXPERIMENT: the wall time of a small study grid trained one run after another and"
                        + " with several runs side by side, and the speed-up."})
public final class BenchmarkCommand implements Callable<Integer> {

    /** Models the benchmark knows, in the order {@code --model all} runs them. */
    static final List<String> MODELS = List.of("mlp", "cnn");

    private static final long SEED = 1;
    private static final int MLP_BATCH_SIZE = RawTfMlp.BATCH_SIZE;
    private static final int CNN_BATCH_SIZE = RawTfCnn.BATCH_SIZE;
    private static final String BASELINE = "raw TF Java (hand-written)";
    /** The gradient-dynamics experiments' probe batch; the variant shows what leaving probes on costs. */
    private static final int PROBE_SIZE = 1000;
    private static final String PROBED = "DSL + probes (1,000 images)";
    private static final String FP32 = "DSL compiled";
    private static final String BF16 = "DSL bf16 (oneDNN mixed precision)";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "mlp",
            description = "mlp, cnn or all (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Timed epochs (rounds) per variant, after one warm-up epoch (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "0",
            description = "Train on the first N MNIST training images; 0 means all 60,000 (default: ${DEFAULT-VALUE}).")
    int trainLimit;

    @Option(names = "--study", paramLabel = "EXPERIMENT",
            description = "Instead of --model: time a small grid of this registered experiment (its first two"
                    + " activations x one seed per worker, --epochs epochs per run) trained one run after another"
                    + " and with --workers runs side by side, in this process, and print the speed-up.")
    String study;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Runs side by side for --study (default: one per core, fewer if memory is short).")
    int workers;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Timed rounds for --study, after an untimed warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--with-bf16", description = "For --study: also time the grid one run after another in bf16.")
    boolean withBf16;

    @Mixin
    DataOptions data = new DataOptions();

    @Override
    public Integer call() throws IOException {
        if (study != null) {
            if (rounds <= 0) {
                throw new ParameterException(spec.commandLine(), "--rounds must be > 0, got " + rounds);
            }
            Experiments registry = Experiments.registered();
            new StudyBenchmark(registry.get(study), ExperimentOptions.given(spec.commandLine().getParseResult(),
                    registry), data.resolver()).run(epochs, trainLimit, workers, rounds, withBf16,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
        List<String> models = selectedModels();
        if (epochs <= 0) {
            throw new ParameterException(spec.commandLine(), "--epochs must be > 0, got " + epochs);
        }
        if (trainLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--train-limit must be >= 0 (0 = all), got " + trainLimit);
        }
        TrainTest mnist = Mnist.load(data.resolver());
        Dataset train = trainLimit == 0 ? mnist.train() : mnist.train().take(trainLimit);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < models.size(); i++) {
            if (i > 0) {
                out.println();
            }
            benchmark(models.get(i), train, mnist.test(), out, err);
        }
        out.flush();
        return 0;
    }

    private List<String> selectedModels() {
        String m = model.strip().toLowerCase(Locale.ROOT);
        if (m.equals("all")) {
            return MODELS;
        }
        if (!MODELS.contains(m)) {
            throw new ParameterException(spec.commandLine(), "unknown --model '" + model + "'; use "
                    + String.join(", ", MODELS) + " or all");
        }
        return List.of(m);
    }

    private void benchmark(String name, Dataset train, Dataset test, PrintWriter out, PrintWriter err) {
        switch (name) {
            case "mlp" -> benchmarkMlp(train, test, out, err);
            case "cnn" -> benchmarkCnn(train, test, out, err);
            default -> throw new IllegalStateException("model '" + name + "' is in MODELS but has no benchmark case");
        }
    }

    /** The paper MLP against the hand-written {@link RawTfMlp}. */
    private void benchmarkMlp(Dataset train, Dataset test, PrintWriter out, PrintWriter err) {
        Sequential mlp = Sequential.of(input(28, 28, 1), flatten(), dense(128).relu(), dense(64).relu(),
                dense(10).softmax());
        String title = String.format(Locale.ROOT, "benchmark mlp: MNIST MLP 784-128-64-10 (ReLU, softmax"
                + " cross-entropy), SGD lr 0.01, batch %d, %d training images", MLP_BATCH_SIZE, train.size());
        compare(title, mlp, TrainingConfig.of(Sgd.of(0.01), SEED), MLP_BATCH_SIZE, () -> new RawTfVariant(BASELINE,
                new RawTfMlp(SEED), train), train, test, out, err);
    }

    /** The paper CNN ({@link PaperModels#mnistCnn} with ReLU) against the hand-written {@link RawTfCnn}. */
    private void benchmarkCnn(Dataset train, Dataset test, PrintWriter out, PrintWriter err) {
        String title = String.format(Locale.ROOT, "benchmark cnn: MNIST CNN conv5x5(10)-pool-conv5x5(20)-"
                + "spatial dropout-pool-dense 50-dropout-10 (ReLU, softmax cross-entropy), Adam lr 1e-3, batch %d,"
                + " %d training images", CNN_BATCH_SIZE, train.size());
        compare(title, PaperModels.mnistCnn(Activations.relu()), TrainingConfig.of(Adam.defaults(), SEED),
                CNN_BATCH_SIZE, () -> new RawTfVariant(BASELINE, new RawTfCnn(SEED), train), train, test, out, err);
    }

    /**
     * Times {@code model} compiled by the DSL (default, deterministic, and with probes) against the hand-written
     * {@link #BASELINE} that {@code baseline} builds, closing every variant afterwards.
     */
    private void compare(String title, Sequential model, TrainingConfig config, int batchSize,
            Supplier<BenchVariant> baseline, Dataset train, Dataset test, PrintWriter out, PrintWriter err) {
        List<BenchVariant> variants = new ArrayList<>();
        try {
            variants.add(new DslVariant(FP32, model, config, train, batchSize));
            variants.add(new DslVariant("DSL deterministic", model, config.withDeterministic(true), train,
                    batchSize));
            variants.add(new DslVariant(PROBED, model, config, train, batchSize, PROBE_SIZE));
            if (PrecisionSupport.cpuHasBf16()) {
                variants.add(new DslVariant(BF16, model, config.withPrecision(Precision.BF16), train, batchSize));
            }
            variants.add(baseline.get());
            run(title, variants, BASELINE, test, out, err);
        } finally {
            variants.forEach(BenchVariant::close);
        }
    }

    private void run(String title, List<BenchVariant> variants, String baseline, Dataset test, PrintWriter out,
            PrintWriter err) {
        Map<String, Timings> timings = InterleavedBenchmark.run(variants, epochs, line -> {
            err.println(line);
            err.flush();
        });
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (BenchVariant v : variants) {
            accuracy.put(v.name(), v.accuracy(test));
        }
        String setup = String.format(Locale.ROOT, "1 untimed warm-up + %d timed epoch%s per variant, interleaved by"
                + " round; test acc after all %d epochs", epochs, epochs == 1 ? "" : "s", epochs + 1);
        BenchmarkReport report = new BenchmarkReport(title, setup, timings, accuracy, "test acc", baseline);
        report.lines(SystemInfo.peakRssKb(), SystemInfo.tensorflowVersion(), SystemInfo.cpuModel(),
                Runtime.getRuntime().availableProcessors()).forEach(out::println);
        out.println(timings.containsKey(BF16) ? String.format(Locale.ROOT, "bf16/fp32 epoch ratio: %.2f (median '%s'"
                + " / median '%s'; above 1 means bf16 is slower for this model)", timings.get(BF16).median()
                / timings.get(FP32).median(), BF16, FP32)
                : "bf16/fp32 epoch ratio: not measured (this CPU has no AVX512_BF16 or AMX)");
        out.flush();
    }
}
