package org.activationlab.tf.lowering;

import java.util.Optional;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/** A standalone activation: the layer itself is the identity and reports its function as its activation. */
public final class ActivationLayerLowering implements LayerLowering<ActivationLayer> {

    @Override
    public Class<ActivationLayer> layerType() {
        return ActivationLayer.class;
    }

    @Override
    public LoweredLayer lower(ActivationLayer layer, LoweringContext c) {
        return (x, f) -> x;
    }

    @Override
    public Optional<Activation> activation(ActivationLayer layer) {
        return Optional.of(layer.function());
    }
}
