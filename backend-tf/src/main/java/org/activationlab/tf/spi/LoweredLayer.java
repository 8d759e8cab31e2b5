package org.activationlab.tf.spi;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** One layer with its parameters created: builds the layer's forward op on a batch. */
@FunctionalInterface
public interface LoweredLayer {

    /** The layer's output for the batch {@code x} (batch dimension first, NHWC for images). */
    Operand<TFloat32> forward(Operand<TFloat32> x, ForwardContext context);
}
