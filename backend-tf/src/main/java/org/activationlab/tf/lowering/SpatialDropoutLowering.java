package org.activationlab.tf.lowering;

import java.util.List;
import org.activationlab.dsl.layers.SpatialDropout;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/** Dropout of whole channels: one draw per sample and channel, broadcast over height and width. */
public final class SpatialDropoutLowering implements LayerLowering<SpatialDropout> {

    @Override
    public Class<SpatialDropout> layerType() {
        return SpatialDropout.class;
    }

    @Override
    public LoweredLayer lower(SpatialDropout d, LoweringContext c) {
        long seed = c.seed();
        long channels = c.outputShape().last();
        return (x, f) -> {
            if (!f.training() || d.rate() == 0) {
                return x;
            }
            Ops tf = f.tf();
            Operand<TInt64> batch = tf.slice(tf.shape(x, TInt64.class), tf.constant(new int[] {0}),
                    tf.constant(new int[] {1}));
            Operand<TInt64> noiseShape = tf.concat(List.of(batch, tf.constant(new long[] {1, 1, channels})),
                    tf.constant(0));
            return DropoutOps.apply(f, x, d.rate(), noiseShape, seed);
        };
    }
}
