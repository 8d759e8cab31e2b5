package org.activationlab.tf.lowering;

import java.util.List;
import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's AvgPool over NHWC windows. */
public final class AvgPool2dLowering implements LayerLowering<AvgPool2d> {

    @Override
    public Class<AvgPool2d> layerType() {
        return AvgPool2d.class;
    }

    @Override
    public LoweredLayer lower(AvgPool2d a, LoweringContext c) {
        List<Long> window = List.of(1L, (long) a.poolH(), (long) a.poolW(), 1L);
        List<Long> strides = List.of(1L, (long) a.strideH(), (long) a.strideW(), 1L);
        return (x, f) -> f.tf().nn.avgPool(x, window, strides, a.padding().name());
    }
}
