package org.activationlab.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
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
