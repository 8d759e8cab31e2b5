package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Selu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** TensorFlow's Selu (Klambauer et al.'s fixed alpha and scale). */
public final class SeluLowering implements ActivationLowering<Selu> {

    @Override
    public Class<Selu> activationType() {
        return Selu.class;
    }

    @Override
    public LoweredActivation lower(Selu a, LoweringContext c) {
        return (x, f) -> f.tf().nn.selu(x);
    }
}
