package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;

/**
 * An activation used as a layer of its own, e.g. {@code relu()} between a pooling and a convolution. Unlike a
 * fused activation ({@link Layer#activation()}), it is a row of its own in summaries even when standalone.
 */
public record ActivationLayer(Activation function) implements Layer {

    public ActivationLayer {
        if (function == null) {
            throw new IllegalArgumentException("ActivationLayer function must not be null");
        }
    }

    @Override
    public String typeName() {
        return function.typeName();
    }

    @Override
    public String describe() {
        return function.displayName();
    }

    @Override
    public Shape outputShape(Shape input) {
        function.checkInput(input);
        return input;
    }

    @Override
    public long paramCount(Shape input) {
        return function.paramCount(input);
    }
}
