package org.activationlab.dsl.blocks;

/** How a residual block carries its input to the sum. */
public enum Shortcut {
    /** The input itself; the branch must keep its shape. */
    IDENTITY,
    /**
     * He et al.'s option A for CIFAR: subsample by the branch's stride (every {@code s}-th row and column) and pad
     * the new channels with zeros, split evenly before and after; no parameters.
     */
    ZERO_PAD,
    /** He et al.'s option B: a 1x1 convolution at the branch's stride, without bias, then batch norm. */
    PROJECTION
}
