package org.activationlab.dsl.activations;

import java.util.Map;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Initializer;

/**
 * Softmax over the last dimension of a flat input. As a model's last activation with a cross-entropy loss, a
 * backend trains on the logits before it with a fused, numerically stable softmax cross-entropy.
 */
public record Softmax() implements Activation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String typeName() {
        return "Softmax";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of();
    }

    @Override
    public void checkInput(Shape input) {
        if (input.rank() != 1) {
            throw new IllegalArgumentException("Softmax expects a flat input [-1, classes] but got " + input.withBatch()
                    + "; add flatten() before it");
        }
    }

    @Override
    public Initializer preferredInitializer() {
        return Initializer.GLOROT_UNIFORM;
    }

    /** Softmax of a vector, computed stably by subtracting its maximum. */
    public static double[] apply(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
