package org.activationlab.examples.bench;

import org.activationlab.data.Dataset;

/** The hand-written {@link RawTfCnn} as a benchmark variant. */
public final class RawTfCnnVariant implements BenchVariant {

    private final String name;
    private final RawTfCnn cnn;
    private final Dataset train;

    public RawTfCnnVariant(String name, long seed, Dataset train) {
        this.name = name;
        this.cnn = new RawTfCnn(seed);
        this.train = train;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double trainEpochSeconds(long seed) {
        return cnn.trainEpochSeconds(train, seed);
    }

    @Override
    public double accuracy(Dataset data) {
        return cnn.accuracy(data);
    }

    @Override
    public void close() {
        cnn.close();
    }
}
