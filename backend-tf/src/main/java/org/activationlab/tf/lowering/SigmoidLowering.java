package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Sigmoid;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's Sigmoid. */
public final class SigmoidLowering implements ActivationLowering<Sigmoid> {

    @Override
    public Class<Sigmoid> activationType() {
        return Sigmoid.class;
    }

    @Override
    public LoweredActivation lower(Sigmoid a, LoweringContext c) {
        return (x, f) -> f.tf().math.sigmoid(x);
    }
}
