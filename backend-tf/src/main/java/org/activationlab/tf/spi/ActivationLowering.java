package org.activationlab.tf.spi;

import org.activationlab.dsl.activations.Activation;

/**
 * How the TensorFlow backend compiles one activation type, fused onto a layer or standalone. Found through
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.activationlab.tf.spi.ActivationLowering}. One lowering per exact activation class.
 *
 * @param <A> the activation description type it compiles
 */
public interface ActivationLowering<A extends Activation> {

    /** The exact description class this lowering compiles. */
    Class<A> activationType();

    /**
     * Creates the activation's learnable parameters, if any, through {@code context} (whose output shape is the
     * activation's input shape) and returns the function. Use only ops that have a gradient in TensorFlow's C++
     * registry, or register one with {@code TensorFlow.registerCustomGradient}.
     */
    LoweredActivation lower(A activation, LoweringContext context);
}
