package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;

/** Gradient clipping by global norm and label smoothing, against the same quantities computed by hand. */
class ClippingAndSmoothingTest {

    private static final Sequential MLP = Sequential.of(input(4), dense(5).tanh(), dense(3).softmax());
    private static final Dataset BATCH = FiniteDifferences.randomBatch(12, new int[] {4}, 3, 9);

    /**
     * One SGD step (lr 1, the whole batch) with clipping at a tenth of the gradients' global norm moves every
     * weight by {@code -g * clip / (norm + 1e-6)}: PyTorch's {@code clip_grad_norm_}.
     */
    @Test
    void clippingScalesEveryGradientByTheGlobalNorm() {
        TrainingConfig config = TrainingConfig.of(Sgd.of(1.0), 4);
        double norm;
        Map<String, float[]> before;
        Map<String, float[]> grads;
        try (CompiledModel m = ModelCompiler.compile(MLP, config)) {
            before = m.weights();
            grads = m.gradients(BATCH);
        }
        double squares = 0;
        for (float[] g : grads.values()) {
            for (float v : g) {
                squares += v * v;
            }
        }
        norm = Math.sqrt(squares);
        double clip = norm / 10;
        try (CompiledModel m = ModelCompiler.compile(MLP, config.withGradientClipping(clip))) {
            m.fit(BATCH, FitOptions.builder(1, BATCH.size()).build());
            Map<String, float[]> after = m.weights();
            double scale = clip / (norm + 1e-6);
            for (String name : before.keySet()) {
                for (int i = 0; i < before.get(name).length; i++) {
                    double expected = before.get(name)[i] - grads.get(name)[i] * scale;
                    assertEquals(expected, after.get(name)[i], 1e-5, name + "[" + i + "]");
                }
            }
        }
    }

    /** A norm below the clip leaves the step unchanged. */
    @Test
    void clippingAboveTheNormChangesNothing() {
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.5), 4);
        try (CompiledModel plain = ModelCompiler.compile(MLP, config);
                CompiledModel clipped = ModelCompiler.compile(MLP, config.withGradientClipping(1e6))) {
            plain.fit(BATCH, FitOptions.builder(1, 4).build());
            clipped.fit(BATCH, FitOptions.builder(1, 4).build());
            for (Map.Entry<String, float[]> e : plain.weights().entrySet()) {
                assertTrue(java.util.Arrays.equals(e.getValue(), clipped.weights().get(e.getKey())), e.getKey());
            }
        }
    }

    /**
     * With smoothing e the training loss is the cross-entropy against {@code (1 - e) * onehot + e / 3}, computed
     * here from the predicted probabilities; evaluation keeps the plain cross-entropy.
     */
    @Test
    void smoothedLossIsTheCrossEntropyAgainstSmoothedTargets() {
        double e = 0.2;
        try (CompiledModel m = ModelCompiler.compile(MLP, TrainingConfig.of(Sgd.of(0.1), 5).withLabelSmoothing(e))) {
            float[] p = m.predictProbabilities(BATCH.features(), BATCH.size());
            double smoothed = 0;
            double plain = 0;
            for (int i = 0; i < BATCH.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    double target = (k == BATCH.labels()[i] ? 1 - e : 0) + e / 3;
                    smoothed -= target * Math.log(p[i * 3 + k]);
                }
                plain -= Math.log(p[i * 3 + BATCH.labels()[i]]);
            }
            assertEquals(smoothed / BATCH.size(), m.trainingLoss(BATCH), 1e-5);
            assertEquals(plain / BATCH.size(), m.evaluate(BATCH).loss(), 1e-5);
        }
    }
}
