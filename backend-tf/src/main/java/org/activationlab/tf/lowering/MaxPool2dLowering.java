package org.activationlab.tf.lowering;

import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's MaxPoolV2 over NHWC windows. */
public final class MaxPool2dLowering implements LayerLowering<MaxPool2d> {

    @Override
    public Class<MaxPool2d> layerType() {
        return MaxPool2d.class;
    }

    @Override
    public LoweredLayer lower(MaxPool2d m, LoweringContext c) {
        return (x, f) -> f.tf().nn.maxPool(x, f.tf().constant(new int[] {1, m.poolH(), m.poolW(), 1}),
                f.tf().constant(new int[] {1, m.strideH(), m.strideW(), 1}), m.padding().name());
    }
}
