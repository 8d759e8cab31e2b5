package org.activationlab.dsl.layers;

/**
 * How a sliding window (convolution or pooling) treats the border of an image, with TensorFlow's semantics.
 * PyTorch's explicit {@code padding=p} is {@link Conv2d#padding(int)}: zero padding followed by {@link #VALID}.
 */
public enum Padding {
    /** No padding: only windows that fit inside the input, {@code out = floor((in - window) / stride) + 1}. */
    VALID,
    /**
     * Pads so that {@code out = ceil(in / stride)}; when the padding is odd the extra row or column goes at the
     * bottom or right (TensorFlow), unlike a symmetric PyTorch padding.
     */
    SAME;

    /** The output length along one axis; zero or less when a VALID window does not fit. */
    public int outputSize(int in, int window, int stride) {
        return switch (this) {
            case VALID -> Math.floorDiv(in - window, stride) + 1;
            case SAME -> (in + stride - 1) / stride;
        };
    }
}
