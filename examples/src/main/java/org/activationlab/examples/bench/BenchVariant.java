package org.activationlab.examples.bench;

import org.activationlab.data.Dataset;

/** One way of training a model whose epochs a benchmark times. Close it to free its native resources. */
public interface BenchVariant extends AutoCloseable {

    /** The name shown in the benchmark's table. */
    String name();

    /** Trains one epoch, shuffled with {@code seed}, and returns the wall seconds of its training loop. */
    double trainEpochSeconds(long seed);

    /** The fraction of {@code data} the model currently classifies correctly (a sanity check, never timed). */
    double accuracy(Dataset data);

    @Override
    void close();
}
