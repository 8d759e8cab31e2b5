package org.activationlab.tf.lowering;

import java.util.Arrays;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * The fused batch-norm kernel (FusedBatchNormV3): batch statistics and PyTorch's moving-average update in
 * training passes, the moving statistics otherwise. Flat {@code [N, C]} input runs as {@code [N, 1, 1, C]}.
 */
public final class BatchNormLowering implements LayerLowering<BatchNorm> {

    @Override
    public Class<BatchNorm> layerType() {
        return BatchNorm.class;
    }

    @Override
    public LoweredLayer lower(BatchNorm b, LoweringContext c) {
        Shape in = c.inputShape();
        int channels = in.last();
        long[] shape = {channels};
        Operand<TFloat32> gamma = b.scale() ? c.parameter("gamma", shape, ones(channels)) : null;
        Operand<TFloat32> beta = b.center() ? c.parameter("beta", shape, new float[channels]) : null;
        Operand<TFloat32> movingMean = c.buffer("moving_mean", shape, new float[channels]);
        Operand<TFloat32> movingVariance = c.buffer("moving_variance", shape, ones(channels));
        return (h, f) -> {
            Ops tf = f.tf();
            Operand<TFloat32> x = in.rank() == 3 ? h : tf.reshape(h, tf.constant(new int[] {-1, 1, 1, channels}));
            Operand<TFloat32> scale = gamma != null ? gamma : tf.constant(ones(channels));
            Operand<TFloat32> offset = beta != null ? beta : tf.constant(new float[channels]);
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, scale, offset, movingMean,
                    movingVariance, FusedBatchNorm.epsilon((float) b.epsilon()),
                    FusedBatchNorm.isTraining(f.training()), FusedBatchNorm.dataFormat("NHWC"));
            if (f.training()) {
                // PyTorch's rule: moving = (1 - momentum) * moving + momentum * batch, with the unbiased batch
                // variance that the fused kernel outputs in training mode
                Operand<TFloat32> m = tf.constant((float) b.momentum());
                f.addUpdate(tf.assignSub(movingMean, tf.math.mul(m, tf.math.sub(movingMean, bn.batchMean()))));
                f.addUpdate(tf.assignSub(movingVariance,
                        tf.math.mul(m, tf.math.sub(movingVariance, bn.batchVariance()))));
            }
            return in.rank() == 3 ? bn.y() : tf.reshape(bn.y(), tf.constant(new int[] {-1, channels}));
        };
    }

    private static float[] ones(int n) {
        float[] values = new float[n];
        Arrays.fill(values, 1f);
        return values;
    }
}
