package org.activationlab.tf.optimizers;

import java.util.Locale;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019) as PyTorch's {@code torch.optim.AdamW}: each step
 * first shrinks every parameter, {@code p *= 1 - lr * weightDecay} (with the step's scheduled rate), then applies
 * the {@link Adam} update to the gradient, which carries no decay term. Epsilon is placed as in {@link Adam}.
 *
 * @param learningRate step size, > 0
 * @param beta1 first-moment decay in [0, 1)
 * @param beta2 second-moment decay in [0, 1)
 * @param epsilon added to {@code sqrt(v)}, > 0
 * @param weightDecay decoupled decay coefficient, >= 0 (PyTorch's default 0.01; Keras's AdamW 0.004)
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements Optimizer {

    public AdamW {
        Adam.check("AdamW", learningRate, beta1, beta2, epsilon);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("AdamW weight decay must be >= 0 and finite, got " + weightDecay);
        }
    }

    /** PyTorch's defaults: lr 1e-3, betas 0.9/0.999, epsilon 1e-8, weight decay 0.01. */
    public static AdamW defaults() {
        return new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01);
    }

    /** The Adam part of the update. */
    public Adam adam() {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AdamW(lr=%s, beta1=%s, beta2=%s, epsilon=%s, weight_decay=%s)",
                learningRate, beta1, beta2, epsilon, weightDecay);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.adamW(this);
    }
}
