package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.LeakyRelu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's LeakyRelu with the description's negative slope. */
public final class LeakyReluLowering implements ActivationLowering<LeakyRelu> {

    @Override
    public Class<LeakyRelu> activationType() {
        return LeakyRelu.class;
    }

    @Override
    public LoweredActivation lower(LeakyRelu a, LoweringContext c) {
        return (x, f) -> f.tf().nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha((float) a.negativeSlope()));
    }
}
