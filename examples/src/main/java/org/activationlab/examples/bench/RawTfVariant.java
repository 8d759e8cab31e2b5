package org.activationlab.examples.bench;

import org.activationlab.data.Dataset;

/** A hand-written raw TensorFlow model ({@link RawTfMlp}, {@link RawTfCnn}) as a benchmark variant. */
public final class RawTfVariant implements BenchVariant {

    private final String name;
    private final RawTfModel model;
    private final Dataset train;

    /** Wraps {@code model}, which it closes; every epoch trains on {@code train}. */
    public RawTfVariant(String name, RawTfModel model, Dataset train) {
        this.name = name;
        this.model = model;
        this.train = train;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double trainEpochSeconds(long seed) {
        return model.trainEpochSeconds(train, seed);
    }

    @Override
    public double accuracy(Dataset data) {
        return model.accuracy(data);
    }

    @Override
    public void close() {
        model.close();
    }
}
