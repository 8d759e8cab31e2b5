package org.activationlab.study;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.EnvironmentInfo;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Optimizer;
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
    private final int threads;

    RunContext(String experiment, StudyGrid.Run run, StudySettings settings, Protocol protocol, String command,
            EnvironmentInfo environment, boolean progress, Consumer<String> log, EpochListener epochs, int threads) {
        this.experiment = experiment;
        this.run = run;
        this.settings = settings;
        this.protocol = Objects.requireNonNull(protocol, "the experiment returned no protocol");
        this.command = command;
        this.environment = environment;
        this.progress = progress;
        this.log = log;
        this.epochs = epochs;
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
     * Fit options for the study's epochs with {@code batchSize}, shuffled with the run's seed, the per-epoch log
     * line and the study's epoch listener; {@code monitored} names the split evaluated after every epoch.
     */
    public FitOptions.Builder fit(int batchSize, String monitored) {
        return FitOptions.builder(settings.epochs(), batchSize).shuffleSeed(run.seed()).progress(progress)
                .callback(epochLogger(monitored));
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
     * {@code test} may be {@code null} (not evaluated).
     */
    public RunRecord.Builder record(History history, Evaluation validation, Evaluation test) {
        return record().history(Measurements.history(history)).divergedAt(history.divergedEpoch())
                .validation(validation == null ? null : Measurements.split(validation))
                .test(test == null ? null : Measurements.split(test))
                .trainingSeconds(history.trainSeconds());
    }
}
