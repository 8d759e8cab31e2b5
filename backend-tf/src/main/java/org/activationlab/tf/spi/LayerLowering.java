package org.activationlab.tf.spi;

import java.util.Optional;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Layer;

/**
 * How the TensorFlow backend compiles one layer type: creates the layer's parameters and returns the object that
 * builds its forward op. Found through {@link java.util.ServiceLoader}: implement it for your layer record, give
 * it a public no-argument constructor and list its class name in
 * {@code META-INF/services/org.activationlab.tf.spi.LayerLowering}. One lowering per exact layer class.
 *
 * @param <L> the layer description type it compiles
 */
public interface LayerLowering<L extends Layer> {

    /** The exact description class this lowering compiles. */
    Class<L> layerType();

    /**
     * Creates the layer's parameters and buffers through {@code context} (once per compiled model) and returns its
     * forward pass, which may be built several times (training, evaluation, prediction) over those parameters.
     */
    LoweredLayer lower(L layer, LoweringContext context);

    /**
     * Whether the layer transforms its input with weights (a dense layer, a convolution, a block containing them).
     * Weight initialisation looks past layers that do not (pooling, dropout, batch norm) to find the activation
     * that a layer's output meets next.
     */
    default boolean mixesFeatures() {
        return false;
    }

    /** The activation applied after the layer; a standalone activation layer reports its own function. */
    default Optional<Activation> activation(L layer) {
        return layer.activation();
    }
}
