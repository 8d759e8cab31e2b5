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
 * @param probeSize examples in the fixed probe batch on which gradient norms and dead units are measured at
 *     initialisation and after every epoch (a seeded sample of the training set), 0 for no probes
 */
public record FitOptions(int epochs, int batchSize, long shuffleSeed, Dataset validation, int evalBatchSize,
        boolean progress, List<Callback> callbacks, int probeSize) {

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
        if (probeSize < 0) {
            throw new IllegalArgumentException("probe batch size must be >= 0 (0 = no probes), got " + probeSize);
        }
        callbacks = List.copyOf(callbacks);
    }

    public static Builder builder(int epochs, int batchSize) {
        return new Builder(epochs, batchSize);
    }

    /**
     * Builder with defaults: shuffle seed 1, no validation, evaluation batches of 1,000, progress bar on, no
     * probes.
     */
    public static final class Builder {
        private final int epochs;
        private final int batchSize;
        private long shuffleSeed = 1;
        private Dataset validation;
        private int evalBatchSize = 1000;
        private boolean progress = true;
        private final List<Callback> callbacks = new ArrayList<>();
        private int probeSize;

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

        /**
         * Measure per-layer gradient norms and dead units on a fixed batch of {@code size} training examples at
         * initialisation and after every epoch ({@code History.probes()}); costs one forward and backward pass of
         * that batch per epoch.
         */
        public Builder probes(int size) {
            this.probeSize = size;
            return this;
        }

        public FitOptions build() {
            return new FitOptions(epochs, batchSize, shuffleSeed, validation, evalBatchSize, progress, callbacks,
                    probeSize);
        }
    }
}
