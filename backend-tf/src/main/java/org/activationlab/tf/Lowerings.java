package org.activationlab.tf;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.spi.ActivationLowering;
import org.activationlab.tf.spi.LayerLowering;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;

/**
 * The lowerings on the class path, keyed by the exact description class they compile: the built-in ones and any a
 * user lists in {@code META-INF/services}.
 */
final class Lowerings {

    private final Map<Class<?>, LayerLowering<?>> layers = new HashMap<>();
    private final Map<Class<?>, ActivationLowering<?>> activations = new HashMap<>();

    private Lowerings() {
    }

    /** Loads every registered lowering; two for the same description class is an error naming both. */
    static Lowerings load() {
        Lowerings l = new Lowerings();
        for (LayerLowering<?> lowering : ServiceLoader.load(LayerLowering.class)) {
            register(l.layers, lowering.layerType(), lowering, "LayerLowering");
        }
        for (ActivationLowering<?> lowering : ServiceLoader.load(ActivationLowering.class)) {
            register(l.activations, lowering.activationType(), lowering, "ActivationLowering");
        }
        return l;
    }

    private static <T> void register(Map<Class<?>, T> map, Class<?> type, T lowering, String spi) {
        T previous = map.putIfAbsent(type, lowering);
        if (previous != null) {
            throw new IllegalStateException("two " + spi + "s for " + type.getName() + ": "
                    + previous.getClass().getName() + " and " + lowering.getClass().getName()
                    + "; remove one from META-INF/services/org.activationlab.tf.spi." + spi);
        }
    }

    /** Whether the layer transforms its input with weights (see {@link LayerLowering#mixesFeatures()}). */
    boolean mixesFeatures(Layer layer, String name) {
        return layer(layer, name).mixesFeatures();
    }

    /** The activation applied after the layer, fused or standalone. */
    Optional<Activation> activationOf(Layer layer, String name) {
        return activationOf(layer(layer, name), layer);
    }

    private static <L extends Layer> Optional<Activation> activationOf(LayerLowering<L> lowering, Layer layer) {
        return lowering.activation(lowering.layerType().cast(layer));
    }

    LoweredLayer lower(Layer layer, String name, LoweringContext context) {
        return lower(layer(layer, name), layer, context);
    }

    private static <L extends Layer> LoweredLayer lower(LayerLowering<L> lowering, Layer layer,
            LoweringContext context) {
        return lowering.lower(lowering.layerType().cast(layer), context);
    }

    LoweredActivation lower(Activation activation, String name, LoweringContext context) {
        ActivationLowering<?> lowering = activations.get(activation.getClass());
        if (lowering == null) {
            throw new IllegalArgumentException("the TensorFlow backend has no lowering for activation "
                    + activation.displayName() + " (" + activation.getClass().getName() + ") of layer " + name
                    + "; implement org.activationlab.tf.spi.ActivationLowering for it and list the class in "
                    + "META-INF/services/org.activationlab.tf.spi.ActivationLowering");
        }
        return lower(lowering, activation, context);
    }

    private static <A extends Activation> LoweredActivation lower(ActivationLowering<A> lowering,
            Activation activation, LoweringContext context) {
        return lowering.lower(lowering.activationType().cast(activation), context);
    }

    private LayerLowering<?> layer(Layer layer, String name) {
        LayerLowering<?> lowering = layers.get(layer.getClass());
        if (lowering == null) {
            throw new IllegalArgumentException("the TensorFlow backend has no lowering for layer " + name + " ("
                    + layer.describe() + "), type " + layer.getClass().getName() + "; implement "
                    + "org.activationlab.tf.spi.LayerLowering for it and list the class in "
                    + "META-INF/services/org.activationlab.tf.spi.LayerLowering");
        }
        return lowering;
    }
}
