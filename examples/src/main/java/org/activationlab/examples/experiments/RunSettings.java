package org.activationlab.examples.experiments;

/**
 * How long a run trains and what it measures: epochs, the number of training examples, and the test-accuracy
 * threshold whose first epoch is recorded.
 *
 * @param epochs passes over the training examples, > 0
 * @param trainLimit training examples used, 0 for all
 * @param threshold accuracy in (0, 1]
 */
public record RunSettings(int epochs, int trainLimit, double threshold) {

    public RunSettings {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException("train limit must be >= 0 (0 = all), got " + trainLimit);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be an accuracy in (0, 1], got " + threshold
                    + "; write 98% as 0.98");
        }
    }
}
