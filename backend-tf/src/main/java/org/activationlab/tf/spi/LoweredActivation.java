package org.activationlab.tf.spi;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** One activation with its parameters created: applies it elementwise (or along the last axis) to a batch. */
@FunctionalInterface
public interface LoweredActivation {

    /** The activation of {@code x}; return {@code x} itself for the identity. */
    Operand<TFloat32> apply(Operand<TFloat32> x, ForwardContext context);
}
