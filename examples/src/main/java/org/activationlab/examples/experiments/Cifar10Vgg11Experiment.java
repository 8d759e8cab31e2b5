package org.activationlab.examples.experiments;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.data.Dataset;
import org.activationlab.data.Splits;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
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
import org.activationlab.tf.Device;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.tensorflow.TensorFlow;

/**
 * The CNN paper's CIFAR-10 study (Table 4): VGG-11 with batch norm ({@link PaperModels#cifar10Vgg11}) with the
 * activation under study after every batch norm, Adam (PyTorch's defaults), batch 128, 50 epochs, 87% test
 * accuracy threshold, per-channel normalisation with training statistics and the standard CIFAR augmentation
 * (random 4-pixel-padded crops, horizontal flips). That is the full protocol, the default on a GPU.
 *
 * <p>On 2 CPU cores an epoch of the 50,000 training images takes about 6 minutes, so the full protocol would take
 * about 5 hours per activation. The {@linkplain #REDUCED reduced protocol} trains on a stratified subset for fewer
 * epochs with a lower threshold, so all six activations fit in about an hour; its records and docs say so.
 */
public final class Cifar10Vgg11Experiment {

    public static final String NAME = "cifar10-vgg11";
    public static final int BATCH_SIZE = 128;
    public static final int INFERENCE_BATCH_SIZE = 500;
    public static final int SINGLE_SAMPLE_REPEATS = 50;
    /** Seed of the stratified training subset of the reduced protocol, fixed so every activation sees the same. */
    public static final long SUBSET_SEED = 1;

    /** The paper's protocol: all 50,000 training images, 50 epochs, 87%. */
    public static final RunSettings FULL = new RunSettings(50, 0, 0.87);
    /**
     * The reduced protocol for 2 CPU cores: a stratified 10,000-image training subset, 6 epochs, 60% threshold
     * (chosen from measured epoch times: about 70 s of training plus 25 s of test evaluation per epoch).
     */
    public static final RunSettings REDUCED = new RunSettings(6, 10_000, 0.60);

    private Cifar10Vgg11Experiment() {
    }

    /** The training images a run uses: all of them, or a stratified subset of {@code trainLimit}. */
    public static Dataset trainingSet(Dataset train, int trainLimit) {
        if (trainLimit == 0 || trainLimit >= train.size()) {
            return train;
        }
        double fraction = trainLimit / (double) train.size();
        List<Dataset> parts = Splits.stratified(train, new double[] {fraction, 1 - fraction}, SUBSET_SEED,
                train.name() + "-subset", train.name() + "-rest");
        return parts.get(0);
    }

    /**
     * Trains and evaluates one activation and returns its record.
     *
     * @param train the normalised training set (a subset already taken)
     * @param test the normalised test set
     * @param preprocessing how the inputs were prepared, for the record
     * @param log receives one line per epoch
     */
    public static RunRecord run(Dataset train, Dataset test, String preprocessing, Activation activation, long seed,
            RunSettings settings, Device device, boolean deterministic, boolean progress, String command,
            Consumer<String> log) {
        Sequential model = PaperModels.cifar10Vgg11(activation);
        Augmentation augmentation = Augmentation.cifar();
        TrainingConfig config = TrainingConfig.of(Adam.defaults(), seed).withDeterministic(deterministic)
                .withDevice(device).withAugmentation(augmentation);
        Callback logger = (s, control) -> log.accept(String.format(Locale.ROOT,
                "%s seed %d epoch %d/%d: loss %.4f acc %.4f | test loss %.4f acc %.4f | %.1f s train, %.1f s eval",
                activation.spec(), seed, s.epoch(), settings.epochs(), s.trainLoss(), s.trainAccuracy(), s.valLoss(),
                s.valAccuracy(), s.trainSeconds(), s.evalSeconds()));
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            long start = System.nanoTime();
            History history = compiled.fit(train, FitOptions.builder(settings.epochs(), BATCH_SIZE).shuffleSeed(seed)
                    .validation(test).evalBatchSize(INFERENCE_BATCH_SIZE)
                    .listeners(ProgressBarListener.shownIf(progress)).callback(logger).build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation evaluation = compiled.evaluate(test, INFERENCE_BATCH_SIZE);
            InferenceTiming inference = compiled.timeInference(test, INFERENCE_BATCH_SIZE, SINGLE_SAMPLE_REPEATS);
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), BATCH_SIZE, settings.epochs(), split(train, test, settings),
                    settings.trainLimit(), deterministic, train.source(), initializerDescription(activation),
                    preprocessing + "; augmentation: " + augmentation.describe(), compiled.device().name());
            DawnBenchMetrics dawnbench = DawnBenchMetrics.of("test", history.timeToAccuracy(settings.threshold()),
                    history.trainSeconds(), wall, inference, evaluation.accuracy());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? RunRecord.DIVERGED : RunRecord.FINISHED, history.divergedEpoch(),
                    history.epochs().stream().map(EpochRecord::of).toList(), null, SplitMetrics.of(evaluation),
                    history.trainSeconds(), dawnbench, EnvironmentInfo.capture(TensorFlow.version()), command);
        }
    }

    private static String split(Dataset train, Dataset test, RunSettings settings) {
        String subset = settings.trainLimit() == 0 ? "all " : String.format(Locale.ROOT,
                "a class-stratified subset (seed %d) of ", SUBSET_SEED);
        return String.format(Locale.ROOT, "CIFAR-10: train on %s%,d images / test %,d; the test set is evaluated after"
                + " every epoch (the paper's protocol; no validation set)", subset, train.size(), test.size());
    }

    private static String initializerDescription(Activation act) {
        return "convolutions " + act.preferredInitializer() + " (chosen for " + act.typeName()
                + "), output layer GLOROT_UNIFORM; batch norm gamma 1, beta 0";
    }
}
