package org.activationlab.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.probes.UnitActivity;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Gradient norms and unit activity as reductions in the graph, so that a probe fetches a few scalars, not the
 * gradients and activations themselves.
 */
final class ProbeOps {

    /** The fractions of one activation's units that were zero (dead) or had non-positive input on a whole batch. */
    private record UnitProbe(String layer, String activation, int units, Operand<TFloat32> dead,
            Operand<TFloat32> negative) {
    }

    private final List<Parameter> params;
    /** The L2 norm of each gradient, in the order of {@link #params}. */
    private final List<Operand<TFloat32>> gradientNorms = new ArrayList<>();
    private final List<UnitProbe> unitProbes = new ArrayList<>();

    ProbeOps(Ops tf, List<Parameter> params, List<Operand<TFloat32>> gradients, List<Network.ActivationSite> sites) {
        this.params = params;
        for (Operand<TFloat32> g : gradients) {
            gradientNorms.add(tf.math.sqrt(tf.sum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g),
                    tf.constant(1)))));
        }
        for (Network.ActivationSite site : sites) {
            // every axis but the last: a unit is dead only if it is zero for every example and every position
            Operand<TInt32> batchAxes = tf.range(tf.constant(0), tf.math.sub(tf.rank(site.output()), tf.constant(1)),
                    tf.constant(1));
            Operand<TBool> dead = tf.reduceAll(tf.math.equal(site.output(), tf.constant(0f)), batchAxes);
            Operand<TBool> negative = tf.reduceAll(tf.math.lessEqual(site.preActivation(), tf.constant(0f)),
                    batchAxes);
            unitProbes.add(new UnitProbe(site.layer(), site.function().displayName(), site.units(),
                    fraction(tf, dead), fraction(tf, negative)));
        }
    }

    private static Operand<TFloat32> fraction(Ops tf, Operand<TBool> flags) {
        return tf.math.mean(tf.dtypes.cast(flags, TFloat32.class), tf.constant(0));
    }

    /** One graph run of the probes on the training examples at {@code indices}; {@code fed} feeds the training set. */
    ProbeStats run(Session.Runner fed, Placeholder<TInt32> trainIndices, TInt32 indices, Operand<TFloat32> loss,
            int epoch) {
        long start = System.nanoTime();
        Session.Runner runner = fed.feed(trainIndices, indices).fetch(loss);
        gradientNorms.forEach(runner::fetch);
        unitProbes.forEach(u -> runner.fetch(u.dead()).fetch(u.negative()));
        try (Result r = runner.run()) {
            int k = 0;
            double lossValue = ((TFloat32) r.get(k++)).getFloat();
            Map<String, Double> norms = new LinkedHashMap<>();
            for (Parameter p : params) {
                norms.put(p.name(), (double) ((TFloat32) r.get(k++)).getFloat());
            }
            List<UnitActivity> units = new ArrayList<>();
            for (UnitProbe u : unitProbes) {
                double dead = ((TFloat32) r.get(k++)).getFloat();
                double negative = ((TFloat32) r.get(k++)).getFloat();
                units.add(new UnitActivity(u.layer(), u.activation(), u.units(), dead, negative));
            }
            return new ProbeStats(epoch, lossValue, norms, units, (System.nanoTime() - start) / 1e9);
        }
    }
}
