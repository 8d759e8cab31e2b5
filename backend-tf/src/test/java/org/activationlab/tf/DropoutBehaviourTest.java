package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.spatialDropout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * What dropout does to the units it feeds, read through the output layer's kernel gradient. With a zero kernel
 * and two classes the softmax is uniform, so for a single sample of class 0 the gradient of the kernel column of
 * class 1 is exactly {@code 0.5} times the (dropped-out) input: 0 where a unit was dropped and
 * {@code x / (1 - rate) * 0.5} where it was kept.
 */
class DropoutBehaviourTest {

    private static final int H = 4;
    private static final int W = 4;
    private static final int C = 64;

    @Test
    void spatialDropoutDropsWholeChannelsAndScalesTheRest() {
        Dataset sample = FiniteDifferences.randomBatch(1, new int[] {H, W, C}, 1, 3);
        try (CompiledModel model = compile(spatialDropout(0.5))) {
            float[] dropped = droppedInput(model, sample, 0.5);
            int droppedChannels = 0;
            for (int c = 0; c < C; c++) {
                boolean first = dropped[c] == 0;
                for (int pos = 0; pos < H * W; pos++) {
                    assertEquals(first, dropped[pos * C + c] == 0, "channel " + c + " is partly dropped at " + pos);
                }
                droppedChannels += first ? 1 : 0;
            }
            assertTrue(droppedChannels > C * 0.25 && droppedChannels < C * 0.75,
                    droppedChannels + " of " + C + " channels dropped at rate 0.5");
        }
    }

    @Test
    void dropoutDropsSingleUnitsAtItsRate() {
        Dataset sample = FiniteDifferences.randomBatch(1, new int[] {H, W, C}, 1, 4);
        try (CompiledModel model = compile(dropout(0.25))) {
            float[] dropped = droppedInput(model, sample, 0.25);
            int zeros = 0;
            int partlyDroppedChannels = 0;
            for (int c = 0; c < C; c++) {
                int inChannel = 0;
                for (int pos = 0; pos < H * W; pos++) {
                    inChannel += dropped[pos * C + c] == 0 ? 1 : 0;
                }
                zeros += inChannel;
                partlyDroppedChannels += inChannel > 0 && inChannel < H * W ? 1 : 0;
            }
            double rate = zeros / (double) (H * W * C);
            assertEquals(0.25, rate, 0.05, "fraction of units dropped");
            assertTrue(partlyDroppedChannels > C / 2, "unit dropout must not follow channels");
        }
    }

    @Test
    void masksAreFixedWithinAStepAndChangeAfterOne() {
        Dataset sample = FiniteDifferences.randomBatch(1, new int[] {H, W, C}, 1, 5);
        try (CompiledModel model = compile(dropout(0.5))) {
            float[] first = droppedInput(model, sample, 0.5);
            assertArrayEquals(first, droppedInput(model, sample, 0.5), "same step, same mask");
            model.fit(sample, FitOptions.builder(1, 1).build());
            model.setWeights(Map.of("dense_1/kernel", new float[H * W * C * 2]));
            float[] next = droppedInput(model, sample, 0.5);
            boolean differs = false;
            for (int i = 0; i < first.length; i++) {
                differs |= (first[i] == 0) != (next[i] == 0);
            }
            assertTrue(differs, "a training step must draw a new mask");
        }
    }

    @Test
    void inferenceIgnoresDropout() {
        Dataset sample = FiniteDifferences.randomBatch(1, new int[] {H, W, C}, 1, 6);
        try (CompiledModel model = compile(dropout(0.5))) {
            float[] kernel = new float[H * W * C * 2];
            for (int k = 0; k < H * W * C; k++) {
                kernel[k * 2] = 0.01f * (k % 7);
            }
            model.setWeights(Map.of("dense_1/kernel", kernel));
            double z0 = 0;
            for (int k = 0; k < H * W * C; k++) {
                z0 += sample.features()[k] * kernel[k * 2];
            }
            double p0 = 1 / (1 + Math.exp(-z0));
            float[] probabilities = model.predictProbabilities(sample.features(), 1);
            assertEquals(p0, probabilities[0], 1e-4);
            assertEquals(Math.log(1 / p0), model.evaluate(sample).loss(), 1e-4);
        }
    }

    private static CompiledModel compile(Layer dropoutLayer) {
        Sequential model = Sequential.of(input(H, W, C), dropoutLayer, flatten(), dense(2).withBias(false).softmax());
        CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 9));
        compiled.setWeights(Map.of("dense_1/kernel", new float[H * W * C * 2]));
        return compiled;
    }

    /** The input after dropout, recovered from the kernel gradient; checks kept units are scaled by 1/(1-rate). */
    private static float[] droppedInput(CompiledModel model, Dataset sample, double rate) {
        float[] grad = model.gradients(sample).get("dense_1/kernel");
        float[] x = sample.features();
        float[] out = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = grad[k * 2 + 1] / 0.5f;
            assertEquals(-out[k] * 0.5f, grad[k * 2], 1e-6f);
            if (out[k] != 0) {
                assertEquals(x[k] / (1 - rate), out[k], 1e-5 * (1 + Math.abs(out[k])), "kept unit " + k + " scaling");
            }
        }
        assertFalse(java.util.Arrays.equals(out, new float[x.length]), "everything was dropped");
        return out;
    }
}
