package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Softplus;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's Softplus. */
public final class SoftplusLowering implements ActivationLowering<Softplus> {

    @Override
    public Class<Softplus> activationType() {
        return Softplus.class;
    }

    @Override
    public LoweredActivation lower(Softplus a, LoweringContext c) {
        return (x, f) -> f.tf().math.softplus(x);
    }
}
