package org.activationlab.tf.optimizers;

import java.util.Locale;

/**
 * RMSprop as PyTorch's {@code torch.optim.RMSprop}: {@code v = alpha * v + (1 - alpha) * g^2}; centered also keeps
 * {@code gAvg = alpha * gAvg + (1 - alpha) * g} and uses {@code v - gAvg^2}; the step divides by
 * {@code sqrt(v) + epsilon}, epsilon <em>outside</em> the square root (TensorFlow's ApplyRMSProp and Keras put it
 * inside, {@code sqrt(v + epsilon)}); with momentum {@code buf = momentum * buf + g / (sqrt(v) + epsilon)} and
 * {@code p -= lr * buf}, else {@code p -= lr * g / (sqrt(v) + epsilon)}. Weight decay is coupled, as in
 * {@link Sgd}. {@link #defaults()} are PyTorch's (lr 0.01, alpha 0.99, epsilon 1e-8); Keras uses lr 1e-3,
 * rho 0.9, epsilon 1e-7.
 *
 * @param learningRate step size, > 0
 * @param alpha smoothing constant of the squared-gradient average, in [0, 1)
 * @param epsilon added to the root, > 0
 * @param momentum in [0, 1)
 * @param centered normalise by the estimated variance of the gradient instead of its second moment
 * @param weightDecay L2 coefficient added to the gradient, >= 0
 */
public record RmsProp(double learningRate, double alpha, double epsilon, double momentum, boolean centered,
        double weightDecay) implements Optimizer {

    public RmsProp {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("RmsProp learning rate must be > 0 and finite, got " + learningRate);
        }
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("RmsProp alpha must be in [0, 1), got " + alpha);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("RmsProp epsilon must be > 0, got " + epsilon);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("RmsProp momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("RmsProp weight decay must be >= 0 and finite, got " + weightDecay);
        }
    }

    /** PyTorch's defaults: lr 0.01, alpha 0.99, epsilon 1e-8, no momentum, not centered, no weight decay. */
    public static RmsProp defaults() {
        return new RmsProp(0.01, 0.99, 1e-8, 0, false, 0);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "RMSprop(lr=%s, alpha=%s, epsilon=%s, momentum=%s, centered=%s, "
                + "weight_decay=%s)", learningRate, alpha, epsilon, momentum, centered, weightDecay);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.rmsProp(this);
    }
}
