package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.activationlab.data.PlaygroundData;
import org.activationlab.data.PlaygroundShape;
import org.activationlab.data.TrainTest;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.records.ActivationInfo;
import org.activationlab.examples.records.Convergence;
import org.activationlab.examples.records.DecisionBoundary;
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
 * The playground anecdote (Keng Surapong, "Activation Function ep.3: ReLU"): on TensorFlow Playground a network
 * with two hidden layers converges in about 61 epochs with ReLU, 100+ with Tanh and 1000+ with Sigmoid. The
 * playground's default network and training: inputs x1 and x2, hidden layers of 4 and 2 units, SGD with learning
 * rate 0.03 and batch 10, {@value PlaygroundData#DEFAULT_SAMPLES} points split 50:50. A run trains until its test
 * loss reaches the threshold or the epoch budget is spent.
 *
 * <p>Differences from the playground: the output is a 2-class softmax with cross-entropy (a tanh output
 * {@code tanh((z1 - z0) / 2)} with the logistic loss), not one tanh unit with squared error, so the loss threshold
 * is a cross-entropy; weights start from the activation's usual initialiser (Glorot or He) unless the setting asks
 * for the playground's uniform [-0.5, 0.5] with bias 0.1.
 */
public final class PlaygroundExperiment {

    public static final String NAME = "playground";
    public static final double LEARNING_RATE = 0.03;
    public static final int BATCH_SIZE = 10;
    public static final int MAX_EPOCHS = 3000;
    /** Test cross-entropy at which a run counts as converged: the positive class gets ~0.9 on average. */
    public static final double LOSS_THRESHOLD = 0.1;
    public static final List<PlaygroundShape> SHAPES = List.of(PlaygroundShape.CIRCLE, PlaygroundShape.XOR,
            PlaygroundShape.GAUSSIAN, PlaygroundShape.SPIRAL);
    public static final List<Activation> ACTIVATIONS = List.of(Activations.relu(), Activations.tanh(),
            Activations.sigmoid(), Activations.leakyRelu(0.01), Activations.elu());
    /** Coordinates of the decision-boundary grid: the playground's view, [-6, 6] in both. */
    public static final double VIEW = 6;
    public static final int GRID = 41;
    /** How {@code --init playground} starts the weights, as the run record states it. */
    public static final String PLAYGROUND_INIT = "the playground's: every weight uniform on [-0.5, 0.5], every bias"
            + " 0.1 (all layers)";

    private PlaygroundExperiment() {
    }

    /** The playground's default network with {@code hidden} in both hidden layers. */
    public static Sequential model(Activation hidden) {
        return Sequential.of(input(2), dense(4).activation(hidden), dense(2).activation(hidden), dense(2).softmax());
    }

    /**
     * One setting of the experiment besides activation and seed: the dataset's shape and noise, and whether the
     * weights start as the playground's (uniform [-0.5, 0.5], biases 0.1) instead of the activation's usual
     * initialiser.
     */
    public record Setting(PlaygroundShape shape, double noise, boolean playgroundInit) {

        private static final String NOISE = "-noise";
        private static final String INIT = "-playground-init";

        /** The variant (records subfolder): the shape, then the noise unless 0, e.g. {@code xor-noise0.2}. */
        public String variant() {
            return shape.cliName() + (noise == 0 ? "" : NOISE
                    + BigDecimal.valueOf(noise).stripTrailingZeros().toPlainString())
                    + (playgroundInit ? INIT : "");
        }

        /** The setting a variant names, the inverse of {@link #variant()}. */
        public static Setting ofVariant(String variant) {
            boolean init = variant.endsWith(INIT);
            String rest = init ? variant.substring(0, variant.length() - INIT.length()) : variant;
            int dash = rest.indexOf(NOISE);
            PlaygroundShape shape = PlaygroundShape.parse(dash < 0 ? rest : rest.substring(0, dash));
            double noise = dash < 0 ? 0 : Double.parseDouble(rest.substring(dash + NOISE.length()));
            return new Setting(shape, noise, init);
        }

        /** The dataset of a seed, split 50:50 with the same seed. */
        public TrainTest data(long seed) {
            return PlaygroundData.split(PlaygroundData.generate(shape, PlaygroundData.DEFAULT_SAMPLES, noise, seed),
                    PlaygroundData.DEFAULT_TRAIN_FRACTION, seed);
        }
    }

    /**
     * Generates the dataset with the run's seed (so that the activations of one seed see the same points), trains
     * until the test loss reaches {@code lossThreshold} or {@code maxEpochs} pass, and records the convergence epoch
     * and the decision boundary.
     */
    public static RunRecord run(Setting setting, Activation activation, long seed, int maxEpochs,
            double lossThreshold, boolean deterministic, String command, Consumer<String> log) {
        TrainTest data = setting.data(seed);
        Sequential model = model(activation);
        TrainingConfig config = TrainingConfig.of(Sgd.of(LEARNING_RATE), seed).withDeterministic(deterministic);
        Callback stopper = (s, control) -> {
            if (s.valLoss() <= lossThreshold) {
                control.stop(String.format(Locale.ROOT, "test loss %.4f <= %s at epoch %d", s.valLoss(),
                        lossThreshold, s.epoch()));
            }
            if (s.epoch() % 500 == 0 || s.valLoss() <= lossThreshold) {
                log.accept(String.format(Locale.ROOT, "%s %s seed %d epoch %d/%d: loss %.4f | test loss %.4f acc %.4f",
                        setting.variant(), activation.spec(), seed, s.epoch(), maxEpochs, s.trainLoss(),
                        s.valLoss(), s.valAccuracy()));
            }
        };
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            if (setting.playgroundInit()) {
                compiled.setWeights(playgroundWeights(compiled.weights(), seed));
            }
            History history = compiled.fit(data.train(), FitOptions.builder(maxEpochs, BATCH_SIZE).shuffleSeed(seed)
                    .validation(data.test()).evalBatchSize(data.test().size()).callback(stopper)
                    .build());
            Evaluation test = compiled.evaluate(data.test());
            List<EpochRecord> epochs = history.epochs().stream().map(EpochRecord::of).toList();
            Protocol protocol = new Protocol(model.toString(), model.trainableParameters(),
                    config.optimizer().describe(), BATCH_SIZE, maxEpochs, String.format(Locale.ROOT,
                    "%d points, %d%% for training (%d) and the rest for testing (%d), shuffled with the run's seed",
                    PlaygroundData.DEFAULT_SAMPLES, Math.round(100 * PlaygroundData.DEFAULT_TRAIN_FRACTION),
                    data.train().size(), data.test().size()), 0, deterministic, data.train().source(),
                    setting.playgroundInit() ? PLAYGROUND_INIT : MnistMlpExperiment.initializerDescription(activation),
                    "raw coordinates x1, x2 in about [-6, 6]; no feature crosses", compiled.device().name());
            return new RunRecord(RunRecord.SCHEMA_VERSION, NAME, ActivationInfo.of(activation), seed, protocol,
                    history.diverged() ? RunRecord.DIVERGED : RunRecord.FINISHED, history.divergedEpoch(), epochs,
                    null, SplitMetrics.of(test), history.trainSeconds(), null,
                    EnvironmentInfo.capture(TensorFlow.version()), command, setting.variant(), List.of(),
                    boundary(compiled), Convergence.of("test", lossThreshold, epochs, maxEpochs));
        }
    }

    /**
     * The playground's initialisation: every weight uniform on [-0.5, 0.5] and every bias 0.1, drawn from a stream
     * of the run's seed; overrides the compiled model's initial values.
     */
    private static Map<String, float[]> playgroundWeights(Map<String, float[]> current, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + 700_000L);
        Map<String, float[]> initial = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> p : current.entrySet()) {
            float[] values = new float[p.getValue().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = p.getKey().endsWith("/bias") ? 0.1f : (float) (random.nextDouble() - 0.5);
            }
            initial.put(p.getKey(), values);
        }
        return initial;
    }

    private static DecisionBoundary boundary(CompiledModel compiled) {
        double[] axis = DecisionBoundary.axis(-VIEW, VIEW, GRID);
        float[] points = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                points[(r * GRID + c) * 2] = (float) axis[c];
                points[(r * GRID + c) * 2 + 1] = (float) axis[r];
            }
        }
        float[] p = compiled.predictProbabilities(points, GRID * GRID);
        float[] positive = new float[GRID * GRID];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = p[i * 2 + 1];
        }
        return DecisionBoundary.of(-VIEW, VIEW, GRID, positive);
    }
}
