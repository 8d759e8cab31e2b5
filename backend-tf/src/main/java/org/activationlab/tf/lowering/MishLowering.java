package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Mish;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** {@code x * tanh(softplus(x))} from ops with registered gradients. */
public final class MishLowering implements ActivationLowering<Mish> {

    @Override
    public Class<Mish> activationType() {
        return Mish.class;
    }

    @Override
    public LoweredActivation lower(Mish a, LoweringContext c) {
        return (x, f) -> f.tf().math.mul(x, f.tf().math.tanh(f.tf().math.softplus(x)));
    }
}
