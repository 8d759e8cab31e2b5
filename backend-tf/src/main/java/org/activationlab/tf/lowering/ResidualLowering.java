package org.activationlab.tf.lowering;

import org.activationlab.dsl.Shape;
import org.activationlab.dsl.blocks.Residual;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code branch(x) + shortcut(x)}; the block's fused activation follows the sum. The branch's layers are named
 * under the block ({@code residual_1/conv2d_1/kernel}), a projection's under {@code residual_1/shortcut/}. The
 * zero-padding shortcut subsamples with a 1x1 max pool at the stride (an exact copy of every s-th pixel) and pads
 * the extra channels with zeros, half before and half after, as the CIFAR ResNets of He et al. do.
 */
public final class ResidualLowering implements LayerLowering<Residual> {

    @Override
    public Class<Residual> layerType() {
        return Residual.class;
    }

    @Override
    public boolean mixesFeatures() {
        return true;
    }

    @Override
    public LoweredLayer lower(Residual r, LoweringContext c) {
        Shape in = c.inputShape();
        Shape out = c.outputShape();
        LoweredLayer branch = c.lowerChain("", r.branch().layers(), in, c.initializer());
        LoweredLayer shortcut = switch (r.shortcut()) {
            case IDENTITY -> (x, f) -> x;
            case PROJECTION -> c.lowerChain("shortcut", r.projection(in).layers(), in, c.initializer());
            case ZERO_PAD -> zeroPad(r.stride(in, out), in.last(), out.last());
        };
        return (x, f) -> f.tf().math.add(branch.forward(x, f), shortcut.forward(x, f));
    }

    private static LoweredLayer zeroPad(int stride, int inChannels, int outChannels) {
        int before = (outChannels - inChannels) / 2;
        int after = outChannels - inChannels - before;
        return (x, f) -> {
            Ops tf = f.tf();
            Operand<TFloat32> h = stride == 1 ? x : tf.nn.maxPool(x, tf.constant(new int[] {1, 1, 1, 1}),
                    tf.constant(new int[] {1, stride, stride, 1}), "VALID");
            return before + after == 0 ? h
                    : tf.pad(h, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, 0}, {before, after}}), tf.constant(0f));
        };
    }
}
