package org.activationlab.tf;

import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.residual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;

/** What the block lowerings compute and name, beyond their gradients (checked in {@link GradientCheckTest}). */
class BlockLoweringTest {

    /**
     * With the branch's kernel zeroed, a zero-padding residual block outputs its shortcut alone: pixel (0, 0) of
     * each 2x2 window (PyTorch's {@code x[:, :, ::2, ::2]}), then the padded channels as zeros (here 1 -> 3: one
     * before, one after). An identity dense layer makes the logits that output.
     */
    @Test
    void zeroPadShortcutSubsamplesAndPadsChannels() {
        Sequential m = Sequential.of(input(2, 2, 1), residual(conv2d(3, 1).stride(2).withBias(false))
                .shortcut(Shortcut.ZERO_PAD), flatten(), dense(3).withBias(false).softmax());
        try (CompiledModel compiled = ModelCompiler.compile(m, TrainingConfig.of(Sgd.of(0.1), 1))) {
            assertEquals(List.of("residual_1/conv2d_1/kernel", "dense_1/kernel"),
                    List.copyOf(compiled.weights().keySet()));
            compiled.setWeights(Map.of("residual_1/conv2d_1/kernel", new float[3],
                    "dense_1/kernel", new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}));
            float[] p = compiled.predictProbabilities(new float[] {2f, 5f, 7f, 9f}, 1);
            // logits (0, 2, 0)
            double z = 2 + Math.exp(2);
            assertArrayEquals(new float[] {(float) (1 / z), (float) (Math.exp(2) / z), (float) (1 / z)}, p, 1e-6f);
        }
    }

    /** Every parameter of ResNet-20 is created once, under its block's name; the total matches the summary. */
    @Test
    void resNet20CompilesWithEveryParameterNamedOnce() {
        Sequential resnet = PaperModels.cifar10ResNet20(Activations.relu(), Shortcut.PROJECTION);
        try (CompiledModel compiled = ModelCompiler.compile(resnet, TrainingConfig.of(Sgd.of(0.1), 1))) {
            Map<String, float[]> weights = compiled.weights();
            assertEquals(272_474, weights.values().stream().mapToLong(w -> w.length).sum());
            // moving mean and variance of the stem's, the blocks' and the two projections' batch norms
            assertEquals(2 * (1 + 9 * 2 + 2), compiled.buffers().size());
            assertEquals(16 * 32, compiled.weights().get("residual_4/shortcut/conv2d_1/kernel").length);
            assertEquals(64, compiled.weights().get("residual_7/batchnorm_2/gamma").length);
        }
    }
}
