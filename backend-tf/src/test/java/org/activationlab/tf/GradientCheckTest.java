package org.activationlab.tf;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference check of the compiled graph: the gradient the training step applies must match the change
 * of the loss when each weight is nudged, for every activation the backend supports.
 */
class GradientCheckTest {

    static Stream<Activation> activations() {
        return Stream.of("relu", "leaky_relu:0.01", "sigmoid", "tanh", "elu", "elu:0.5", "selu", "prelu",
                "prelu:0.1,per_channel=true", "softplus", "swish", "mish", "gelu").map(Activations::parse);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void gradientsMatchFiniteDifferences(Activation activation) {
        Sequential mlp = Sequential.of(input(6), dense(5).activation(activation), dense(4).activation(activation),
                dense(3).softmax());
        Dataset batch = randomBatch(8, 6, 3, 11);
        try (CompiledModel model = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.1), 3))) {
            Map<String, float[]> weights = model.weights();
            Map<String, float[]> analytic = model.gradients(batch);
            assertEquals(weights.keySet(), analytic.keySet());
            double h = 1e-3;
            double base = model.evaluate(batch).loss();
            int checked = 0;
            for (String name : weights.keySet()) {
                float[] w = weights.get(name);
                for (int i = 0; i < w.length; i++) {
                    float original = w[i];
                    w[i] = (float) (original + h);
                    model.setWeights(Map.of(name, w));
                    double plus = model.evaluate(batch).loss();
                    w[i] = (float) (original - h);
                    model.setWeights(Map.of(name, w));
                    double minus = model.evaluate(batch).loss();
                    w[i] = original;
                    model.setWeights(Map.of(name, w));
                    double numeric = (plus - minus) / (2 * h);
                    double got = analytic.get(name)[i];
                    // where a nudge moves a unit across a kink (ReLU at 0), the gradient equals one one-sided slope
                    boolean matches = close(got, numeric) || close(got, (plus - base) / h)
                            || close(got, (base - minus) / h);
                    assertTrue(matches, activation.spec() + " " + name + "[" + i + "]: autodiff " + got
                            + ", central difference " + numeric + ", one-sided " + (plus - base) / h + " and "
                            + (base - minus) / h);
                    checked++;
                }
            }
            assertEquals(mlp.trainableParameters(), checked);
        }
    }

    private static boolean close(double got, double expected) {
        return Math.abs(got - expected) <= 2e-3 + 2e-2 * Math.abs(expected);
    }

    private static Dataset randomBatch(int n, int features, int classes, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 1.5);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        return new Dataset("random", x, y, new int[] {features}, List.of("a", "b", "c"), "generated");
    }
}
