package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Relu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's Relu. */
public final class ReluLowering implements ActivationLowering<Relu> {

    @Override
    public Class<Relu> activationType() {
        return Relu.class;
    }

    @Override
    public LoweredActivation lower(Relu a, LoweringContext c) {
        return (x, f) -> f.tf().nn.relu(x);
    }
}
