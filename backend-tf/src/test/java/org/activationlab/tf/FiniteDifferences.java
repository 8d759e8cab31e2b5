package org.activationlab.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activationlab.data.Dataset;

/** Central-difference checks of a compiled model's gradients, and random batches to run them on. */
final class FiniteDifferences {

    private static final double STEP = 1e-3;

    private FiniteDifferences() {
    }

    /**
     * Asserts that the gradient of the training loss matches the change of the training loss when each trainable
     * value is nudged by {@value #STEP} either way, for every trainable value of the model.
     *
     * @return the number of values checked
     */
    static int check(CompiledModel model, Dataset batch, String label) {
        Map<String, float[]> weights = model.weights();
        Map<String, float[]> analytic = model.gradients(batch);
        assertEquals(weights.keySet(), analytic.keySet());
        double base = model.trainingLoss(batch);
        int checked = 0;
        for (String name : weights.keySet()) {
            float[] w = weights.get(name);
            for (int i = 0; i < w.length; i++) {
                float original = w[i];
                w[i] = (float) (original + STEP);
                model.setWeights(Map.of(name, w));
                double plus = model.trainingLoss(batch);
                w[i] = (float) (original - STEP);
                model.setWeights(Map.of(name, w));
                double minus = model.trainingLoss(batch);
                w[i] = original;
                model.setWeights(Map.of(name, w));
                double numeric = (plus - minus) / (2 * STEP);
                double got = analytic.get(name)[i];
                // where a nudge moves a unit across a kink (ReLU at 0), the gradient equals one one-sided slope
                boolean matches = close(got, numeric) || close(got, (plus - base) / STEP)
                        || close(got, (base - minus) / STEP);
                assertTrue(matches, label + " " + name + "[" + i + "]: autodiff " + got + ", central difference "
                        + numeric + ", one-sided " + (plus - base) / STEP + " and " + (base - minus) / STEP);
                checked++;
            }
        }
        return checked;
    }

    private static boolean close(double got, double expected) {
        return Math.abs(got - expected) <= 2e-3 + 2e-2 * Math.abs(expected);
    }

    /** {@code n} samples of the given shape with Gaussian features (sd 1.5) and labels cycling through classes. */
    static Dataset randomBatch(int n, int[] sampleShape, int classes, long seed) {
        Random random = new Random(seed);
        int features = 1;
        for (int d : sampleShape) {
            features *= d;
        }
        float[] x = new float[n * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 1.5);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
        return new Dataset("random", x, y, sampleShape, names, "generated");
    }
}
