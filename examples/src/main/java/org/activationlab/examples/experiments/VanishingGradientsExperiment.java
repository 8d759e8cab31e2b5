package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.activationlab.data.Dataset;
import org.activationlab.data.MnistData;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.layers.Layer;
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
 * The vanishing-gradient claim (the article on the vanishing gradient problem): with sigmoid every layer scales the
 * backpropagated gradient by sigmoid'(z) &lt;= 0.25, so layers near the input barely learn. A deep MLP on MNIST
 * ({@value #DEFAULT_DEPTH} hidden layers of {@value #DEFAULT_WIDTH} units by default) trained with plain SGD; the
 * gradient norm of every layer is probed at initialisation and after every epoch on a fixed batch of
 * {@value #PROBE_SIZE} training images. Each activation gets the initialiser suited to it (Glorot for sigmoid and
 * tanh, He for the ReLU family, LeCun for SELU), so that the weights' own scaling is about 1 per layer and what is
 * left is the activation's derivative.
 */
public final class VanishingGradientsExperiment {

    public static final String NAME = "vanishing-gradients";
    public static final int DEFAULT_DEPTH = 10;
    public static final int DEFAULT_WIDTH = 64;
    public static final double LEARNING_RATE = 0.01;
    public static final int BATCH_SIZE = 64;
    public static final int EPOCHS = 5;
    public static final int PROBE_SIZE = 1000;
    /** The bound the article states: the sigmoid's derivative never exceeds 1/4. */
    public static final double SIGMOID_BOUND = 0.25;
    public static final List<Activation> ACTIVATIONS = List.of(Activations.sigmoid(), Activations.tanh(),
            Activations.relu(), Activations.leakyRelu(0.01), Activations.elu(), Activations.selu());

    private VanishingGradientsExperiment() {
    }

    /** {@code depth} hidden dense layers of {@code width} units, each followed by {@code hidden}. */
    public static Sequential model(Activation hidden, int depth, int width) {
        checkShape(depth, width);
        List<Layer> layers = new ArrayList<>(List.of(input(28, 28, 1), flatten()));
        for (int i = 0; i < depth; i++) {
            layers.add(dense(width).activation(hidden));
        }
        layers.add(dense(10).softmax());
        return Sequential.of(layers.toArray(Layer[]::new));
    }

    /** Rejects a network the experiment cannot measure a per-layer factor on. */
    public static void checkShape(int depth, int width) {
        if (depth < 2 || width < 1) {
            throw new IllegalArgumentException("--depth must be >= 2 (a per-layer decay needs two layers) and --width"
                    + " >= 1, got depth " + depth + " and width " + width);
        }
    }

    /** The variant (records subfolder) of a depth and width, e.g. {@code depth-10-width-64}. */
    public static String variant(int depth, int width) {
        return "depth-" + depth + "-width-" + width;
    }

    /** Trains one activation with probes and returns its record. */
    public static RunRecord run(MnistData data, Activation activation, long seed, int depth, int width, int epochs,
            int trainLimit, boolean deterministic, boolean progress, String command, Consumer<String> log) {
        Sequential model = model(activation, depth, width);
        Dataset train = trainLimit > 0 ? data.train().take(Math.min(trainLimit, data.train().size())) : data.train();
        TrainingConfig config = TrainingConfig.of(Sgd.of(LEARNING_RATE), seed).withDeterministic(deterministic);
        Callback logger = (s, control) -> log.accept(String.format(Locale.ROOT,
                "%s seed %d epoch %d/%d: loss %.4f acc %.4f | test acc %.4f | %.1f s", activation.spec(), seed,
                s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.valAccuracy(), s.trainSeconds()));
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            History history = compiled.fit(train, FitOptions.builder(epochs, BATCH_SIZE).shuffleSeed(seed)
                    .validation(data.test()).listeners(ProgressBarListener.shownIf(progress))
                    .callback(logger).probes(Math.min(PROBE_SIZE,
                            train.size())).build());
            Evaluation test = compiled.evaluate(data.test());
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), BATCH_SIZE, epochs, String.format(Locale.ROOT,
                    "canonical MNIST split: train %,d / test %,d (test evaluated after every epoch); probes on a fixed"
                            + " sample of %,d training images", train.size(), data.test().size(),
                    Math.min(PROBE_SIZE, train.size())), trainLimit, deterministic, train.source(),
                    MnistMlpExperiment.initializerDescription(activation), Protocol.PIXELS_IN_UNIT_RANGE,
                    compiled.device().name());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? RunRecord.DIVERGED : RunRecord.FINISHED, history.divergedEpoch(),
                    history.epochs().stream().map(EpochRecord::of).toList(), null, SplitMetrics.of(test),
                    history.trainSeconds(), null, EnvironmentInfo.capture(TensorFlow.version()), command,
                    variant(depth, width), history.probes().stream().map(ProbeRecord::of).toList(), null, null);
        }
    }
}
