package org.activationlab.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.EnvironmentInfo;
import org.activationlab.study.records.Fingerprints;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RecordStore;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.IntraOpPools;
import org.activationlab.tf.Precision;
import org.activationlab.tf.PrecisionSupport;
import org.tensorflow.TensorFlow;

/**
 * Runs a study: the grid of an experiment's variants x activations x seeds, seed-major, one record per run written
 * atomically as it finishes. Finished runs of the same settings are kept (so an interrupted study continues where
 * it stopped), runs of other settings go to their own folder, a diverged run is recorded and the study goes on, and
 * a run that fails is reported without stopping the others. The runs left to train go to the plan's
 * {@link GridExecutor}: by default threads in this JVM, several runs side by side.
 */
public final class StudyRunner {

    private StudyRunner() {
    }

    /**
     * Runs {@code plan} of {@code experiment}, writing its records into {@code experimentDir} (on the command line
     * {@code <out>/<experiment>}).
     *
     * @throws IllegalArgumentException before any training if {@code experimentDir} cannot be written or the plan
     *     does not fit the experiment
     * @throws IllegalStateException if a finished run's record cannot be written (the message says where it was
     *     kept instead)
     */
    public static <D> StudyResult run(Experiment<D> experiment, StudyPlan plan, DatasetResolver resolver,
            Path experimentDir) throws IOException {
        GridExecutor executor = GridExecutors.named(plan.execution().executor());
        if (executor.writesRecords()) {
            OutputFolders.requireWritable(experimentDir, "results folder");
        }
        StudySettings settings = plan.settings();
        PrecisionSupport.require(settings.precision(), settings.device());
        StudyGrid grid = new StudyGrid(experiment.variants(settings), plan.activations(), plan.seeds());
        List<StudyGrid.Run> runs = plan.shard() == null ? grid.runs() : grid.shard(plan.shard());
        RecordStore store = RecordStore.open(experimentDir, experiment.name());
        Object lock = new Object();
        Consumer<String> log = line -> {
            synchronized (lock) {
                plan.log().accept(line);
            }
        };
        EpochListener epochs = (run, epoch) -> {
            synchronized (lock) {
                plan.epochs().epoch(run, epoch);
            }
        };
        D data = experiment.prepare(settings, Experiment.DataContext.of(resolver, log));
        EnvironmentInfo environment = environment();
        RunRecord[] records = new RunRecord[runs.size()];
        Map<Integer, Integer> slotOfIndex = new HashMap<>();
        List<StudyGrid.Run> pending = new ArrayList<>();
        List<RecordStore.Placement> places = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < runs.size(); i++) {
            StudyGrid.Run run = runs.get(i);
            slotOfIndex.put(run.index(), i);
            Protocol protocol;
            try {
                protocol = protocol(experiment, data, run, settings);
            } catch (RuntimeException e) {
                // a run whose model or protocol cannot be built fails alone; the study goes on
                String line = label(run) + " failed: " + e;
                failures.add(line);
                log.accept(line);
                continue;
            }
            RecordStore.Placement place = store.place(run.variant(), protocol, ActivationInfo.of(run.activation()),
                    run.activation().slug(), run.seed());
            if (place.existing() != null && !plan.overwrite()) {
                kept++;
                records[i] = place.existing();
                log.accept(label(run) + ": kept the finished run " + place.file()
                        + " (same settings; --overwrite re-runs it)");
                continue;
            }
            if (!place.otherSettings().isEmpty() && place.existing() == null) {
                log.accept(label(run) + ": settings differ from the runs in "
                        + place.file().getParent().getParent().getParent() + "; this run goes to "
                        + place.file().getParent());
            }
            pending.add(run);
            places.add(place);
            fingerprints.add(Fingerprints.of(experiment.name(), run.variant(), protocol,
                    ActivationInfo.of(run.activation())));
        }
        List<GridCell> cells = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            StudyGrid.Run run = pending.get(i);
            cells.add(new GridCell(run.index(), i + 1, pending.size(), run.variant(), run.activation().spec(),
                    run.seed(), places.get(i).file().toString(), fingerprints.get(i)));
        }
        int[] trained = {0};
        int finishedBefore = kept;
        try (ProgressBar bar = plan.progress() && runs.size() > 1 && System.console() != null
                ? new ProgressBarBuilder().setTaskName(experiment.name()).setInitialMax(runs.size())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).build()
                : null) {
            if (bar != null) {
                bar.stepBy(kept);
            }
            GridJob<D> job = GridJob.of(experiment, data, settings, plan.command(), resolver, environment,
                    plan.execution(), plan.progress(), log, epochs, plan.outputs(), experimentDir, !plan.overwrite());
            executor.execute(job, cells, new GridListener() {
                @Override
                public void finished(GridCell cell, RunRecord record) {
                    synchronized (lock) {
                        store.register(Path.of(cell.file()), record);
                        records[slotOfIndex.get(cell.index())] = record;
                        trained[0]++;
                        plan.log().accept(summary(record) + " [run " + (finishedBefore + trained[0] + failures.size())
                                + " of " + runs.size() + "] -> " + cell.file());
                        if (bar != null) {
                            bar.step();
                        }
                    }
                }

                @Override
                public void failed(GridCell cell, String line) {
                    synchronized (lock) {
                        failures.add(line);
                        plan.log().accept(line);
                        if (bar != null) {
                            bar.step();
                        }
                    }
                }
            });
        }
        plan.outputs().tidy();
        List<RunRecord> done = Arrays.stream(records).filter(Objects::nonNull).toList();
        return new StudyResult(experiment, experimentDir, done, trained[0], kept, failures);
    }

    /** This JVM's environment as its runs' records hold it: the machine, TensorFlow and its thread pools. */
    public static EnvironmentInfo environment() {
        return EnvironmentInfo.capture(TensorFlow.version(), IntraOpPools.process().perSession());
    }

    /**
     * The protocol of {@code run}: the experiment's, with the precision among the settings when it is not the
     * default FP32 (so that records of FP32 runs keep the fingerprint they had before precision was a choice).
     */
    static <D> Protocol protocol(Experiment<D> experiment, D data, StudyGrid.Run run, StudySettings settings) {
        Protocol protocol = experiment.protocol(data, run, settings);
        return settings.precision() == Precision.FP32 ? protocol
                : protocol.withSetting(Protocol.PRECISION_SETTING, settings.precision().cliName());
    }

    private static String label(StudyGrid.Run run) {
        return (run.variant().isEmpty() ? "" : run.variant() + " ") + run.activation().spec() + " seed " + run.seed();
    }

    /** Writes atomically; if that fails, keeps the record in the temporary folder and says where. */
    static void write(Path file, RunRecord record) {
        try {
            RunRecords.write(file, record);
        } catch (UncheckedIOException e) {
            Path kept;
            try {
                kept = Files.createTempFile("activation-lab-" + file.getFileName().toString().replace(".json", "-"),
                        ".json");
                Files.writeString(kept, RunRecords.toJson(record), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new IllegalStateException("cannot write the record " + file + " (" + e.getMessage()
                        + ") nor keep it in the temporary folder (" + again.getMessage() + "); the run is lost", e);
            }
            throw new IllegalStateException("cannot write the record " + file + " (" + e.getMessage()
                    + "); the finished run is kept in " + kept + ": copy it to " + file + " once the folder is"
                    + " writable", e);
        }
    }

    /** One line per finished run for the log. */
    static String summary(RunRecord r) {
        String variant = r.variant().isEmpty() ? "" : " [" + r.variant() + "]";
        String status = r.diverged() ? " diverged at epoch " + r.divergedEpoch() + "," : "";
        String test = r.test() == null ? "not evaluated" : String.format(Locale.ROOT, "%.4f", r.test().accuracy());
        return String.format(Locale.ROOT, "%s seed %d%s:%s test accuracy %s, %.1f s training",
                r.activation().display(), r.seed(), variant, status, test, r.trainingSeconds());
    }
}
