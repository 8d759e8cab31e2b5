package org.activationlab.data;

import java.util.Objects;

/**
 * A dataset's training and test sets, e.g. CIFAR-10's 50,000 / 10,000 images.
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
     * Both sets normalised per channel with the training set's statistics ({@link ChannelStats#of}),
     * the usual preprocessing for image classification; the test set never contributes to them.
     */
    public TrainTest normalized() {
        ChannelStats stats = ChannelStats.of(train);
        return new TrainTest(train.normalized(stats), test.normalized(stats));
    }
}
