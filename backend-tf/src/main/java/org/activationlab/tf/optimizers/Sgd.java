package org.activationlab.tf.optimizers;

import java.util.Locale;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD} (dampening 0): with weight decay the gradient
 * becomes {@code g + weightDecay * p} (coupled L2, applied to every parameter, biases and batch-norm scales
 * included, as PyTorch does); with momentum {@code buf = momentum * buf + g} and {@code p -= lr * buf}, or with
 * Nesterov {@code p -= lr * (g + momentum * buf)}. This equals TensorFlow's ApplyMomentum.
 *
 * @param learningRate step size, > 0
 * @param momentum momentum coefficient in [0, 1); 0 is plain SGD
 * @param nesterov use Nesterov momentum (needs momentum > 0)
 * @param weightDecay L2 coefficient added to the gradient, >= 0 (He et al.'s CIFAR ResNets: 1e-4)
 */
public record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) implements Optimizer {

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
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("Sgd weight decay must be >= 0 and finite, got " + weightDecay);
        }
    }

    /** SGD without weight decay. */
    public Sgd(double learningRate, double momentum, boolean nesterov) {
        this(learningRate, momentum, nesterov, 0);
    }

    /** Plain SGD. */
    public static Sgd of(double learningRate) {
        return new Sgd(learningRate, 0, false, 0);
    }

    /** The same optimizer with coupled L2 weight decay. */
    public Sgd withWeightDecay(double weightDecay) {
        return new Sgd(learningRate, momentum, nesterov, weightDecay);
    }

    @Override
    public String describe() {
        String decay = weightDecay == 0 ? "" : ", weight_decay=" + weightDecay;
        return String.format(Locale.ROOT, "SGD(lr=%s, momentum=%s, nesterov=%s%s)", learningRate, momentum, nesterov,
                decay);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sgd(this);
    }
}
