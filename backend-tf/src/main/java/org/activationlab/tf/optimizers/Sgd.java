package org.activationlab.tf.optimizers;

import java.util.Locale;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum in TensorFlow's formulation
 * {@code accum = momentum * accum + grad; var -= lr * accum}.
 *
 * @param learningRate step size, > 0
 * @param momentum momentum coefficient in [0, 1); 0 is plain SGD
 * @param nesterov use Nesterov momentum (needs momentum > 0)
 */
public record Sgd(double learningRate, double momentum, boolean nesterov) implements Optimizer {

    public Sgd {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Sgd learning rate must be > 0 and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Sgd momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Sgd with nesterov=true needs momentum > 0, got 0");
        }
    }

    /** Plain SGD. */
    public static Sgd of(double learningRate) {
        return new Sgd(learningRate, 0, false);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SGD(lr=%s, momentum=%s, nesterov=%s)", learningRate, momentum, nesterov);
    }
}
