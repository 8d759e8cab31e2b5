package org.activationlab.study;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.outputs.RunOutputs;
import org.activationlab.study.outputs.StudyOutputs;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.EnvironmentInfo;
import org.activationlab.study.records.Fingerprints;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;

/**
 * What every cell of one study shares: the experiment, its prepared data (read-only, shared by the runs), the
 * settings and what goes into every record; {@link #train} turns one {@link GridCell} into a record on disk.
 *
 * @param <D> the experiment's prepared data
 */
public final class GridJob<D> {

    private final Experiment<D> experiment;
    private final D data;
    private final StudySettings settings;
    private final String command;
    private final DatasetResolver resolver;
    private final EnvironmentInfo environment;
    private final Execution execution;
    private final boolean progress;
    private final Consumer<String> log;
    private final EpochListener epochs;
    private final StudyOutputs outputs;
    private final Path experimentDir;
    private final boolean resume;

    private GridJob(Experiment<D> experiment, D data, StudySettings settings, String command,
            DatasetResolver resolver, EnvironmentInfo environment, Execution execution, boolean progress,
            Consumer<String> log, EpochListener epochs, StudyOutputs outputs, Path experimentDir, boolean resume) {
        this.experiment = Objects.requireNonNull(experiment, "experiment must not be null");
        this.data = data;
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.command = Objects.requireNonNull(command, "command must not be null");
        this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
        this.environment = Objects.requireNonNull(environment, "environment must not be null");
        this.execution = Objects.requireNonNull(execution, "execution must not be null");
        this.progress = progress;
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.epochs = Objects.requireNonNull(epochs, "epoch listener must not be null");
        this.outputs = Objects.requireNonNull(outputs, "outputs must not be null");
        this.experimentDir = experimentDir;
        this.resume = resume;
    }

    /**
     * The job of {@code experiment} with {@code data} already prepared for {@code settings}; {@code log} and
     * {@code epochs} may be called from several threads. {@code outputs} (saved models, TensorBoard events,
     * checkpoints; {@link StudyOutputs#none()} for none) name each run's folders after its record's place in
     * {@code experimentDir}; with {@code resume}, a run restarted with the same settings continues from its newest
     * checkpoint.
     */
    public static <D> GridJob<D> of(Experiment<D> experiment, D data, StudySettings settings, String command,
            DatasetResolver resolver, EnvironmentInfo environment, Execution execution, boolean progress,
            Consumer<String> log, EpochListener epochs, StudyOutputs outputs, Path experimentDir, boolean resume) {
        return new GridJob<>(experiment, data, settings, command, resolver, environment, execution, progress, log,
                epochs, outputs, experimentDir, resume);
    }

    public Experiment<D> experiment() {
        return experiment;
    }

    public D data() {
        return data;
    }

    public StudySettings settings() {
        return settings;
    }

    /** The command line recorded in every record. */
    public String command() {
        return command;
    }

    /** Where the data came from, for executors that prepare it again elsewhere. */
    public DatasetResolver resolver() {
        return resolver;
    }

    public Execution execution() {
        return execution;
    }

    /** Logs one line. */
    public void log(String line) {
        log.accept(line);
    }

    /**
     * The record a cell already wrote with the cell's settings (a cell executed again, e.g. after a lost Spark
     * executor), or {@code null}.
     */
    public static RunRecord alreadyWritten(GridCell cell) {
        Path file = Path.of(cell.file());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        RunRecord r = RunRecords.read(file);
        return r.fingerprint().equals(cell.fingerprint()) ? r : null;
    }

    /**
     * Trains {@code cell}, writes its record atomically to the cell's file and tells {@code listener}; a run that
     * throws, or whose settings here differ from those the study planned (other data on this machine), is reported
     * as failed.
     *
     * @param threads the session's intra-op threads, 0 for TensorFlow's default pools when the run trains alone
     *     (only then does the backend show its per-epoch progress bar)
     * @param runLog receives the run's lines
     * @throws IllegalStateException if the experiment returns a record of other settings, or the record cannot be
     *     written (the message says where it was kept)
     */
    public void train(GridCell cell, int threads, Consumer<String> runLog, GridListener listener) {
        Activation activation = Activations.parse(cell.activation());
        StudyGrid.Run run = new StudyGrid.Run(cell.index(), cell.variant(), activation, cell.seed());
        Protocol protocol = StudyRunner.protocol(experiment, data, run, settings);
        String fingerprint = Fingerprints.of(experiment.name(), run.variant(), protocol, ActivationInfo.of(activation));
        if (!fingerprint.equals(cell.fingerprint())) {
            listener.failed(cell, cell.label() + " failed: its settings here (fingerprint " + fingerprint + ") differ"
                    + " from those the study planned (" + cell.fingerprint() + "); give every machine the same data"
                    + " and software");
            return;
        }
        RunOutputs runOutputs = runOutputs(cell, runLog);
        RunContext context = new RunContext(experiment.name(), run, settings, protocol, command,
                environment.withIntraOpThreads(threads), progress && threads == 0, runLog, epochs, runOutputs,
                threads);
        RunRecord record;
        try {
            record = experiment.run(data, context);
        } catch (RuntimeException e) {
            listener.failed(cell, cell.label() + " failed: " + e);
            return;
        }
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IllegalStateException("experiment " + experiment.name() + " returned a record whose protocol"
                    + " differs from the one it announced for " + cell.label() + "; build the record from"
                    + " RunContext.record()");
        }
        StudyRunner.write(Path.of(cell.file()), record);
        try {
            runOutputs.recordWritten();
        } catch (UncheckedIOException e) {
            // the record is safe; leftover checkpoints are clutter, not a reason to stop the other runs
            runLog.accept("activation-lab: " + e.getMessage() + " (the run's record is written; delete the folder by"
                    + " hand)");
        }
        listener.finished(cell, record);
    }

    /**
     * The run's saved model, TensorBoard and checkpoint folders, named like its record in the experiment's folder
     * ({@code <experiment>/[<variant>/][<other settings>/]<activation>-seed<n>}); tagged with the record's
     * fingerprint, so a restarted run of the same settings continues from its checkpoint (unless overwriting).
     */
    private RunOutputs runOutputs(GridCell cell, Consumer<String> runLog) {
        if (!outputs.any()) {
            return RunOutputs.none();
        }
        String relative = Path.of(experiment.name()).resolve(experimentDir.relativize(Path.of(cell.file())))
                .toString();
        Path name = Path.of(relative.substring(0, relative.length() - ".json".length()));
        return outputs.forRun(name, cell.fingerprint(), resume, runLog);
    }
}
