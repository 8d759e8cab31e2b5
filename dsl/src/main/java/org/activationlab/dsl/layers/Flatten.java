package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/** Reshapes each sample to one dimension, keeping the batch dimension (NHWC order, row-major). */
public record Flatten() implements Layer {

    @Override
    public String typeName() {
        return "Flatten";
    }

    @Override
    public String describe() {
        return "Flatten()";
    }

    @Override
    public Shape outputShape(Shape input) {
        long n = input.elements();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot flatten " + input.withBatch() + ": " + n + " features is too many");
        }
        return Shape.of((int) n);
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
