package org.activationlab.dsl.layers;

import java.util.Optional;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;

/**
 * A 2-D convolution over NHWC images, optionally followed by an activation. Defaults, as in both PyTorch and
 * Keras: stride 1, no padding, with bias. PyTorch's {@code padding=p} is {@link #padding(int)}; for VGG's 3x3
 * kernels at stride 1, {@code padding(1)} computes exactly what {@link Padding#SAME} does, and in general an odd
 * kernel {@code k} at stride 1 with padding {@code (k - 1) / 2} equals SAME. At larger strides they may differ.
 *
 * @param filters output channels, > 0
 * @param kernelHeight window height, > 0
 * @param kernelWidth window width, > 0
 * @param strideH vertical step, > 0
 * @param strideW horizontal step, > 0
 * @param padding VALID or SAME
 * @param padH zero rows added at the top and at the bottom, >= 0; only with VALID
 * @param padW zero columns added at the left and at the right, >= 0; only with VALID
 * @param bias whether to add one bias per filter
 * @param fusedActivation the activation applied after, or {@code null} for none
 */
public record Conv2d(int filters, int kernelHeight, int kernelWidth, int strideH, int strideW, Padding padding,
        int padH, int padW, boolean bias, Activation fusedActivation) implements Activatable<Conv2d> {

    public Conv2d {
        Spatial.requirePositive("Conv2d filters", filters);
        Spatial.requireWindow("Conv2d", "kernel", kernelHeight, kernelWidth, strideH, strideW, padding);
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("Conv2d explicit padding must be >= 0, got " + padH + "x" + padW);
        }
        if (padding == Padding.SAME && padH + padW > 0) {
            throw new IllegalArgumentException("Conv2d explicit padding " + padH + "x" + padW
                    + " cannot be combined with Padding.SAME, which already pads; use one or the other");
        }
    }

    /** A square kernel at stride 1, VALID, with bias and no activation. */
    public Conv2d(int filters, int kernel) {
        this(filters, kernel, kernel, 1, 1, Padding.VALID, 0, 0, true, null);
    }

    /** The same layer moving its window by {@code stride} in both directions. */
    public Conv2d stride(int stride) {
        return new Conv2d(filters, kernelHeight, kernelWidth, stride, stride, padding, padH, padW, bias,
                fusedActivation);
    }

    /** The same layer with VALID or SAME padding and no explicit padding. */
    public Conv2d padding(Padding padding) {
        return new Conv2d(filters, kernelHeight, kernelWidth, strideH, strideW, padding, 0, 0, bias,
                fusedActivation);
    }

    /** The same layer with {@code pad} zeros on every side, as PyTorch's {@code padding=pad}. */
    public Conv2d padding(int pad) {
        return new Conv2d(filters, kernelHeight, kernelWidth, strideH, strideW, Padding.VALID, pad, pad, bias,
                fusedActivation);
    }

    /** The same layer with or without a bias per filter. */
    public Conv2d withBias(boolean bias) {
        return new Conv2d(filters, kernelHeight, kernelWidth, strideH, strideW, padding, padH, padW, bias,
                fusedActivation);
    }

    @Override
    public Conv2d activation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("Conv2d activation must not be null");
        }
        return new Conv2d(filters, kernelHeight, kernelWidth, strideH, strideW, padding, padH, padW, bias,
                activation);
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(fusedActivation);
    }

    @Override
    public String typeName() {
        return "Conv2d";
    }

    @Override
    public String describe() {
        String pad = padH + padW > 0 ? padH + "x" + padW : padding.name();
        return "Conv2d(filters=" + filters + ", kernel=" + kernelHeight + "x" + kernelWidth + ", stride=" + strideH
                + "x" + strideW + ", padding=" + pad + ", bias=" + bias + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        int[] hw = Spatial.slide(input, "kernel", kernelHeight, kernelWidth, strideH, strideW, padding, padH, padW);
        return Shape.of(hw[0], hw[1], filters);
    }

    @Override
    public long paramCount(Shape input) {
        return (long) kernelHeight * kernelWidth * input.last() * filters + (bias ? filters : 0);
    }
}
