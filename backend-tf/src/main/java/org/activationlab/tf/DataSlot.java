package org.activationlab.tf;

import org.activationlab.data.Dataset;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A whole dataset resident in two graph variables (features, labels) that training and evaluation gather
 * batches from by index. Uploading once means a step feeds only a small index vector, on a GPU as on the CPU.
 */
final class DataSlot {

    private final Variable<TFloat32> features;
    private final Variable<TInt32> labels;
    private final Placeholder<TFloat32> featuresIn;
    private final Placeholder<TInt32> labelsIn;
    private final Assign<TFloat32> assignFeatures;
    private final Assign<TInt32> assignLabels;
    private Dataset resident;

    DataSlot(Ops tf, String name) {
        Ops scope = tf.withSubScope(name);
        features = scope.withName("features").variable(Shape.unknown(), TFloat32.class);
        labels = scope.withName("labels").variable(Shape.unknown(), TInt32.class);
        featuresIn = scope.withName("features_in").placeholder(TFloat32.class);
        labelsIn = scope.withName("labels_in").placeholder(TInt32.class);
        assignFeatures = scope.assign(features, featuresIn, Assign.validateShape(false));
        assignLabels = scope.assign(labels, labelsIn, Assign.validateShape(false));
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
        try (TFloat32 x = TFloat32.tensorOf(batchShape(dataset.size(), dataset.sampleShape()),
                DataBuffers.of(dataset.features(), true, false));
                TInt32 y = TInt32.tensorOf(Shape.of(dataset.size()), DataBuffers.of(dataset.labels(), true, false));
                var result = session.runner().feed(featuresIn, x).feed(labelsIn, y)
                        .addTarget(assignFeatures).addTarget(assignLabels).run()) {
            resident = dataset;
        }
    }

    /** The TensorFlow shape of {@code n} samples of the given sample shape. */
    static Shape batchShape(int n, int[] sample) {
        long[] dims = new long[sample.length + 1];
        dims[0] = n;
        for (int i = 0; i < sample.length; i++) {
            dims[i + 1] = sample[i];
        }
        return Shape.of(dims);
    }
}
