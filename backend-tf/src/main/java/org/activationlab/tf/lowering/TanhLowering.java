package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Tanh;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's Tanh. */
public final class TanhLowering implements ActivationLowering<Tanh> {

    @Override
    public Class<Tanh> activationType() {
        return Tanh.class;
    }

    @Override
    public LoweredActivation lower(Tanh a, LoweringContext c) {
        return (x, f) -> f.tf().math.tanh(x);
    }
}
