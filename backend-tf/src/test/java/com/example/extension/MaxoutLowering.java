package com.example.extension;

import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Compiles {@link Maxout}: one {@code [in, units * pieces]} matrix product, then the max over each unit's pieces. */
public final class MaxoutLowering implements LayerLowering<Maxout> {

    @Override
    public Class<Maxout> layerType() {
        return Maxout.class;
    }

    @Override
    public boolean mixesFeatures() {
        return true;
    }

    @Override
    public LoweredLayer lower(Maxout m, LoweringContext c) {
        long in = c.inputShape().last();
        long out = (long) m.units() * m.pieces();
        Operand<TFloat32> kernel = c.parameter("kernel", new long[] {in, out},
                c.uniform(in * out, c.initializer().limit(in, out)));
        Operand<TFloat32> bias = c.parameter("bias", new long[] {out}, new float[(int) out]);
        return (x, f) -> {
            Ops tf = f.tf();
            Operand<TFloat32> affine = tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
            Operand<TFloat32> pieces = tf.reshape(affine, tf.constant(new int[] {-1, m.units(), m.pieces()}));
            return tf.max(pieces, tf.constant(2));
        };
    }
}
