package org.activationlab.examples.experiments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.progress.ProgressBarListener;
import org.activationlab.examples.records.ActivationInfo;
import org.activationlab.examples.records.EnvironmentInfo;
import org.activationlab.examples.records.EpochRecord;
import org.activationlab.examples.records.ProbeRecord;
import org.activationlab.examples.records.Protocol;
import org.activationlab.examples.records.RunRecord;
import org.activationlab.examples.records.SplitMetrics;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.tensorflow.TensorFlow;

/**
 * The dying-ReLU claim (the MLP paper and the ReLU and vanishing-gradient articles): units whose input stays
 * negative get no gradient and stop learning, more so with large learning rates, and LeakyReLU, PReLU and ELU avoid
 * it. The MLP paper's 784-128-64-10 network and split, plain SGD with batch 64, swept over learning rates; the
 * fraction of dead units of each hidden layer is probed at initialisation and after every epoch on a fixed batch
 * of {@value #PROBE_SIZE} training images.
 */
public final class DyingReluExperiment {

    public static final String NAME = "dying-relu";
    public static final int EPOCHS = 10;
    public static final int PROBE_SIZE = 1000;
    public static final List<Double> LEARNING_RATES = List.of(0.01, 0.1, 0.5, 1.0, 2.0);
    public static final List<Activation> ACTIVATIONS = List.of(Activations.relu(), Activations.leakyRelu(0.01),
            Activations.prelu(), Activations.elu());

    private DyingReluExperiment() {
    }

    private static final String VARIANT_PREFIX = "lr-";

    /** The variant (records subfolder) of a learning rate, e.g. {@code lr-0.5}. */
    public static String variant(double learningRate) {
        return VARIANT_PREFIX + rate(learningRate);
    }

    /** The learning rate a variant names, the inverse of {@link #variant}. */
    public static double learningRateOf(String variant) {
        if (!variant.startsWith(VARIANT_PREFIX)) {
            throw new IllegalArgumentException("dying-relu variant must be lr-<rate>, got '" + variant
                    + "'; re-run those records with this version");
        }
        return Double.parseDouble(variant.substring(VARIANT_PREFIX.length()));
    }

    /** A learning rate as the command line and the pages write it: plain, without trailing zeros (1, 0.5). */
    public static String rate(double learningRate) {
        return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }

    /** Trains one activation at one learning rate with probes and returns its record. */
    public static RunRecord run(MnistMlpExperiment.PaperData data, Activation activation, long seed,
            double learningRate, int epochs, int trainLimit, boolean deterministic, boolean progress, String command,
            Consumer<String> log) {
        Sequential model = MnistMlpExperiment.model(activation);
        Dataset train = trainLimit > 0 ? data.train().take(Math.min(trainLimit, data.train().size())) : data.train();
        TrainingConfig config = TrainingConfig.of(Sgd.of(learningRate), seed).withDeterministic(deterministic);
        Callback logger = (s, control) -> log.accept(String.format(Locale.ROOT,
                "%s lr %s seed %d epoch %d/%d: loss %.4f acc %.4f | valid acc %.4f | %.1f s", activation.spec(),
                learningRate, seed, s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.valAccuracy(),
                s.trainSeconds()));
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            int probe = Math.min(PROBE_SIZE, train.size());
            History history = compiled.fit(train, FitOptions.builder(epochs, MnistMlpExperiment.BATCH_SIZE)
                    .shuffleSeed(seed).validation(data.valid()).listeners(ProgressBarListener.shownIf(progress))
                    .callback(logger).probes(probe)
                    .build());
            Evaluation valid = compiled.evaluate(data.valid());
            Evaluation test = compiled.evaluate(data.test());
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), MnistMlpExperiment.BATCH_SIZE, epochs,
                    MnistMlpExperiment.splitDescription(data) + String.format(Locale.ROOT,
                            "; probes on a fixed sample of %,d training images", probe), trainLimit, deterministic,
                    train.source(), MnistMlpExperiment.initializerDescription(activation),
                    Protocol.PIXELS_IN_UNIT_RANGE, compiled.device().name());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? RunRecord.DIVERGED : RunRecord.FINISHED, history.divergedEpoch(),
                    history.epochs().stream().map(EpochRecord::of).toList(),
                    history.diverged() ? null : SplitMetrics.of(valid),
                    history.diverged() ? null : SplitMetrics.of(test),
                    history.trainSeconds(), null, EnvironmentInfo.capture(TensorFlow.version()), command,
                    variant(learningRate), history.probes().stream().map(ProbeRecord::of).toList(), null, null);
        }
    }
}
