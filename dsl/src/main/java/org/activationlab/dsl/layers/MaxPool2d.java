package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/**
 * The maximum over each window of each channel of an NHWC image. {@link org.activationlab.dsl.Layers#maxPool(int)}
 * uses a stride equal to the window and VALID padding, as PyTorch's {@code MaxPool2d(k)} and Keras's
 * {@code MaxPooling2D}. SAME padding never picks a padded value (TensorFlow).
 *
 * @param poolH window height, > 0
 * @param poolW window width, > 0
 * @param strideH vertical step, > 0
 * @param strideW horizontal step, > 0
 * @param padding VALID or SAME
 */
public record MaxPool2d(int poolH, int poolW, int strideH, int strideW, Padding padding) implements Layer {

    public MaxPool2d {
        Spatial.requireWindow("MaxPool2d", "pool", poolH, poolW, strideH, strideW, padding);
    }

    /** A square window with stride equal to its size, VALID. */
    public MaxPool2d(int size) {
        this(size, size, size, size, Padding.VALID);
    }

    /** The same pooling moving its window by {@code stride} in both directions. */
    public MaxPool2d stride(int stride) {
        return new MaxPool2d(poolH, poolW, stride, stride, padding);
    }

    /** The same pooling with VALID or SAME padding. */
    public MaxPool2d padding(Padding padding) {
        return new MaxPool2d(poolH, poolW, strideH, strideW, padding);
    }

    @Override
    public String typeName() {
        return "MaxPool2d";
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
