package org.activationlab.tf.optimizers;

import java.util.Locale;

/**
 * Adam (Kingma and Ba 2015) as TensorFlow's {@code ApplyAdam} (and Keras) computes it:
 * {@code p -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)}, epsilon added to the
 * uncorrected {@code sqrt(v)}. PyTorch adds it to the corrected {@code sqrt(v / (1 - beta2^t))}, so the two differ
 * only while {@code sqrt(v)} is comparable to epsilon. {@link #defaults()} uses PyTorch's epsilon 1e-8, the library
 * the CNN paper used; Keras uses 1e-7.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    public Adam {
        check("Adam", learningRate, beta1, beta2, epsilon);
    }

    /** The checks Adam and {@link AdamW} share; {@code name} starts each message. */
    static void check(String name, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(name + " learning rate must be > 0 and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + " betas must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException(name + " epsilon must be > 0, got " + epsilon);
        }
    }

    /** lr 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public static Adam defaults() {
        return new Adam(1e-3, 0.9, 0.999, 1e-8);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Adam(lr=%s, beta1=%s, beta2=%s, epsilon=%s)", learningRate, beta1, beta2,
                epsilon);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.adam(this);
    }
}
