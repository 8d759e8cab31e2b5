package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Elu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.op.Ops;

/**
 * TensorFlow's Elu for alpha 1; otherwise {@code alpha * elu(x) + (1 - alpha) * relu(x)}, which equals {@code x}
 * for {@code x > 0} and {@code alpha * (exp(x) - 1)} otherwise.
 */
public final class EluLowering implements ActivationLowering<Elu> {

    @Override
    public Class<Elu> activationType() {
        return Elu.class;
    }

    @Override
    public LoweredActivation lower(Elu e, LoweringContext c) {
        if (e.alpha() == 1.0) {
            return (x, f) -> f.tf().nn.elu(x);
        }
        return (x, f) -> {
            Ops tf = f.tf();
            return tf.math.add(tf.math.mul(tf.constant((float) e.alpha()), tf.nn.elu(x)),
                    tf.math.mul(tf.constant((float) (1.0 - e.alpha())), tf.nn.relu(x)));
        };
    }
}
