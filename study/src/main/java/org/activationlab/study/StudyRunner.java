package org.activationlab.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.study.outputs.RunOutputs;
import org.activationlab.study.records.ActivationInfo;
import org.activationlab.study.records.EnvironmentInfo;
import org.activationlab.study.records.Fingerprints;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RecordStore;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.tensorflow.TensorFlow;

/**
 * Runs a study: the grid of an experiment's variants x activations x seeds, seed-major, one record per run written
 * atomically as it finishes. Finished runs of the same settings are kept (so an interrupted study continues where
 * it stopped), runs of other settings go to their own folder, a diverged run is recorded and the study goes on, and
 * a run that fails is reported without stopping the others.
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
        OutputFolders.requireWritable(experimentDir, "results folder");
        StudySettings settings = plan.settings();
        StudyGrid grid = new StudyGrid(experiment.variants(settings), plan.activations(), plan.seeds());
        List<StudyGrid.Run> runs = plan.shard() == null ? grid.runs() : grid.shard(plan.shard());
        RecordStore store = RecordStore.open(experimentDir, experiment.name());
        D data = experiment.prepare(settings, new Experiment.DataContext() {
            @Override
            public DatasetResolver resolver() {
                return resolver;
            }

            @Override
            public void log(String line) {
                plan.log().accept(line);
            }
        });
        EnvironmentInfo environment = EnvironmentInfo.capture(TensorFlow.version());
        List<RunRecord> records = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int trained = 0;
        int kept = 0;
        try (ProgressBar bar = plan.progress() && runs.size() > 1 && System.console() != null
                ? new ProgressBarBuilder().setTaskName(experiment.name()).setInitialMax(runs.size())
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).build()
                : null) {
            for (StudyGrid.Run run : runs) {
                Protocol protocol;
                try {
                    protocol = experiment.protocol(data, run, settings);
                } catch (RuntimeException e) {
                    fail(run, e, failures, plan);
                    continue;
                }
                RecordStore.Placement place = store.place(run.variant(), protocol,
                        ActivationInfo.of(run.activation()), run.activation().slug(), run.seed());
                if (place.existing() != null && !plan.overwrite()) {
                    kept++;
                    records.add(place.existing());
                    plan.log().accept(label(run) + ": kept the finished run " + place.file()
                            + " (same settings; --overwrite re-runs it)");
                } else {
                    if (!place.otherSettings().isEmpty() && place.existing() == null) {
                        plan.log().accept(label(run) + ": settings differ from the runs in "
                                + place.file().getParent().getParent().getParent() + "; this run goes to "
                                + place.file().getParent());
                    }
                    String fingerprint = Fingerprints.of(experiment.name(), run.variant(), protocol,
                            ActivationInfo.of(run.activation()));
                    RunOutputs outputs = runOutputs(plan, experiment.name(), experimentDir, place.file(),
                            fingerprint);
                    RunContext context = new RunContext(experiment.name(), run, settings, protocol, plan.command(),
                            environment, plan.progress(), plan.log(), plan.epochs(), outputs);
                    RunRecord record;
                    try {
                        record = experiment.run(data, context);
                    } catch (RuntimeException e) {
                        fail(run, e, failures, plan);
                        continue;
                    }
                    if (!record.fingerprint().equals(fingerprint)) {
                        throw new IllegalStateException("experiment " + experiment.name() + " returned a record whose"
                                + " protocol differs from the one it announced for " + label(run)
                                + "; build the record from RunContext.record()");
                    }
                    write(place.file(), record);
                    outputs.recordWritten();
                    store.register(place.file(), record);
                    records.add(record);
                    trained++;
                    plan.log().accept(summary(record) + " [run " + (trained + kept) + " of " + runs.size() + "] -> "
                            + place.file());
                }
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return new StudyResult(experiment, experimentDir, records, trained, kept, failures);
    }

    /** A run that threw: noted and logged; the study goes on with the next run. */
    private static void fail(StudyGrid.Run run, RuntimeException e, List<String> failures, StudyPlan plan) {
        String line = label(run) + " failed: " + e;
        failures.add(line);
        plan.log().accept(line);
    }

    /**
     * The run's saved model, TensorBoard and checkpoint folders, named like its record in the experiment's folder
     * ({@code <experiment>/[<variant>/][<other settings>/]<activation>-seed<n>}); tagged with the record's
     * fingerprint, so a restarted run of the same settings continues from its checkpoint (unless overwriting).
     */
    private static RunOutputs runOutputs(StudyPlan plan, String experiment, Path experimentDir, Path recordFile,
            String fingerprint) {
        if (!plan.outputs().any()) {
            return RunOutputs.none();
        }
        String relative = Path.of(experiment).resolve(experimentDir.relativize(recordFile)).toString();
        Path name = Path.of(relative.substring(0, relative.length() - ".json".length()));
        return plan.outputs().forRun(name, fingerprint, !plan.overwrite(), plan.log());
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
