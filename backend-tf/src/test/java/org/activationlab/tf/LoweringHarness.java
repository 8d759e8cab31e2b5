package org.activationlab.tf;

import java.util.List;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Initializer;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.spi.ForwardContext;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds one registered activation lowering into a bare graph, outside a model: its parameters become constants
 * holding their initial values (PReLU's slope), so a test can feed and differentiate the op alone.
 */
final class LoweringHarness {

    private LoweringHarness() {
    }

    /** {@code activation(x)} as the backend builds it, for an input of one flat sample shape. */
    static Operand<TFloat32> activation(Ops tf, Activation activation, Operand<TFloat32> x) {
        LoweringContext context = new ConstantContext(tf);
        ForwardContext forward = new ForwardContext() {
            @Override
            public Ops tf() {
                return tf;
            }

            @Override
            public boolean training() {
                return false;
            }

            @Override
            public Operand<TInt64> step() {
                return tf.constant(0L);
            }

            @Override
            public void addUpdate(Op update) {
                throw new IllegalStateException("an activation has no state to update");
            }
        };
        return Lowerings.load().lower(activation, "test", context).apply(x, forward);
    }

    private record ConstantContext(Ops tf) implements LoweringContext {

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Shape inputShape() {
            return Shape.of(1);
        }

        @Override
        public Shape outputShape() {
            return Shape.of(1);
        }

        @Override
        public Initializer initializer() {
            return Initializer.GLOROT_UNIFORM;
        }

        @Override
        public float[] uniform(long n, double limit) {
            throw new UnsupportedOperationException("activations draw no random weights");
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public Operand<TFloat32> parameter(String name, long[] shape, float[] initial) {
            return tf.constant(initial);
        }

        @Override
        public Operand<TFloat32> buffer(String name, long[] shape, float[] initial) {
            return tf.constant(initial);
        }

        @Override
        public LoweredLayer lowerChain(String scope, List<Layer> layers, Shape input, Initializer after) {
            throw new UnsupportedOperationException("activations contain no layers");
        }
    }
}
