package org.activationlab.examples.bench;

import org.activationlab.data.Dataset;

/** The hand-written {@link RawTfMlp} as a benchmark variant. */
public final class RawTfMlpVariant implements BenchVariant {

    private final String name;
    private final RawTfMlp mlp;
    private final Dataset train;

    public RawTfMlpVariant(String name, long initSeed, Dataset train) {
        this.name = name;
        this.mlp = new RawTfMlp(initSeed);
        this.train = train;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double trainEpochSeconds(long seed) {
        return mlp.trainEpochSeconds(train, seed);
    }

    @Override
    public double accuracy(Dataset data) {
        return mlp.accuracy(data);
    }

    @Override
    public void close() {
        mlp.close();
    }
}
