package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/**
 * Dropout of whole channels of an NHWC image, as PyTorch's {@code Dropout2d} and Keras's
 * {@code SpatialDropout2D}: while training each channel of each sample is zeroed with probability {@code rate}
 * and the rest are scaled by {@code 1 / (1 - rate)}; at inference it is the identity. Neighbouring pixels are
 * strongly correlated, so dropping single pixels would barely regularise a convolution.
 *
 * @param rate probability of dropping a channel, in [0, 1)
 */
public record SpatialDropout(double rate) implements Layer {

    public SpatialDropout {
        Spatial.requireRate("SpatialDropout", rate);
    }

    @Override
    public String typeName() {
        return "SpatialDropout";
    }

    @Override
    public String describe() {
        return "SpatialDropout(rate=" + rate + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        Spatial.requireImage(input);
        return input;
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
