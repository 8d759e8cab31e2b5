package org.activationlab.tf.lowering;

import org.activationlab.dsl.layers.Flatten;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/** A reshape to {@code [-1, features]}. */
public final class FlattenLowering implements LayerLowering<Flatten> {

    @Override
    public Class<Flatten> layerType() {
        return Flatten.class;
    }

    @Override
    public LoweredLayer lower(Flatten layer, LoweringContext c) {
        int features = (int) c.outputShape().elements();
        return (x, f) -> f.tf().reshape(x, f.tf().constant(new int[] {-1, features}));
    }
}
