package com.example.plugin;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;

import java.util.List;
import org.activationlab.data.TrainTest;
import org.activationlab.data.playground.PlaygroundData;
import org.activationlab.data.playground.PlaygroundShape;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.History;

/**
 * An experiment a user adds from outside the project: one class and a line in
 * {@code META-INF/services/org.activationlab.study.Experiment}. A 2-8-2 network on the playground's xor points.
 */
public final class TinyXorExperiment implements Experiment<TrainTest> {

    @Override
    public String name() {
        return "tiny-xor";
    }

    @Override
    public String description() {
        return "a plug-in test experiment: a 2-8-2 network on 200 xor points";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(3, 20, 0, Sgd.of(0.1).describe(), null, "200 playground xor points");
    }

    @Override
    public List<ExperimentOption> options() {
        return List.of(new ExperimentOption("width", "N", "Units of the hidden layer.", "8"));
    }

    @Override
    public List<Activation> defaultActivations() {
        return List.of(Activations.relu(), Activations.tanh());
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return Sequential.of(input(2), dense(Integer.parseInt(settings.option("width"))).activation(activation),
                dense(2).softmax());
    }

    @Override
    public TrainTest prepare(StudySettings settings, DataContext data) {
        return PlaygroundData.split(PlaygroundData.generate(PlaygroundShape.XOR, 200, 0, 7), 0.5, 7);
    }

    @Override
    public Protocol protocol(TrainTest data, StudyGrid.Run run, StudySettings settings) {
        Sequential m = model(run.activation(), run.variant(), settings);
        return Protocol.builder().model(m.toString(), m.trainableParameters()).optimizer(Sgd.of(0.1).describe())
                .batchSize(settings.batchSize()).epochs(settings.epochs()).split("100 / 100")
                .deterministic(settings.deterministic()).dataSource(data.train().source())
                .device(settings.device().name()).build();
    }

    @Override
    public RunRecord run(TrainTest data, RunContext context) {
        Sequential m = model(context.run().activation(), context.run().variant(), context.settings());
        try (CompiledModel compiled = ModelCompiler.compile(m, context.config(Sgd.of(0.1)))) {
            History history = compiled.fit(data.train(), context.fit(context.settings().batchSize(), "test")
                    .validation(data.test()).build());
            return context.record(history, null, compiled.evaluate(data.test())).build();
        }
    }
}
