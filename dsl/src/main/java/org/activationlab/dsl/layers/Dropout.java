package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/**
 * Inverted dropout: while training, each element is zeroed with probability {@code rate} and the rest are scaled
 * by {@code 1 / (1 - rate)}; at inference it is the identity. {@code rate} is the fraction dropped, as PyTorch's
 * {@code p} and Keras's {@code rate} (not a keep probability).
 *
 * @param rate probability of dropping an element, in [0, 1)
 */
public record Dropout(double rate) implements Layer {

    public Dropout {
        Spatial.requireRate("Dropout", rate);
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    @Override
    public String describe() {
        return "Dropout(rate=" + rate + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
