package org.activationlab.tf.lowering;

import java.util.List;
import org.activationlab.tf.spi.ForwardContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Inverted dropout shared by the element and channel variants. */
final class DropoutOps {

    private DropoutOps() {
    }

    /**
     * Keeps each unit (or each channel, by {@code noiseShape}) with probability {@code 1 - rate} and scales kept
     * ones by {@code 1 / (1 - rate)}, so inference needs no rescaling. The mask is drawn from the stateless
     * generator seeded by the layer's seed and the step: reproducible, and fixed while the step does not change.
     */
    static Operand<TFloat32> apply(ForwardContext f, Operand<TFloat32> h, double rate, Operand<TInt64> noiseShape,
            long seed) {
        Ops tf = f.tf();
        float keep = (float) (1 - rate);
        Operand<TInt64> maskSeed = tf.stack(List.of(tf.constant(seed), f.step()));
        Operand<TFloat32> uniform = tf.random.statelessRandomUniform(noiseShape, maskSeed, TFloat32.class);
        Operand<TFloat32> mask = tf.math.mul(tf.math.floor(tf.math.add(uniform, tf.constant(keep))),
                tf.constant(1f / keep));
        return tf.math.mul(h, mask);
    }
}
