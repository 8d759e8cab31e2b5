package org.activationlab.tf.training;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.tf.callbacks.Callback;

/**
 * Options of {@code fit}; build with {@link #builder(int, int)}.
 *
 * @param epochs number of passes over the training set
 * @param batchSize examples per step; the last batch of an epoch may be smaller (PyTorch's default)
 * @param shuffleSeed seeds the per-epoch permutation of the training set
 * @param validation evaluated after every epoch, or {@code null}
 * @param evalBatchSize examples per evaluation step
 * @param progress show a progress bar with loss, accuracy and ETA on standard error
 * @param callbacks called after every epoch
 */
public record FitOptions(int epochs, int batchSize, long shuffleSeed, Dataset validation, int evalBatchSize,
        boolean progress, List<Callback> callbacks) {

    public FitOptions {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
        if (evalBatchSize <= 0) {
            throw new IllegalArgumentException("evaluation batch size must be > 0, got " + evalBatchSize);
        }
        callbacks = List.copyOf(callbacks);
    }

    public static Builder builder(int epochs, int batchSize) {
        return new Builder(epochs, batchSize);
    }

    /** Builder with defaults: shuffle seed 1, no validation, evaluation batches of 1,000, progress bar on. */
    public static final class Builder {
        private final int epochs;
        private final int batchSize;
        private long shuffleSeed = 1;
        private Dataset validation;
        private int evalBatchSize = 1000;
        private boolean progress = true;
        private final List<Callback> callbacks = new ArrayList<>();

        private Builder(int epochs, int batchSize) {
            this.epochs = epochs;
            this.batchSize = batchSize;
        }

        public Builder shuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        public Builder validation(Dataset validation) {
            this.validation = validation;
            return this;
        }

        public Builder evalBatchSize(int evalBatchSize) {
            this.evalBatchSize = evalBatchSize;
            return this;
        }

        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        public Builder callback(Callback callback) {
            this.callbacks.add(callback);
            return this;
        }

        public FitOptions build() {
            return new FitOptions(epochs, batchSize, shuffleSeed, validation, evalBatchSize, progress, callbacks);
        }
    }
}
