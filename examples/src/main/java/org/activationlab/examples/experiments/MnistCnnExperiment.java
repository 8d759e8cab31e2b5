package org.activationlab.examples.experiments;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.data.Dataset;
import org.activationlab.data.MnistData;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.progress.ProgressBarListener;
import org.activationlab.examples.records.ActivationInfo;
import org.activationlab.examples.records.DawnBenchMetrics;
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
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.tensorflow.TensorFlow;

/**
 * The CNN paper's MNIST study (Vĩnh Anh Nghiêm Quân et al., Hue University of Education, 2019, Table 3): PyTorch's
 * classic MNIST network ({@link PaperModels#mnistCnn}) with the activation under study after both convolution
 * blocks and the hidden dense layer, Adam (lr 1e-3, betas 0.9/0.999, epsilon 1e-8: PyTorch's defaults), batch
 * 128, 10 epochs on the canonical 60,000/10,000 split. As in the paper, the test set is evaluated after every epoch
 * to find the first epoch reaching 98% accuracy; there is no separate validation set.
 */
public final class MnistCnnExperiment {

    public static final String NAME = "mnist-cnn";
    public static final int BATCH_SIZE = 128;
    public static final int EPOCHS = 10;
    public static final double THRESHOLD = 0.98;
    /** Batched inference uses PyTorch's MNIST example test batch size. */
    public static final int INFERENCE_BATCH_SIZE = 1000;
    public static final int SINGLE_SAMPLE_REPEATS = 200;
    /** The activations of Table 3, in the paper's order; LeakyReLU with PyTorch's default slope 0.01. */
    public static final List<Activation> PAPER_ACTIVATIONS = List.of(Activations.relu(), Activations.tanh(),
            Activations.selu(), Activations.prelu(), Activations.elu(), Activations.leakyRelu(0.01));

    private MnistCnnExperiment() {
    }

    /**
     * Trains and evaluates one activation under the protocol and returns its record.
     *
     * @param threshold test accuracy whose first epoch and training time are recorded
     * @param trainLimit use only the first examples of the training set (0 = all)
     * @param log receives one line per epoch
     */
    public static RunRecord run(MnistData data, Activation activation, long seed, int epochs, double threshold,
            int trainLimit, boolean deterministic, boolean progress, String command, Consumer<String> log) {
        Sequential model = PaperModels.mnistCnn(activation);
        Dataset train = trainLimit > 0 ? data.train().take(Math.min(trainLimit, data.train().size())) : data.train();
        TrainingConfig config = TrainingConfig.of(Adam.defaults(), seed).withDeterministic(deterministic);
        Callback logger = (s, control) -> log.accept(String.format(Locale.ROOT,
                "%s seed %d epoch %d/%d: loss %.4f acc %.4f | test loss %.4f acc %.4f | %.1f s train, %.1f s eval",
                activation.spec(), seed, s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.valLoss(),
                s.valAccuracy(), s.trainSeconds(), s.evalSeconds()));
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            long start = System.nanoTime();
            History history = compiled.fit(train, FitOptions.builder(epochs, BATCH_SIZE).shuffleSeed(seed)
                    .validation(data.test()).listeners(ProgressBarListener.shownIf(progress)).callback(logger).build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation test = compiled.evaluate(data.test());
            InferenceTiming inference = compiled.timeInference(data.test(), INFERENCE_BATCH_SIZE,
                    SINGLE_SAMPLE_REPEATS);
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), BATCH_SIZE, epochs, splitDescription(train, data.test()),
                    trainLimit, deterministic, train.source(), initializerDescription(activation),
                    Protocol.PIXELS_IN_UNIT_RANGE, compiled.device().name());
            DawnBenchMetrics dawnbench = DawnBenchMetrics.of("test", history.timeToAccuracy(threshold),
                    history.trainSeconds(), wall, inference, test.accuracy());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? RunRecord.DIVERGED : RunRecord.FINISHED, history.divergedEpoch(),
                    history.epochs().stream().map(EpochRecord::of).toList(), null, SplitMetrics.of(test),
                    history.trainSeconds(), dawnbench, EnvironmentInfo.capture(TensorFlow.version()), command);
        }
    }

    private static String splitDescription(Dataset train, Dataset test) {
        return String.format(Locale.ROOT, "canonical MNIST split: train %,d / test %,d; the test set is evaluated"
                + " after every epoch (the paper's protocol; no validation set)", train.size(), test.size());
    }

    private static String initializerDescription(Activation act) {
        return "convolutions and hidden dense layer " + act.preferredInitializer() + " (chosen for "
                + act.typeName() + "), output layer GLOROT_UNIFORM";
    }
}
