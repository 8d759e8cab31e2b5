package org.activationlab.tf.lowering;

import org.activationlab.dsl.activations.Gelu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The exact GELU {@code x * (1 + erf(x / sqrt 2)) / 2}, from ops with registered gradients. */
public final class GeluLowering implements ActivationLowering<Gelu> {

    @Override
    public Class<Gelu> activationType() {
        return Gelu.class;
    }

    @Override
    public LoweredActivation lower(Gelu g, LoweringContext c) {
        return (x, f) -> {
            Ops tf = f.tf();
            Operand<TFloat32> cdf = tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1f),
                    tf.math.erf(tf.math.mul(x, tf.constant((float) (1.0 / Math.sqrt(2.0)))))));
            return tf.math.mul(x, cdf);
        };
    }
}
