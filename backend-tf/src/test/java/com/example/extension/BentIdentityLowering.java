package com.example.extension;

import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.op.Ops;

/** Compiles {@link BentIdentity} from Square, Sqrt, Sub, Mul and Add, which all have gradients. */
public final class BentIdentityLowering implements ActivationLowering<BentIdentity> {

    @Override
    public Class<BentIdentity> activationType() {
        return BentIdentity.class;
    }

    @Override
    public LoweredActivation lower(BentIdentity a, LoweringContext c) {
        return (x, f) -> {
            Ops tf = f.tf();
            return tf.math.add(x, tf.math.mul(tf.constant(0.5f),
                    tf.math.sub(tf.math.sqrt(tf.math.add(tf.math.square(x), tf.constant(1f))), tf.constant(1f))));
        };
    }
}
