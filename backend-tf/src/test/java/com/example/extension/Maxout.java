package com.example.extension;

import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Layer;

/**
 * A layer the project does not ship, defined as a user would: Goodfellow et al.'s maxout, the maximum of
 * {@code pieces} affine maps per output unit.
 *
 * @param units output features, > 0
 * @param pieces affine pieces per unit, > 1
 */
public record Maxout(int units, int pieces) implements Layer {

    public Maxout {
        if (units <= 0 || pieces <= 1) {
            throw new IllegalArgumentException("Maxout needs units > 0 and pieces > 1, got " + units + " and "
                    + pieces);
        }
    }

    @Override
    public String typeName() {
        return "Maxout";
    }

    @Override
    public String describe() {
        return "Maxout(units=" + units + ", pieces=" + pieces + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1) {
            throw new IllegalArgumentException("expects a flat input, got " + input.withBatch());
        }
        return Shape.of(units);
    }

    @Override
    public long paramCount(Shape input) {
        return ((long) input.last() + 1) * units * pieces;
    }
}
