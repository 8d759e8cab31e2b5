package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/**
 * The mean over each window of each channel of an NHWC image. {@link org.activationlab.dsl.Layers#avgPool(int)}
 * uses a stride equal to the window and VALID padding, as PyTorch's {@code AvgPool2d(k)} and Keras's
 * {@code AveragePooling2D}. With SAME padding the padded positions are left out of the mean, as in TensorFlow
 * (PyTorch has no SAME pooling, and by default counts its explicit padding in the mean).
 *
 * @param poolH window height, > 0
 * @param poolW window width, > 0
 * @param strideH vertical step, > 0
 * @param strideW horizontal step, > 0
 * @param padding VALID or SAME
 */
public record AvgPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) implements Layer {

    public AvgPool2d {
        Spatial.requireWindow("AvgPool2d", "pool", poolH, poolW, strideH, strideW, padding);
    }

    /** A square window with stride equal to its size, VALID. */
    public AvgPool2d(int size) {
        this(size, size, size, size, Padding.VALID);
    }

    /** The same pooling moving its window by {@code stride} in both directions. */
    public AvgPool2d stride(int stride) {
        return new AvgPool2d(poolH, poolW, stride, stride, padding);
    }

    /** The same pooling with VALID or SAME padding. */
    public AvgPool2d padding(Padding padding) {
        return new AvgPool2d(poolH, poolW, strideH, strideW, padding);
    }

    @Override
    public String typeName() {
        return "AvgPool2d";
    }

    @Override
    public String describe() {
        return Spatial.describePool(typeName(), poolH, poolW, strideH, strideW, padding);
    }

    @Override
    public Shape outputShape(Shape input) {
        return Spatial.pooled(input, poolH, poolW, strideH, strideW, padding);
    }

    @Override
    public long paramCount(Shape input) {
        return 0;
    }
}
