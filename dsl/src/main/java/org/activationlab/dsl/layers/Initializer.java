package org.activationlab.dsl.layers;

/**
 * How a layer's weights are drawn before training: uniform on {@code [-limit, limit]} with a limit that keeps
 * the activations' variance stable for the activation that follows. Biases start at zero.
 */
public enum Initializer {
    /** Glorot/Xavier uniform, {@code sqrt(6 / (fanIn + fanOut))}: for sigmoid, tanh, softmax and linear outputs. */
    GLOROT_UNIFORM,
    /** He/Kaiming uniform, {@code sqrt(6 / fanIn)}: for the ReLU family, whose negative half is (near) zero. */
    HE_UNIFORM,
    /** LeCun uniform, {@code sqrt(3 / fanIn)}: the variance SELU's self-normalisation assumes. */
    LECUN_UNIFORM;

    /** The half-width of the uniform distribution for the given fan-in and fan-out. */
    public double limit(long fanIn, long fanOut) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("fan-in and fan-out must be > 0, got " + fanIn + " and " + fanOut);
        }
        return switch (this) {
            case GLOROT_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
            case LECUN_UNIFORM -> Math.sqrt(3.0 / fanIn);
        };
    }
}
