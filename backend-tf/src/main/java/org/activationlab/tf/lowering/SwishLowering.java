package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Swish;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** {@code x * sigmoid(x)} from ops with registered gradients. */
public final class SwishLowering implements ActivationLowering<Swish> {

    @Override
    public Class<Swish> activationType() {
        return Swish.class;
    }

    @Override
    public LoweredActivation lower(Swish a, LoweringContext c) {
        return (x, f) -> f.tf().math.mul(x, f.tf().math.sigmoid(x));
    }
}
