package org.activationlab.examples.experiments;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.report.DyingReluReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Measurements;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Probes;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.History;

/**
 * The dying-ReLU claim (the MLP paper and the ReLU and vanishing-gradient articles): units whose input stays
 * negative get no gradient and stop learning, more so with large learning rates, and LeakyReLU, PReLU and ELU avoid
 * it. The MLP paper's 784-128-64-10 network and split, plain SGD with batch 64, swept over learning rates; the
 * fraction of dead units of each hidden layer is probed at initialisation and after every epoch on a fixed batch
 * of {@value #PROBE_SIZE} training images.
 */
public final class DyingReluExperiment implements Experiment<MnistMlpExperiment.PaperData> {

    public static final String NAME = "dying-relu";
    public static final int EPOCHS = 10;
    public static final int PROBE_SIZE = 1000;
    public static final List<Double> LEARNING_RATES = List.of(0.01, 0.1, 0.5, 1.0, 2.0);
    public static final List<Activation> ACTIVATIONS = List.of(Activations.relu(), Activations.leakyRelu(0.01),
            Activations.prelu(), Activations.elu());
    /** The protocol setting that holds a run's learning rate. */
    public static final String LEARNING_RATE = "learning_rate";

    private static final String VARIANT_PREFIX = "lr-";
    /** Longer plain forms (1e-300 has 300 zeros) are written in scientific notation. */
    private static final int PLAIN_DIGITS = 12;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "dead ReLU units by SGD learning rate on the MLP paper's network, and what LeakyReLU, PReLU, ELU do";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(EPOCHS, MnistMlpExperiment.BATCH_SIZE, 0, "SGD at each --learning-rates", null,
                "MNIST, all 70,000 images split 7:2:1 (the MLP paper's)");
    }

    @Override
    public List<ExperimentOption> options() {
        return List.of(new ExperimentOption("learning-rates", "LIST", "Comma-separated SGD learning rates to sweep.",
                LEARNING_RATES.stream().map(DyingReluExperiment::rate).collect(Collectors.joining(","))));
    }

    @Override
    public List<Activation> defaultActivations() {
        return ACTIVATIONS;
    }

    @Override
    public List<String> variants(StudySettings settings) {
        return Options.list(settings, "learning-rates", text -> {
            double lr = Options.finite("learning-rates", text);
            if (!(lr > 0)) {
                throw new IllegalArgumentException("--learning-rates must all be > 0, got " + text);
            }
            return variant(lr);
        });
    }

    /** The variant (records subfolder) of a learning rate, e.g. {@code lr-0.5}. */
    public static String variant(double learningRate) {
        return VARIANT_PREFIX + rate(learningRate);
    }

    /** The learning rate a variant names, the inverse of {@link #variant}. */
    static double learningRateOf(String variant) {
        return Double.parseDouble(variant.substring(VARIANT_PREFIX.length()));
    }

    /**
     * A learning rate as the command line and the pages write it: plain, without trailing zeros (1, 0.5), or in
     * scientific notation when the plain form would be long (1e-300).
     */
    public static String rate(double learningRate) {
        BigDecimal value = BigDecimal.valueOf(learningRate).stripTrailingZeros();
        String plain = value.toPlainString();
        return plain.length() <= PLAIN_DIGITS ? plain : value.toString().toLowerCase(Locale.ROOT).replace("+", "");
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return MnistMlpExperiment.model(activation);
    }

    @Override
    public MnistMlpExperiment.PaperData prepare(StudySettings settings, DataContext data) throws IOException {
        return new MnistMlpExperiment().prepare(settings, data);
    }

    @Override
    public Protocol protocol(MnistMlpExperiment.PaperData data, StudyGrid.Run run, StudySettings settings) {
        double lr = learningRateOf(run.variant());
        int probe = Math.min(PROBE_SIZE, settings.trainingSet(data.train()).size());
        return MnistMlpExperiment.mlpProtocol(data, MnistMlpExperiment.model(run.activation()),
                        Sgd.of(lr).describe(), settings,
                        String.format(Locale.ROOT, "; probes on a fixed sample of %,d training images", probe))
                .initializer(MnistMlpExperiment.initializerDescription(run.activation()))
                .setting(LEARNING_RATE, rate(lr)).build();
    }

    @Override
    public RunRecord run(MnistMlpExperiment.PaperData data, RunContext context) {
        double lr = learningRateOf(context.run().variant());
        Sequential model = MnistMlpExperiment.model(context.run().activation());
        Dataset train = context.settings().trainingSet(data.train());
        try (CompiledModel compiled = context.compile(model, context.config(Sgd.of(lr)),
                MnistMlpExperiment.modelInfo(train))) {
            History history = compiled.fit(train, context.fit(MnistMlpExperiment.BATCH_SIZE, "valid")
                    .validation(data.valid()).probes(Math.min(PROBE_SIZE, train.size())).build());
            Evaluation valid = compiled.evaluate(data.valid());
            Evaluation test = compiled.evaluate(data.test());
            boolean diverged = history.diverged();
            return context.record(history, diverged ? null : valid, diverged ? null : test)
                    .section(Probes.SECTION, Measurements.probes(history)).build();
        }
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> DyingReluReport.render(records, docs);
    }

    /** Records written before the learning rate was a protocol setting get it from their variant. */
    @Override
    public RunRecord complete(RunRecord legacy) {
        if (legacy.protocol().setting(LEARNING_RATE) != null) {
            return legacy;
        }
        return legacy.withProtocol(legacy.protocol().withSetting(LEARNING_RATE, rate(learningRateOf(legacy.variant()))));
    }
}
