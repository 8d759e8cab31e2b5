package org.activationlab.examples.bench;

import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;

/**
 * A DSL model compiled by {@link ModelCompiler}, timed one {@code fit} of one epoch at a time by the
 * {@link History#trainSeconds()} that {@code fit} measures itself (its training loop, evaluation excluded), plus,
 * with probes on, the time of the epoch's end-of-epoch probe (the one a probed run pays per epoch).
 */
public final class DslVariant implements BenchVariant {

    private final String name;
    private final CompiledModel model;
    private final Dataset train;
    private final int batchSize;
    private final int probeSize;

    /** Compiles {@code model} with {@code config}; every epoch trains on {@code train} in batches of {@code batchSize}. */
    public DslVariant(String name, Sequential model, TrainingConfig config, Dataset train, int batchSize) {
        this(name, model, config, train, batchSize, 0);
    }

    /** As the other constructor, with gradient-dynamics probes on a batch of {@code probeSize} (0 = none). */
    public DslVariant(String name, Sequential model, TrainingConfig config, Dataset train, int batchSize,
            int probeSize) {
        this.name = name;
        this.model = ModelCompiler.compile(model, config);
        this.train = train;
        this.batchSize = batchSize;
        this.probeSize = probeSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double trainEpochSeconds(long seed) {
        History history = model.fit(train, FitOptions.builder(1, batchSize).shuffleSeed(seed)
                .probes(probeSize).build());
        if (history.diverged()) {
            throw new IllegalStateException(name + ": " + history.stopReason());
        }
        return history.trainSeconds() + (probeSize == 0 ? 0 : history.probes().get(history.probes().size() - 1)
                .seconds());
    }

    @Override
    public double accuracy(Dataset data) {
        return model.evaluate(data).accuracy();
    }

    @Override
    public void close() {
        model.close();
    }
}
