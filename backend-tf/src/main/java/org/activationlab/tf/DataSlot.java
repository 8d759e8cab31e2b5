package org.activationlab.tf;

import org.activationlab.data.Dataset;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A whole dataset resident for training and evaluation, which gather batches from it by index, so a step feeds
 * only a small index vector. On the CPU the set is a pair of placeholders fed with the process-wide tensors of
 * {@link DatasetTensors} at every run (no copy: TensorFlow reads a fed CPU tensor in place, and runs side by side
 * share one copy of the set). On a GPU it lives in two graph variables filled once, so that steps do not copy the
 * whole set to the device.
 */
final class DataSlot implements AutoCloseable {

    /** Where the resident set lives. */
    enum Residency {
        /** Fed from the shared host tensors at every run. */
        FEED,
        /** Copied once into graph variables (on the device). */
        VARIABLE;

        /** Feeding on the CPU; variables where a feed would cross to the device at every step. */
        static Residency on(Device device) {
            return device == Device.GPU ? VARIABLE : FEED;
        }
    }

    private final Residency residency;
    private final Operand<TFloat32> features;
    private final Operand<TInt32> labels;
    private final Placeholder<TFloat32> featuresIn;
    private final Placeholder<TInt32> labelsIn;
    private final Assign<TFloat32> assignFeatures;
    private final Assign<TInt32> assignLabels;
    private DatasetTensors.Lease lease;
    private Dataset resident;

    DataSlot(Ops tf, String name, Residency residency) {
        this.residency = residency;
        Ops scope = tf.withSubScope(name);
        featuresIn = scope.withName("features_in").placeholder(TFloat32.class);
        labelsIn = scope.withName("labels_in").placeholder(TInt32.class);
        if (residency == Residency.FEED) {
            features = featuresIn;
            labels = labelsIn;
            assignFeatures = null;
            assignLabels = null;
        } else {
            Variable<TFloat32> f = scope.withName("features").variable(Shape.unknown(), TFloat32.class);
            Variable<TInt32> l = scope.withName("labels").variable(Shape.unknown(), TInt32.class);
            features = f;
            labels = l;
            assignFeatures = scope.assign(f, featuresIn, Assign.validateShape(false));
            assignLabels = scope.assign(l, labelsIn, Assign.validateShape(false));
        }
    }

    Operand<TFloat32> features() {
        return features;
    }

    Operand<TInt32> labels() {
        return labels;
    }

    /** Makes {@code dataset} resident unless it already is (compared by identity: datasets are immutable). */
    void upload(Session session, Dataset dataset) {
        if (resident == dataset) {
            return;
        }
        DatasetTensors.Lease next = DatasetTensors.lease(dataset);
        try {
            if (residency == Residency.VARIABLE) {
                try (var result = session.runner().feed(featuresIn, next.features()).feed(labelsIn, next.labels())
                        .addTarget(assignFeatures).addTarget(assignLabels).run()) {
                    // the variables hold their own copy: the shared tensors are not needed after this run
                }
                next.close();
                next = null;
            }
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        close();
        lease = next;
        resident = dataset;
    }

    /** {@code runner} with the resident set fed, for every run that reads this slot's features or labels. */
    Session.Runner feed(Session.Runner runner) {
        if (residency == Residency.FEED) {
            if (lease == null) {
                throw new IllegalStateException("no dataset is resident in this slot: upload one first");
            }
            runner.feed(featuresIn, lease.features()).feed(labelsIn, lease.labels());
        }
        return runner;
    }

    /** Gives up the claim on the shared tensors (if this slot holds one). */
    @Override
    public void close() {
        if (lease != null) {
            lease.close();
            lease = null;
        }
        resident = null;
    }
}
