package org.activationlab.data;

import java.util.Objects;

/**
 * A dataset's canonical training and test sets, e.g. MNIST's 60,000 / 10,000 or CIFAR-10's
 * 50,000 / 10,000 images.
 *
 * @param train the training set
 * @param test the held-out test set
 */
public record TrainTest(Dataset train, Dataset test) {

    /** Validates that both parts are present. */
    public TrainTest {
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

    /**
     * Both sets normalised per channel with the training set's statistics ({@link ChannelStats#of}),
     * the usual preprocessing for image classification; the test set never contributes to them.
     */
    public TrainTest normalized() {
        ChannelStats stats = ChannelStats.of(train);
        return new TrainTest(train.normalized(stats), test.normalized(stats));
    }
}
