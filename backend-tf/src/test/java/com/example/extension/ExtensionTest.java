package com.example.extension;

import static org.activationlab.dsl.Layers.activation;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;

/**
 * A layer and an activation added from outside {@code org.activationlab}, through the public SPI and
 * {@code META-INF/services} alone (this package's test resources): the model compiles, its gradient matches
 * central differences, it trains, and a layer without a lowering is rejected at compile time, by name.
 */
class ExtensionTest {

    private static final Sequential MODEL = Sequential.of(input(6), new Maxout(4, 3),
            activation(new BentIdentity()), dense(3).softmax());

    private static Dataset data(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * 6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (float) random.nextGaussian();
            }
            // a label the features determine, so the model can learn it
            y[i] = x[i * 6] + x[i * 6 + 1] > 0.5 ? 0 : x[i * 6 + 2] > 0 ? 1 : 2;
        }
        return new Dataset("extension", x, y, new int[] {6}, List.of("a", "b", "c"), "generated");
    }

    @Test
    void summaryCountsTheUsersLayer() {
        assertEquals((6 + 1) * 12 + (4 * 3 + 3), MODEL.trainableParameters());
    }

    @Test
    void gradientThroughTheUsersLayerAndActivationMatchesCentralDifferences() {
        Dataset batch = data(10, 3);
        double step = 1e-3;
        try (CompiledModel m = ModelCompiler.compile(MODEL, TrainingConfig.of(Sgd.of(0.1), 7))) {
            Map<String, float[]> weights = m.weights();
            Map<String, float[]> analytic = m.gradients(batch);
            assertEquals(List.of("maxout_1/kernel", "maxout_1/bias", "dense_1/kernel", "dense_1/bias"),
                    List.copyOf(weights.keySet()));
            int checked = 0;
            for (String name : weights.keySet()) {
                float[] w = weights.get(name);
                for (int i = 0; i < w.length; i++) {
                    float original = w[i];
                    w[i] = (float) (original + step);
                    m.setWeights(Map.of(name, w));
                    double plus = m.trainingLoss(batch);
                    w[i] = (float) (original - step);
                    m.setWeights(Map.of(name, w));
                    double minus = m.trainingLoss(batch);
                    w[i] = original;
                    m.setWeights(Map.of(name, w));
                    double numeric = (plus - minus) / (2 * step);
                    double got = analytic.get(name)[i];
                    assertEquals(numeric, got, 2e-3 + 2e-2 * Math.abs(numeric), name + "[" + i + "]");
                    checked++;
                }
            }
            assertEquals(MODEL.trainableParameters(), checked);
        }
    }

    @Test
    void theUsersLayerTrains() {
        Dataset train = data(300, 5);
        try (CompiledModel m = ModelCompiler.compile(MODEL, TrainingConfig.of(new Adam(0.01, 0.9, 0.999, 1e-8), 2))) {
            double before = m.evaluate(train).loss();
            History h = m.fit(train, FitOptions.builder(30, 32).build());
            assertTrue(h.last().trainLoss() < 0.6 * before, "loss " + before + " -> " + h.last().trainLoss());
            assertTrue(m.evaluate(train).accuracy() > 0.8, "accuracy " + m.evaluate(train).accuracy());
        }
    }

    /** A layer type nobody registered a lowering for. */
    private record Unregistered() implements Layer {
        @Override
        public String typeName() {
            return "Unregistered";
        }

        @Override
        public String describe() {
            return "Unregistered()";
        }

        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long paramCount(Shape input) {
            return 0;
        }
    }

    @Test
    void aLayerWithoutLoweringFailsAtCompileTimeNamingIt() {
        Sequential model = Sequential.of(input(6), new Unregistered(), dense(3).softmax());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.1), 1)));
        assertTrue(e.getMessage().contains("no lowering for layer unregistered_1 (Unregistered()), type "
                + Unregistered.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/org.activationlab.tf.spi.LayerLowering"),
                e.getMessage());
    }
}
