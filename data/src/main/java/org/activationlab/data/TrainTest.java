package org.activationlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dataset's canonical training and test sets, e.g. MNIST's 60,000 / 10,000 or CIFAR-10's
 * 50,000 / 10,000 images.
 *
 * @param train the training set
 * @param test the held-out test set
 */
public record TrainTest(Dataset train, Dataset test) {

    /**
     * Validates that both parts are present and agree on classes and sample shape, so a model sized
     * by {@link #numClasses()} and {@link #sampleShape()} fits both.
     */
    public TrainTest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has classes " + train.classNames()
                    + " but test set '" + test.name() + "' has " + test.classNames() + "; expected the same classes");
        }
        if (!Arrays.equals(train.sampleShape(), test.sampleShape())) {
            throw new IllegalArgumentException("training set '" + train.name() + "' has sample shape "
                    + Arrays.toString(train.sampleShape()) + " but test set '" + test.name() + "' has "
                    + Arrays.toString(test.sampleShape()) + "; expected the same shape");
        }
    }

    /** The class names shared by both sets; a label is an index into them. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** Number of classes, the size of a classifier's output. */
    public int numClasses() {
        return train.numClasses();
    }

    /** The shape of one sample, e.g. {@code {32, 32, 3}}, a model's input shape. */
    public int[] sampleShape() {
        return train.sampleShape();
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
