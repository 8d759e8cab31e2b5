package org.activationlab.tf;

import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.activationlab.dsl.Layers.relu;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.probes.UnitActivity;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void gradientNormsEqualTheNormsOfExplicitlyFetchedGradients() {
        Sequential model = Sequential.of(input(6, 6, 2), conv2d(3, 3), maxPool(2), relu(), flatten(),
                dense(5).tanh(), dropout(0.3), dense(3).softmax());
        Dataset batch = FiniteDifferences.randomBatch(16, new int[] {6, 6, 2}, 3, 7);
        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 4))) {
            Map<String, float[]> gradients = compiled.gradients(batch);
            ProbeStats probe = compiled.probe(batch);
            assertEquals(gradients.keySet(), probe.gradientNorms().keySet());
            for (Map.Entry<String, float[]> g : gradients.entrySet()) {
                double sumSquares = 0;
                for (float v : g.getValue()) {
                    sumSquares += (double) v * v;
                }
                double expected = Math.sqrt(sumSquares);
                assertTrue(expected > 0, g.getKey() + " has a zero gradient; the check would be vacuous");
                assertEquals(expected, probe.gradientNorm(g.getKey()), 1e-5 * expected, g.getKey());
            }
            assertEquals(compiled.trainingLoss(batch), probe.loss(), 1e-6);
            assertEquals(0, probe.epoch());
        }
    }

    /**
     * Two inputs, four units with hand-set weights: unit 0 is positive on both examples, unit 1 negative on both,
     * unit 2 exactly zero on both, unit 3 positive on one example only.
     */
    private static ProbeStats handBuiltProbe(Activation hidden) {
        Sequential model = Sequential.of(input(2), dense(4).activation(hidden), dense(2).softmax());
        Dataset batch = new Dataset("two-points", new float[] {1, 2, 3, 1}, new int[] {0, 1}, new int[] {2},
                List.of("a", "b"), "hand-made");
        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1))) {
            // pre-activations: unit 0 = x1 -> (1, 3); unit 1 = -x1 -> (-1, -3); unit 2 = 0; unit 3 = 2.5 - x1
            compiled.setWeights(Map.of(
                    "dense_1/kernel", new float[] {1, -1, 0, -1, 0, 0, 0, 0},
                    "dense_1/bias", new float[] {0, 0, 0, 2.5f}));
            return compiled.probe(batch);
        }
    }

    @Test
    void deadUnitsOfAHandBuiltReluLayer() {
        UnitActivity units = handBuiltProbe(Activations.relu()).units().get(0);
        assertEquals("dense_1", units.layer());
        assertEquals(4, units.units());
        // units 1 and 2 are zero on every example; unit 3 is zero on one example only, so it is alive
        assertEquals(0.5, units.deadFraction(), 0);
        assertEquals(0.5, units.negativeFraction(), 0);
    }

    @Test
    void leakyReluUnitsWithNegativeInputAreNotDead() {
        ProbeStats probe = handBuiltProbe(Activations.leakyRelu(0.01));
        UnitActivity units = probe.units().get(0);
        // unit 2's input is exactly 0, so its output is 0 too; unit 1's is -0.01 x, not zero
        assertEquals(0.25, units.deadFraction(), 0);
        assertEquals(0.5, units.negativeFraction(), 0);
        assertEquals(1, probe.units().size(), "the output softmax is not a hidden activation");
    }

    @Test
    void aConvolutionChannelIsDeadOnlyIfZeroAtEveryPosition() {
        // one 1x1 filter per channel: channel 0 copies the input (positive somewhere), channel 1 negates a
        // positive input (zero everywhere after ReLU)
        Sequential model = Sequential.of(input(2, 2, 1), conv2d(2, 1), relu(), flatten(), dense(2).softmax());
        Dataset batch = new Dataset("images", new float[] {0, 1, 2, 3, 4, 0, 1, 1}, new int[] {0, 1},
                new int[] {2, 2, 1}, List.of("a", "b"), "hand-made");
        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1))) {
            compiled.setWeights(Map.of("conv2d_1/kernel", new float[] {1, -1}, "conv2d_1/bias", new float[] {0, 0}));
            UnitActivity units = compiled.probe(batch).units().get(0);
            assertEquals("relu_1", units.layer());
            assertEquals(2, units.units());
            assertEquals(0.5, units.deadFraction(), 0);
        }
    }

    @Test
    void fitProbesAtInitialisationAndAfterEveryEpochWithoutChangingTraining() {
        Sequential model = Sequential.of(input(6), dense(8).relu(), dense(3).softmax());
        Dataset train = FiniteDifferences.randomBatch(64, new int[] {6}, 3, 2);
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.5), 9).withDeterministic(true);
        Map<String, float[]> probed;
        History history;
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            history = compiled.fit(train, FitOptions.builder(3, 16).probes(32).build());
            probed = compiled.weights();
        }
        try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
            compiled.fit(train, FitOptions.builder(3, 16).build());
            for (Map.Entry<String, float[]> w : compiled.weights().entrySet()) {
                assertArrayEquals(w.getValue(), probed.get(w.getKey()), w.getKey());
            }
        }
        assertEquals(List.of(0, 1, 2, 3), history.probes().stream().map(ProbeStats::epoch).toList());
        assertEquals(List.of("dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"),
                List.copyOf(history.probes().get(0).gradientNorms().keySet()));
        assertTrue(history.probes().get(3).loss() < history.probes().get(0).loss(),
                "the probe batch's loss should fall with training: " + history.probes());
    }

    @Test
    void aProbeBatchLargerThanTheTrainingSetIsRejected() {
        Sequential model = Sequential.of(input(6), dense(8).relu(), dense(3).softmax());
        Dataset train = FiniteDifferences.randomBatch(10, new int[] {6}, 3, 2);
        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> compiled.fit(train, FitOptions.builder(1, 5).probes(11).build()));
            assertTrue(e.getMessage().contains("probe batch (11 examples)"), e.getMessage());
        }
    }
}
