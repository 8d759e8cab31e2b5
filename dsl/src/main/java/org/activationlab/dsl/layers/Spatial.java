package org.activationlab.dsl.layers;

import org.activationlab.dsl.Shape;

/** Checks shared by the layers that work on NHWC images. */
final class Spatial {

    private Spatial() {
    }

    static void requirePositive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
    }

    /** Checks a sliding window's size, stride and padding; {@code window} names the size, e.g. "kernel" or "pool". */
    static void requireWindow(String layer, String window, int height, int width, int strideH, int strideW,
            Padding padding) {
        requirePositive(layer + " " + window + " height", height);
        requirePositive(layer + " " + window + " width", width);
        requirePositive(layer + " stride height", strideH);
        requirePositive(layer + " stride width", strideW);
        if (padding == null) {
            throw new IllegalArgumentException(layer + " padding must not be null; use Padding.VALID or Padding.SAME");
        }
    }

    /** The output of a pooling window over an image: the slid height and width, the input's channels. */
    static Shape pooled(Shape input, int poolH, int poolW, int strideH, int strideW, Padding padding) {
        int[] hw = slide(input, "pool", poolH, poolW, strideH, strideW, padding, 0, 0);
        return Shape.of(hw[0], hw[1], input.last());
    }

    /** A pooling layer's description, e.g. {@code MaxPool2d(pool=2x2, stride=2x2, padding=VALID)}. */
    static String describePool(String type, int poolH, int poolW, int strideH, int strideW, Padding padding) {
        return type + "(pool=" + poolH + "x" + poolW + ", stride=" + strideH + "x" + strideW + ", padding=" + padding
                + ")";
    }

    static void requireRate(String layer, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(layer + " rate must be in [0, 1), got " + rate
                    + "; it is the fraction of units dropped (PyTorch's p, Keras's rate), so 1 would drop everything");
        }
    }

    /** Rejects anything but {@code [height, width, channels]}, suggesting the likely fix. */
    static void requireImage(Shape input) {
        if (input.rank() == 3) {
            return;
        }
        String fix = switch (input.rank()) {
            case 1 -> "declare the input as an image, e.g. input(28, 28, 1), and put flatten() after the convolution "
                    + "and pooling layers";
            case 2 -> "add a channel dimension, e.g. input(" + input.dim(0) + ", " + input.dim(1) + ", 1)";
            default -> "shapes exclude the batch dimension, e.g. input(28, 28, 1)";
        };
        throw new IllegalArgumentException("expects an image [-1, height, width, channels] but got "
                + input.withBatch() + "; " + fix);
    }

    /**
     * The output height and width of a window sliding over an image padded by {@code padH} rows and {@code padW}
     * columns on each side.
     */
    static int[] slide(Shape input, String window, int kh, int kw, int sh, int sw, Padding padding, int padH,
            int padW) {
        requireImage(input);
        int h = input.dim(0) + 2 * padH;
        int w = input.dim(1) + 2 * padW;
        int outH = padding.outputSize(h, kh, sh);
        int outW = padding.outputSize(w, kw, sw);
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException(window + " " + kh + "x" + kw + " is larger than the "
                    + (padH + padW > 0 ? "padded " : "") + h + "x" + w + " input (height x width) with VALID padding; "
                    + "use a smaller " + window + ", Padding.SAME, or fewer downsampling layers before it");
        }
        return new int[] {outH, outW};
    }
}
