package org.activationlab.tf.lowering;

import org.activationlab.dsl.layers.Dropout;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.types.TInt64;

/** Inverted element dropout in training passes, the identity otherwise. */
public final class DropoutLowering implements LayerLowering<Dropout> {

    @Override
    public Class<Dropout> layerType() {
        return Dropout.class;
    }

    @Override
    public LoweredLayer lower(Dropout d, LoweringContext c) {
        long seed = c.seed();
        return (x, f) -> f.training() && d.rate() > 0
                ? DropoutOps.apply(f, x, d.rate(), f.tf().shape(x, TInt64.class), seed) : x;
    }
}
