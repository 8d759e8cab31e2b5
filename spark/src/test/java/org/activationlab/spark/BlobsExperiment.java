package org.activationlab.spark;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;

import java.util.List;
import java.util.Random;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.History;

/** A registered experiment small enough for a CI test: three Gaussian clusters in 8 dimensions. */
public final class BlobsExperiment implements Experiment<BlobsExperiment.Blobs> {

    /** The generated training and test sets. */
    public record Blobs(Dataset train, Dataset test) {
    }

    @Override
    public String name() {
        return "spark-blobs";
    }

    @Override
    public String description() {
        return "three Gaussian clusters, for the Spark engine's tests";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(2, 16, 0, Sgd.of(0.1).describe(), null, "generated blobs");
    }

    @Override
    public List<Activation> defaultActivations() {
        return List.of(Activations.relu(), Activations.tanh());
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return Sequential.of(input(8), dense(16).activation(activation), dense(3).softmax());
    }

    @Override
    public Blobs prepare(StudySettings settings, DataContext data) {
        return new Blobs(blobs(1), blobs(2));
    }

    @Override
    public Protocol protocol(Blobs data, StudyGrid.Run run, StudySettings settings) {
        Sequential model = model(run.activation(), run.variant(), settings);
        return Protocol.builder().model(model.toString(), model.trainableParameters()).optimizer(Sgd.of(0.1)
                .describe()).batchSize(settings.batchSize()).epochs(settings.epochs()).split("300 / 300 generated")
                .deterministic(settings.deterministic()).dataSource(data.train().source())
                .initializer(run.activation().preferredInitializer().toString()).device(settings.device().name())
                .build();
    }

    @Override
    public RunRecord run(Blobs data, RunContext context) {
        Sequential model = model(context.run().activation(), context.run().variant(), context.settings());
        try (CompiledModel compiled = ModelCompiler.compile(model, context.config(Sgd.of(0.1)))) {
            History history = compiled.fit(data.train(), context.fit(context.settings().batchSize(), "test")
                    .validation(data.test()).build());
            return context.record(history, null, compiled.evaluate(data.test())).build();
        }
    }

    private static Dataset blobs(long seed) {
        Random random = new Random(seed);
        int n = 300;
        float[] x = new float[n * 8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 8; j++) {
                x[i * 8 + j] = (j % 3 == y[i] ? 2f : 0f) + (float) random.nextGaussian();
            }
        }
        return new Dataset("blobs-" + seed, x, y, new int[] {8}, List.of("a", "b", "c"), "generated, seed " + seed);
    }
}
