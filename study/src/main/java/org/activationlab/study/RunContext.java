package org.activationlab.study;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.outputs.RunOutputs;
import org.activationlab.study.progress.ProgressBarListener;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.EnvironmentInfo;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;

/**
 * What one run of a study needs besides the data: which run it is, the settings, its protocol (computed before it
 * trained), and the pieces every experiment's run is made of, so that a run is compile, fit, evaluate and
 * {@link #record(History, Evaluation, Evaluation)}.
 */
public final class RunContext {

    private final String experiment;
    private final StudyGrid.Run run;
    private final StudySettings settings;
    private final Protocol protocol;
    private final String command;
    private final EnvironmentInfo environment;
    private final boolean progress;
    private final Consumer<String> log;
    private final EpochListener epochs;
    private final RunOutputs outputs;
    private final int threads;

    RunContext(String experiment, StudyGrid.Run run, StudySettings settings, Protocol protocol, String command,
            EnvironmentInfo environment, boolean progress, Consumer<String> log, EpochListener epochs,
            RunOutputs outputs, int threads) {
        this.experiment = experiment;
        this.run = run;
        this.settings = settings;
        this.protocol = Objects.requireNonNull(protocol, "the experiment returned no protocol");
        this.command = command;
        this.environment = environment;
        this.progress = progress;
        this.log = log;
        this.epochs = epochs;
        this.outputs = outputs;
        this.threads = threads;
    }

    public StudyGrid.Run run() {
        return run;
    }

    public StudySettings settings() {
        return settings;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Logs one line (to standard error on the command line). */
    public void log(String line) {
        log.accept(line);
    }

    /**
     * The run's training configuration: its seed, the study's determinism, device and precision, and the threads
     * of its share of the cores when runs train side by side.
     */
    public TrainingConfig config(Optimizer optimizer) {
        return TrainingConfig.of(optimizer, run.seed()).withDeterministic(settings.deterministic())
                .withDevice(settings.device()).withPrecision(settings.precision()).withThreads(threads);
    }

    /**
     * Compiles the run's model and hands it to the study's outputs: when the run was interrupted and restarted with
     * the same settings it continues from its newest checkpoint (weights, optimizer state, step), and the model is
     * saved with {@code info} (class names, preprocessing) when the record is built. Compile through here, then
     * take the options from {@link #fit}, to get checkpoints, TensorBoard events and saved models.
     */
    public CompiledModel compile(Sequential model, TrainingConfig config, ModelInfo info) {
        CompiledModel compiled = ModelCompiler.compile(model, config);
        try {
            outputs.restore(compiled, info);
            return compiled;
        } catch (RuntimeException e) {
            compiled.close();
            throw e;
        }
    }

    /**
     * Fit options for the study's epochs with {@code batchSize}, shuffled with the run's seed, the per-epoch log
     * line and the study's epoch listener; {@code monitored} names the split evaluated after every epoch. After
     * {@link #compile} they also continue an interrupted run and write checkpoints and TensorBoard events.
     */
    public FitOptions.Builder fit(int batchSize, String monitored) {
        return outputs.attach(FitOptions.builder(settings.epochs(), batchSize).shuffleSeed(run.seed())
                .listeners(ProgressBarListener.shownIf(progress))
                .callback(epochLogger(monitored)));
    }

    /** Logs every epoch and passes it to the study's listener. */
    public Callback epochLogger(String monitored) {
        String variant = run.variant().isEmpty() ? "" : run.variant() + " ";
        return (s, control) -> {
            epochs.epoch(run, Measurements.epoch(s));
            log.accept(String.format(Locale.ROOT, "%s%s seed %d epoch %d/%d: loss %.4f acc %.4f | %s loss %.4f acc"
                    + " %.4f | %.1f s", variant, run.activation().spec(), run.seed(), s.epoch(), settings.epochs(),
                    s.trainLoss(), s.trainAccuracy(), monitored, s.valLoss(), s.valAccuracy(), s.trainSeconds()));
        };
    }

    /** The record of this run with its identity, protocol, environment and command filled in. */
    public RunRecord.Builder record() {
        return RunRecord.builder(experiment, ActivationInfo.of(run.activation()), run.seed()).variant(run.variant())
                .protocol(protocol).environment(environment).command(command);
    }

    /**
     * {@link #record()} with the history, status and final metrics of a trained model: {@code validation} or
     * {@code test} may be {@code null} (not evaluated). A model compiled by {@link #compile} is saved now, and its
     * test metrics go to TensorBoard, when the study asks for them.
     */
    public RunRecord.Builder record(History history, Evaluation validation, Evaluation test) {
        outputs.finish(test, history.epochs().size());
        return record().history(Measurements.history(history)).divergedAt(history.divergedEpoch())
                .validation(validation == null ? null : Measurements.split(validation))
                .test(test == null ? null : Measurements.split(test))
                .trainingSeconds(history.trainSeconds());
    }
}
