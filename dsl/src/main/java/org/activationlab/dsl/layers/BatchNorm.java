package org.activationlab.dsl.layers;

import java.util.Optional;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;

/**
 * Batch normalisation over the last (channel) axis: each channel is normalised with the batch's mean and variance
 * while training and with moving averages of them at inference, then scaled by {@code gamma} and shifted by
 * {@code beta}. Works on images (PyTorch's {@code BatchNorm2d}) and flat inputs ({@code BatchNorm1d}).
 *
 * <p>Defaults follow PyTorch: momentum 0.1 with {@code moving = (1 - momentum) * moving + momentum * batch}, and
 * epsilon 1e-5. Keras uses the opposite convention, {@code moving = momentum * moving + (1 - momentum) * batch},
 * with momentum 0.99 and epsilon 1e-3; Keras's 0.99 is PyTorch's 0.01, so do not copy the number across.
 *
 * <p>{@code gamma} and {@code beta} are trainable ({@link #paramCount}); the moving mean and variance are
 * non-trainable ({@link #nonTrainableParamCount}), buffers in PyTorch's terms.
 *
 * @param momentum weight of the current batch in the moving averages, in (0, 1]
 * @param epsilon added to the variance before the square root, > 0
 * @param center whether to learn the shift {@code beta}
 * @param scale whether to learn the scale {@code gamma}
 * @param fusedActivation the activation applied after, or {@code null} for none
 */
public record BatchNorm(double momentum, double epsilon, boolean center, boolean scale, Activation fusedActivation)
        implements Activatable<BatchNorm> {

    public BatchNorm {
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm momentum must be in (0, 1], got " + momentum
                    + "; it is the weight of the current batch (PyTorch convention, default 0.1)");
        }
        if (!(epsilon > 0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("BatchNorm epsilon must be finite and > 0, got " + epsilon);
        }
    }

    /** PyTorch's defaults: momentum 0.1, epsilon 1e-5, with both beta and gamma, and no activation. */
    public BatchNorm() {
        this(0.1, 1e-5, true, true, null);
    }

    @Override
    public BatchNorm activation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("BatchNorm activation must not be null");
        }
        return new BatchNorm(momentum, epsilon, center, scale, activation);
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(fusedActivation);
    }

    @Override
    public String typeName() {
        return "BatchNorm";
    }

    @Override
    public String describe() {
        return "BatchNorm(momentum=" + momentum + ", epsilon=" + epsilon + ", center=" + center + ", scale=" + scale
                + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    /** {@code gamma} and {@code beta}: one each per channel when enabled. */
    @Override
    public long paramCount(Shape input) {
        return (center ? input.last() : 0L) + (scale ? input.last() : 0L);
    }

    /** The moving mean and moving variance: one each per channel. */
    @Override
    public long nonTrainableParamCount(Shape input) {
        return 2L * input.last();
    }
}
