package org.activationlab.tf;

import java.util.Arrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A tensor of model state: its graph variable, shape, the placeholder-fed assignment that sets it, and its initial
 * value. Trainable parameters get gradients; buffers (batch norm's moving statistics) are updated by the training
 * step itself.
 */
record Parameter(String name, Variable<TFloat32> variable, long[] shape, Placeholder<TFloat32> input, Op assign,
        float[] initial, boolean trainable) {

    int size() {
        return (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }
}
