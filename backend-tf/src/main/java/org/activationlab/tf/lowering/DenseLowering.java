package org.activationlab.tf.lowering;

import org.activationlab.dsl.layers.Dense;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code x W + b}: a {@code [in, units]} kernel from the activation's initializer, a zero bias. */
public final class DenseLowering implements LayerLowering<Dense> {

    @Override
    public Class<Dense> layerType() {
        return Dense.class;
    }

    @Override
    public boolean mixesFeatures() {
        return true;
    }

    @Override
    public LoweredLayer lower(Dense d, LoweringContext c) {
        long fanIn = c.inputShape().last();
        Operand<TFloat32> kernel = c.parameter("kernel", new long[] {fanIn, d.units()},
                c.uniform(fanIn * d.units(), c.initializer().limit(fanIn, d.units())));
        Operand<TFloat32> bias = d.bias() ? c.parameter("bias", new long[] {d.units()}, new float[d.units()]) : null;
        return (x, f) -> {
            Operand<TFloat32> h = f.tf().linalg.matMul(x, kernel);
            return bias == null ? h : f.tf().nn.biasAdd(h, bias);
        };
    }
}
