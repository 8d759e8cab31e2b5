package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/** The shape of one input sample; must be the first layer of a model. */
public record Input(Shape shape) implements Layer {

    public Input {
        if (shape == null) {
            throw new IllegalArgumentException("Input shape must not be null");
        }
    }

    @Override
    public String typeName() {
        return "Input";
    }

    @Override
    public String describe() {
        return "Input(shape=" + shape.withBatch() + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        return shape;
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
