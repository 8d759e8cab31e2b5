package org.activationlab.study;

import java.util.Objects;

/**
 * An experiment's protocol defaults, as {@code activation-lab list} prints them.
 *
 * @param epochs epochs per run
 * @param batchSize examples per training step
 * @param trainLimit training examples used, 0 for all
 * @param optimizer the optimizer with its hyperparameters
 * @param threshold the accuracy whose first epoch and training time are recorded (DAWNBench), or {@code null} for
 *     experiments that record no time to accuracy
 * @param data what the experiment trains on
 */
public record ExperimentDefaults(int epochs, int batchSize, int trainLimit, String optimizer, Double threshold,
        String data) {

    public ExperimentDefaults {
        if (epochs <= 0 || batchSize <= 0 || trainLimit < 0) {
            throw new IllegalArgumentException("experiment defaults need epochs > 0, batch size > 0 and train limit"
                    + " >= 0, got " + epochs + ", " + batchSize + " and " + trainLimit);
        }
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("default threshold must be an accuracy in (0, 1], got " + threshold);
        }
        Objects.requireNonNull(optimizer, "default optimizer must not be null");
        Objects.requireNonNull(data, "default data must not be null");
    }
}
