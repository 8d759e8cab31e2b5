package org.activationlab.tf.spi;

import java.util.List;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Initializer;
import org.activationlab.dsl.layers.Layer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a lowering may use while it compiles one layer: its shapes and name, the weight initializer chosen for
 * the activation that follows it, and factories for its parameters. Everything created here is saved and restored
 * with the model's weights, by the name {@code <layer>/<name>}.
 */
public interface LoweringContext {

    /** The graph's ops, for building constants a layer keeps. */
    Ops tf();

    /** The layer's name, e.g. {@code dense_1} or {@code residual_2/conv2d_1}: the prefix of its parameters. */
    String name();

    /** The shape of one input sample. */
    Shape inputShape();

    /** The shape of one output sample. */
    Shape outputShape();

    /** The initializer suited to the activation this layer's output meets next (He before ReLU, ...). */
    Initializer initializer();

    /** {@code n} values drawn uniformly from {@code [-limit, limit]} from the run's seeded initialisation stream. */
    float[] uniform(long n, double limit);

    /** The layer's own seed for randomness inside the graph (dropout masks): the run seed and the layer's place. */
    long seed();

    /** A trainable tensor named {@code <layer>/<name>} of the given shape, initialised to {@code initial}. */
    Operand<TFloat32> parameter(String name, long[] shape, float[] initial);

    /**
     * A non-trainable tensor (PyTorch's buffer, e.g. a moving mean) that the training step updates through
     * {@link ForwardContext#addUpdate}.
     */
    Operand<TFloat32> buffer(String name, long[] shape, float[] initial);

    /**
     * Compiles a chain of layers inside this one (a block's branch), each with its fused activation, under the
     * name {@code <layer>/<scope>}; the last layer of the chain is initialised for {@code after}.
     */
    LoweredLayer lowerChain(String scope, List<Layer> layers, Shape input, Initializer after);
}
