package org.activationlab.tf.lowering;

import java.util.Arrays;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code relu(x) + a * (x - relu(x))}: {@code x} for {@code x > 0} and {@code a * x} otherwise, with slope
 * {@code a} at 0 as in PyTorch. The slope is a parameter {@code <layer>/prelu_slope}, shared or per channel.
 */
public final class PReluLowering implements ActivationLowering<PRelu> {

    @Override
    public Class<PRelu> activationType() {
        return PRelu.class;
    }

    @Override
    public LoweredActivation lower(PRelu p, LoweringContext c) {
        int n = (int) p.paramCount(c.outputShape());
        float[] initial = new float[n];
        Arrays.fill(initial, (float) p.init());
        Operand<TFloat32> slope = c.parameter("prelu_slope", new long[] {n}, initial);
        return (x, f) -> {
            Ops tf = f.tf();
            Operand<TFloat32> positive = tf.nn.relu(x);
            return tf.math.add(positive, tf.math.mul(slope, tf.math.sub(x, positive)));
        };
    }
}
