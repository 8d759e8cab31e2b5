package org.activationlab.data;

import java.util.Objects;

/**
 * A dataset's canonical training and test sets, e.g. MNIST's 60,000 / 10,000 images.
 *
 * @param train the training set
 * @param test the held-out test set
 */
public record MnistData(Dataset train, Dataset test) {

    /** Validates that both parts are present. */
    public MnistData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Training followed by test samples in one dataset (70,000 for MNIST), for studies that make
     * their own splits. Copies the features.
     */
    public Dataset all() {
        return Dataset.concat(train.name() + "+" + test.name(), train, test);
    }
}
