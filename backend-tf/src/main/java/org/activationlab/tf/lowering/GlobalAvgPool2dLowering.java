package org.activationlab.tf.lowering;

import org.activationlab.dsl.layers.GlobalAvgPool2d;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/** The mean over height and width. */
public final class GlobalAvgPool2dLowering implements LayerLowering<GlobalAvgPool2d> {

    @Override
    public Class<GlobalAvgPool2d> layerType() {
        return GlobalAvgPool2d.class;
    }

    @Override
    public LoweredLayer lower(GlobalAvgPool2d g, LoweringContext c) {
        return (x, f) -> f.tf().math.mean(x, f.tf().constant(new int[] {1, 2}));
    }
}
