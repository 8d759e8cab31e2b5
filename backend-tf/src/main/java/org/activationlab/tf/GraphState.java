package org.activationlab.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Training state that is not a weight (optimizer slots, counters, metric sums): variables with the ops that set
 * their initial values, run once when the session starts.
 */
final class GraphState {

    private final Ops tf;
    private final List<Op> initializers = new ArrayList<>();
    private final List<Parameter> optimizerSlots = new ArrayList<>();

    GraphState(Ops tf) {
        this.tf = tf;
    }

    /** Ops naming its next op by a slash-separated path such as {@code dense_1/kernel}. */
    static Ops named(Ops tf, String path) {
        String[] parts = path.split("/");
        Ops scope = tf;
        for (int i = 0; i < parts.length - 1; i++) {
            scope = scope.withSubScope(parts[i]);
        }
        return scope.withName(parts[parts.length - 1]);
    }

    /** A float32 tensor of the given shape starting at zeros, e.g. {@code dense_1/kernel/momentum}. */
    Variable<TFloat32> zeros(String name, long[] shape) {
        Variable<TFloat32> v = named(tf, name).variable(org.tensorflow.ndarray.Shape.of(shape), TFloat32.class);
        initializers.add(tf.assign(v, tf.zeros(tf.constant(shape), TFloat32.class)));
        return v;
    }

    /** A float32 scalar starting at {@code initial}. */
    Variable<TFloat32> scalar(String name, float initial) {
        Variable<TFloat32> v = named(tf, name).variable(org.tensorflow.ndarray.Shape.scalar(), TFloat32.class);
        initializers.add(tf.assign(v, tf.constant(initial)));
        return v;
    }

    /**
     * An optimizer slot (momentum, Adam's moments, RMSprop's averages) of the given shape starting at zeros, which
     * a checkpoint saves and restores through {@link #optimizerSlots()}.
     */
    Variable<TFloat32> slot(String name, long[] shape) {
        return restorable(name, shape, 0f);
    }

    /** A scalar optimizer slot starting at {@code initial} (Adam's beta powers), saved with checkpoints. */
    Variable<TFloat32> scalarSlot(String name, float initial) {
        return restorable(name, new long[0], initial);
    }

    private Variable<TFloat32> restorable(String name, long[] shape, float initial) {
        org.tensorflow.ndarray.Shape tfShape = org.tensorflow.ndarray.Shape.of(shape);
        Variable<TFloat32> v = named(tf, name).variable(tfShape, TFloat32.class);
        initializers.add(tf.assign(v, tf.fill(tf.constant(shape), tf.constant(initial))));
        Placeholder<TFloat32> in = named(tf, name + "_in").placeholder(TFloat32.class, Placeholder.shape(tfShape));
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        Arrays.fill(values, initial);
        optimizerSlots.add(new Parameter(name, v, shape, in, tf.assign(v, in), values, false));
        return v;
    }

    /** Every optimizer slot made by {@link #slot} and {@link #scalarSlot}, in creation order. */
    List<Parameter> optimizerSlots() {
        return optimizerSlots;
    }

    /** An int64 scalar starting at 0. */
    Variable<TInt64> counter(String name) {
        Variable<TInt64> v = named(tf, name).variable(org.tensorflow.ndarray.Shape.scalar(), TInt64.class);
        initializers.add(tf.assign(v, tf.constant(0L)));
        return v;
    }

    /** The ops that set every variable made here to its initial value. */
    List<Op> initializers() {
        return initializers;
    }
}
