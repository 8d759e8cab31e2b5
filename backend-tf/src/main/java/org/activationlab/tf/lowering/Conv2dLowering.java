package org.activationlab.tf.lowering;

import java.util.List;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Padding;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A convolution with an HWIO kernel over NHWC images; PyTorch's explicit padding is a zero pad followed by a
 * VALID convolution.
 */
public final class Conv2dLowering implements LayerLowering<Conv2d> {

    @Override
    public Class<Conv2d> layerType() {
        return Conv2d.class;
    }

    @Override
    public boolean mixesFeatures() {
        return true;
    }

    @Override
    public LoweredLayer lower(Conv2d conv, LoweringContext c) {
        long window = (long) conv.kernelHeight() * conv.kernelWidth();
        long channels = c.inputShape().last();
        long fanIn = window * channels;
        Operand<TFloat32> kernel = c.parameter("kernel",
                new long[] {conv.kernelHeight(), conv.kernelWidth(), channels, conv.filters()},
                c.uniform(fanIn * conv.filters(), c.initializer().limit(fanIn, window * conv.filters())));
        Operand<TFloat32> bias = conv.bias()
                ? c.parameter("bias", new long[] {conv.filters()}, new float[conv.filters()]) : null;
        List<Long> strides = List.of(1L, (long) conv.strideH(), (long) conv.strideW(), 1L);
        String padding = conv.padding() == Padding.SAME ? "SAME" : "VALID";
        return (x, f) -> {
            Operand<TFloat32> in = x;
            if (conv.padH() + conv.padW() > 0) {
                in = f.tf().pad(x, f.tf().constant(new int[][] {{0, 0}, {conv.padH(), conv.padH()},
                        {conv.padW(), conv.padW()}, {0, 0}}), f.tf().constant(0f));
            }
            Operand<TFloat32> h = f.tf().nn.conv2d(in, kernel, strides, padding);
            return bias == null ? h : f.tf().nn.biasAdd(h, bias);
        };
    }
}
