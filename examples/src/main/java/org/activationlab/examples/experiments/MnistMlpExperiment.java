package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.data.Dataset;
import org.activationlab.data.MnistData;
import org.activationlab.data.Splits;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.progress.ProgressBarListener;
import org.activationlab.examples.records.ActivationInfo;
import org.activationlab.examples.records.EnvironmentInfo;
import org.activationlab.examples.records.EpochRecord;
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
 * The MLP paper (Bùi Khánh Huyền and Trần Thu Thủy, Military Technical Academy): 784-128-64-10 on all 70,000
 * MNIST images split 7:2:1, plain SGD, batch 64, 100 epochs. The paper does not state its learning rate; we use
 * 0.01 (Keras' SGD default, which its code most likely used).
 */
public final class MnistMlpExperiment {

    public static final String NAME = "mnist-mlp";
    public static final double LEARNING_RATE = 0.01;
    public static final int BATCH_SIZE = 64;
    public static final int EPOCHS = 100;
    /** Seed of the stratified 7:2:1 split: fixed, so every run and seed sees the same three sets. */
    public static final long SPLIT_SEED = 1;
    /** The activations of the paper's tables. */
    public static final List<Activation> PAPER_ACTIVATIONS = List.of(Activations.relu(), Activations.leakyRelu(0.01),
            Activations.sigmoid());

    /** The paper's split of all 70,000 images. */
    public record PaperData(Dataset train, Dataset test, Dataset valid) {
    }

    private MnistMlpExperiment() {
    }

    /** The paper's model with {@code hidden} after both hidden layers. */
    public static Sequential model(Activation hidden) {
        return Sequential.of(input(28, 28, 1), flatten(), dense(128).activation(hidden), dense(64).activation(hidden),
                dense(10).softmax());
    }

    /** Splits all of MNIST train:test:valid = 7:2:1, stratified by class, with {@link #SPLIT_SEED}. */
    public static PaperData split(MnistData mnist) {
        List<Dataset> parts = Splits.stratified(mnist.all(), new double[] {0.7, 0.2, 0.1}, SPLIT_SEED,
                "mnist-train", "mnist-test", "mnist-valid");
        return new PaperData(parts.get(0), parts.get(1), parts.get(2));
    }

    /**
     * Trains and evaluates one activation under the protocol and returns its record.
     *
     * @param trainLimit use only the first examples of the training split (0 = all)
     * @param log receives one line per epoch
     */
    public static RunRecord run(PaperData data, Activation activation, long seed, int epochs, int trainLimit,
            boolean deterministic, boolean progress, String command, Consumer<String> log) {
        Sequential model = model(activation);
        Dataset train = trainLimit > 0 ? data.train().take(Math.min(trainLimit, data.train().size())) : data.train();
        TrainingConfig config = TrainingConfig.of(Sgd.of(LEARNING_RATE), seed).withDeterministic(deterministic);
        Callback logger = (s, control) -> log.accept(String.format(Locale.ROOT,
                "%s seed %d epoch %d/%d: loss %.4f acc %.4f | valid loss %.4f acc %.4f | %.1f s", activation.spec(),
                seed, s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy(),
                s.trainSeconds()));
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            History history = compiled.fit(train, FitOptions.builder(epochs, BATCH_SIZE).shuffleSeed(seed)
                    .validation(data.valid()).listeners(ProgressBarListener.shownIf(progress))
                    .callback(logger).build());
            Evaluation valid = compiled.evaluate(data.valid());
            Evaluation test = compiled.evaluate(data.test());
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), BATCH_SIZE, epochs, splitDescription(data), trainLimit,
                    deterministic, train.source(), initializerDescription(activation), Protocol.PIXELS_IN_UNIT_RANGE,
                    compiled.device().name());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? "diverged" : "finished", history.divergedEpoch(),
                    history.epochs().stream().map(EpochRecord::of).toList(), SplitMetrics.of(valid),
                    SplitMetrics.of(test), history.trainSeconds(), null, EnvironmentInfo.capture(TensorFlow.version()),
                    command);
        }
    }

    /** The paper split's description for a record's protocol. */
    static String splitDescription(PaperData data) {
        return String.format(Locale.ROOT,
                "all 70,000 MNIST images, stratified 7:2:1 with seed %d: train %,d / test %,d / valid %,d",
                SPLIT_SEED, data.train().size(), data.test().size(), data.valid().size());
    }

    /**
     * The initialisation of an MLP whose hidden layers all use {@code hidden}, for a record's protocol; shared by
     * the experiments built from dense layers.
     */
    static String initializerDescription(Activation hidden) {
        return "hidden layers " + hidden.preferredInitializer() + " (chosen for " + hidden.typeName()
                + "), output layer GLOROT_UNIFORM";
    }
}
