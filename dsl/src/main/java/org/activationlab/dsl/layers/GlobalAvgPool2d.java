package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/**
 * The mean of each channel over the whole image: {@code [height, width, channels]} to {@code [channels]}, as
 * Keras's {@code GlobalAveragePooling2D}. PyTorch's {@code AdaptiveAvgPool2d(1)} keeps a 1x1 image and needs a
 * flatten after it; this layer does not.
 */
public record GlobalAvgPool2d() implements Layer {

    @Override
    public String typeName() {
        return "GlobalAvgPool2d";
    }

    @Override
    public String describe() {
        return "GlobalAvgPool2d()";
    }

    @Override
    public Shape outputShape(Shape input) {
        Spatial.requireImage(input);
        return Shape.of(input.last());
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
