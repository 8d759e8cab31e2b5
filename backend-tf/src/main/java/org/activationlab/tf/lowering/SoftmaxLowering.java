package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Softmax;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;

/** Softmax over the last axis; a model's final softmax is left to the fused cross-entropy instead. */
public final class SoftmaxLowering implements ActivationLowering<Softmax> {

    @Override
    public Class<Softmax> activationType() {
        return Softmax.class;
    }

    @Override
    public LoweredActivation lower(Softmax a, LoweringContext c) {
        return (x, f) -> f.tf().nn.softmax(x);
    }
}
