package org.activationlab.tf;

import java.util.IdentityHashMap;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A dataset's features and labels as native tensors, one pair per dataset for the whole process: on the CPU every
 * session that reads the same dataset (runs side by side, or the evaluation of one run while another trains) feeds
 * the same read-only tensors instead of copying the set into a graph variable of its own; on a GPU a slot leases
 * them only for the run that copies them to the device. The pair is freed when its last lease is closed.
 */
final class DatasetTensors {

    private static final Map<Dataset, DatasetTensors> LIVE = new IdentityHashMap<>();

    private final Dataset dataset;
    private final TFloat32 features;
    private final TInt32 labels;
    private int leases;

    private DatasetTensors(Dataset dataset) {
        this.dataset = dataset;
        this.features = TFloat32.tensorOf(batchShape(dataset.size(), dataset.sampleShape()),
                DataBuffers.of(dataset.features(), true, false));
        try {
            this.labels = TInt32.tensorOf(Shape.of(dataset.size()), DataBuffers.of(dataset.labels(), true, false));
        } catch (RuntimeException e) {
            features.close();
            throw e;
        }
    }

    /** The tensors of {@code dataset} (compared by identity: datasets are immutable), made on first use. */
    static Lease lease(Dataset dataset) {
        // the copy into native memory happens under the lock: a second run asking for the same set waits for it
        // instead of making its own; runs of a study lease the same few sets, so the wait costs nothing else
        synchronized (LIVE) {
            DatasetTensors tensors = LIVE.computeIfAbsent(dataset, DatasetTensors::new);
            tensors.leases++;
            return tensors.new Lease();
        }
    }

    /** The number of datasets whose tensors are alive: for tests of the lease counting. */
    static int liveCount() {
        synchronized (LIVE) {
            return LIVE.size();
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

    /** One holder's claim on the tensors; closing the last claim frees them. */
    final class Lease implements AutoCloseable {
        private boolean closed;

        TFloat32 features() {
            return features;
        }

        TInt32 labels() {
            return labels;
        }

        @Override
        public void close() {
            synchronized (LIVE) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--leases == 0) {
                    LIVE.remove(dataset);
                    features.close();
                    labels.close();
                }
            }
        }
    }
}
