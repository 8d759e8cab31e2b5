package org.activationlab.study;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.Probes;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.schedules.ConstantRate;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;

/** The experiment a {@link Study} builds from a user's model, data and protocol. */
final class UserExperiment implements Experiment<Void> {

    private static final int INFERENCE_BATCH = 1000;
    private static final int SINGLE_SAMPLE_REPEATS = 50;

    private final String name;
    private final String description;
    private final Function<Activation, Sequential> model;
    private final List<Activation> activations;
    private final String baseline;
    private final Dataset train;
    private final Dataset valid;
    private final Dataset test;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;

    UserExperiment(String name, String description, Function<Activation, Sequential> model,
            List<Activation> activations, String baseline, Dataset train, Dataset valid, Dataset test,
            Optimizer optimizer, LearningRateSchedule schedule) {
        this.name = name;
        this.description = description;
        this.model = model;
        this.activations = activations;
        this.baseline = baseline;
        this.train = train;
        this.valid = valid;
        this.test = test;
        this.optimizer = optimizer;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(10, 64, 0, optimizer.describe(), null, train.source());
    }

    /** The baseline first, so that pages test against it. */
    @Override
    public List<Activation> defaultActivations() {
        return activations.stream().sorted((a, b) -> Boolean.compare(!a.spec().equals(baseline),
                !b.spec().equals(baseline))).toList();
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return model.apply(activation);
    }

    @Override
    public Void prepare(StudySettings settings, DataContext data) {
        return null;
    }

    @Override
    public Protocol protocol(Void data, StudyGrid.Run run, StudySettings settings) {
        Sequential m = model(run.activation(), run.variant(), settings);
        Protocol.Builder p = Protocol.builder().model(m.toString(), m.trainableParameters())
                .optimizer(optimizer.describe()).batchSize(settings.batchSize()).epochs(settings.epochs())
                .split(String.format(Locale.ROOT, "train %,d (%s) / validation %s / test %,d (%s)", train.size(),
                        train.name(), valid == null ? "none" : String.format(Locale.ROOT, "%,d (%s)", valid.size(),
                                valid.name()), test.size(), test.name()))
                .deterministic(settings.deterministic()).dataSource(train.source())
                .initializer(run.activation().preferredInitializer() + " (chosen for " + run.activation().typeName()
                        + ") before the activation, as the DSL chooses per layer")
                .preprocessing("as the datasets were given")
                .device(settings.device().name());
        if (settings.threshold() != null) {
            p.setting("threshold", settings.threshold());
        }
        if (!schedule.equals(new ConstantRate())) {
            p.setting("schedule", schedule.describe());
        }
        if (settings.probes() > 0) {
            p.setting("probes", settings.probes());
        }
        return p.build();
    }

    @Override
    public RunRecord run(Void data, RunContext context) {
        StudySettings settings = context.settings();
        Sequential m = model(context.run().activation(), context.run().variant(), settings);
        TrainingConfig config = context.config(optimizer).withSchedule(schedule);
        Dataset monitored = valid != null ? valid : test;
        // the user's data come as they are: the saved model records no preprocessing
        try (CompiledModel compiled = context.compile(m, config, new ModelInfo(train.classNames(), null))) {
            FitOptions.Builder fit = context.fit(settings.batchSize(), valid != null ? "valid" : "test")
                    .validation(monitored);
            if (settings.probes() > 0) {
                fit.probes(Math.min(settings.probes(), train.size()));
            }
            long start = System.nanoTime();
            History history = compiled.fit(train, fit.build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation validation = valid == null ? null : compiled.evaluate(valid);
            Evaluation testMetrics = compiled.evaluate(test);
            RunRecord.Builder record = context.record(history, validation, testMetrics);
            if (settings.probes() > 0) {
                record.section(Probes.SECTION, Measurements.probes(history));
            }
            if (settings.threshold() != null) {
                InferenceTiming inference = compiled.timeInference(test, Math.min(INFERENCE_BATCH, test.size()),
                        SINGLE_SAMPLE_REPEATS);
                record.section(DawnBenchMetrics.SECTION, Measurements.dawnbench(
                        valid != null ? "validation" : "test", history.timeToAccuracy(settings.threshold()),
                        history.trainSeconds(), wall, inference, testMetrics.accuracy()));
            }
            return record.build();
        }
    }
}
