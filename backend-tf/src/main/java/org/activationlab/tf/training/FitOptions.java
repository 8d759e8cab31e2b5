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
 * @param callbacks called after every epoch; may stop training
 * @param probeSize examples in the fixed probe batch on which gradient norms and dead units are measured at
 *     initialisation and after every epoch (a seeded sample of the training set), 0 for no probes
 * @param listeners observe every step and epoch, e.g. a progress bar the caller supplies
 * @param resumeFrom the history of the epochs already trained when continuing an interrupted run from a checkpoint
 *     (the model's weights, optimizer state and step restored), or {@code null} to start at epoch 1
 */
public record FitOptions(int epochs, int batchSize, long shuffleSeed, Dataset validation, int evalBatchSize,
        List<Callback> callbacks, int probeSize, List<TrainingListener> listeners, History resumeFrom) {

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
        listeners = List.copyOf(listeners);
        if (resumeFrom != null && resumeFrom.epochs().size() > epochs) {
            throw new IllegalArgumentException("cannot resume after epoch " + resumeFrom.epochs().size() + " of a run"
                    + " of " + epochs + " epochs");
        }
    }

    public static Builder builder(int epochs, int batchSize) {
        return new Builder(epochs, batchSize);
    }

    /**
     * Builder with defaults: shuffle seed 1, no validation, evaluation batches of 1,000, no callbacks, no
     * probes, no listeners (nothing is printed).
     */
    public static final class Builder {
        private final int epochs;
        private final int batchSize;
        private long shuffleSeed = 1;
        private Dataset validation;
        private int evalBatchSize = 1000;
        private final List<Callback> callbacks = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private int probeSize;
        private History resumeFrom;

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

        /** Adds an observer of every step and epoch, e.g. a progress bar. */
        public Builder listener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Adds every listener of {@code listeners}, in order (none for an empty list). */
        public Builder listeners(List<? extends TrainingListener> listeners) {
            this.listeners.addAll(listeners);
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

        /**
         * Continue a run whose first epochs are in {@code history}: training starts at the next epoch with the
         * shuffle order it would have had, and the returned history holds the earlier epochs and probes too. The
         * caller restores the weights, buffers, optimizer state and step first (a checkpoint does all four).
         */
        public Builder resumeFrom(History history) {
            this.resumeFrom = history;
            return this;
        }

        public FitOptions build() {
            return new FitOptions(epochs, batchSize, shuffleSeed, validation, evalBatchSize, callbacks, probeSize,
                    listeners, resumeFrom);
        }
    }
}
